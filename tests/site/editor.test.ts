/**
 * The browser editor end to end. The global setup ran one session in Chromium under `npm run edit` on the copy of
 * the catalogue the base-path site is built from (editor-session.ts); this file judges what it recorded, opens the
 * new entry on that built site, and checks /admin/ in both built sites: its own policy, noindex, the hosted mode's
 * configuration, and its absence from the sitemap, the search index and the offline copy.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { problemText } from '../../src/lib/catalogue/problems.ts';
import { validateStandardFile } from '../../src/lib/catalogue/validate.ts';
import { readEntry, writeEntry } from '../../src/lib/editor/entry-file.ts';
import { listTree } from '../../scripts/lib/files.ts';
import { EDITED_ENTRY, EDITOR_ENTRY } from './editor-session.ts';
import { baseSite, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const session = () => inject('editorSession');

describe('a session in the browser editor under npm run edit', () => {
  it('ran every step, with no error in the console and no failed request of the editor’s files', () => {
    expect(session().error).toBeUndefined();
    expect(session().problems).toEqual([]);
    expect(session().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/$/);
  });

  it('created an entry through the form: both languages, a requirement row, two sources, valid for the check', () => {
    const text = session().createdText!;
    const { problems } = validateStandardFile({
      path: `content/standards/${EDITOR_ENTRY.id}.mdx`,
      id: EDITOR_ENTRY.id,
      text,
    });
    expect(problems).toEqual([]);
    const values = readEntry('standards', text);
    expect(values).toMatchObject({
      code: EDITOR_ENTRY.code,
      title: { zh: EDITOR_ENTRY.titleZh, en: EDITOR_ENTRY.titleEn },
      requirements: [{ id: 'remote-control-latency', metric: 'latency', comparator: '<=', value: 20, unit: 'ms' }],
      sources: [
        { label: 'Test source one', url: 'https://example.org/editor/one' },
        { label: 'Test source two', url: 'https://example.org/editor/two' },
      ],
      bodies: { zh: '## 范围\n\n编辑器测试条目的正文。', en: '## Scope\n\nThe text of the editor test entry.' },
    });
    // The authoring format of CONTRIBUTING.md: what the editor writes is what it would write for these values.
    expect(writeEntry('standards', { ...values, _source: undefined })).toBe(text);
  });

  it('showed a refused date with the check’s own message and wrote nothing', () => {
    const form = readEntry('standards', session().createdText!);
    const check = validateStandardFile({
      path: 'x.mdx',
      id: 'x',
      text: writeEntry('standards', { ...form, dates: { published: '2024-02-30' } }),
    }).problems.find((p) => p.field === 'dates.published')!;
    expect(session().inFormMessage).toBe(problemText(check));
    expect(session().inFormUnchanged).toBe(true);
  });

  it('refused a save the check refuses (a link to no page), showing the check’s line, and wrote nothing', () => {
    expect(session().refusedMessage).toMatch(
      new RegExp(
        `npm run check refuses this; nothing was written:\\s+.*standards/${EDITOR_ENTRY.id}\\.mdx:\\d+ {2}body {2}the link "/standards/no-such-entry/" leads to no page of the catalogue`,
      ),
    );
    expect(session().refusedUnchanged).toBe(true);
  });

  it('changed only the English title’s line of an existing entry', () => {
    const before = session().editedBefore!.split('\n');
    const after = session().editedAfter!.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.map((line, i) => [before[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      [
        before.find((l) => l.startsWith('  en: ')),
        '  en: "Technical requirements of 5G eMBB user equipment (Phase 1), edited in the browser"',
      ],
    ]);
    expect(session().editedBefore).toContain(`code: "YD/T 3627-2019"`);
    // Its pickers showed its own values: the issuer ccsa as the record it names.
    expect(session().editedBefore).toContain('\nbody: ccsa\n');
    expect(session().pickerShown).toMatch(/CCSA China Communications Standards Association/);
    expect(EDITED_ENTRY).toBe('yd-t-3627-2019');
  });

  it('listed an entry added by hand while it ran', () => {
    expect(session().handAddedListed).toBe(true);
  });

  it('showed a script typed into a title as text, in the preview and in the file, and ran none', () => {
    expect(session().previewTitle).toContain(EDITOR_ENTRY.titleEn);
    expect(session().createdText).toContain(`  en: ${JSON.stringify(EDITOR_ENTRY.titleEn)}\n`);
    expect(session().scriptRan).toBe(false);
  });
});

describe('the new entry on the site built from the edited copy', () => {
  it('has its page, with the title as text and no script of it run', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    const response = await page.goto(`${baseSite().url}en/standards/${EDITOR_ENTRY.id}/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe(EDITOR_ENTRY.code);
    const main = await page.textContent('main');
    expect(main).toContain(EDITOR_ENTRY.titleEn);
    expect(main).toContain('The text of the editor test entry.');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // The title may travel in data (JSON in a non-script type), never in a script that runs.
    const running = await page.$$eval(
      'script',
      (scripts) =>
        scripts
          .filter((e) => ['', 'module', 'text/javascript'].includes(e.getAttribute('type') ?? ''))
          .filter((e) => e.textContent?.includes('__pwned')).length,
    );
    expect(running).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('/admin/ in the built site', () => {
  const read = (dir: string, file: string) => readFile(path.join(dir, 'admin', file), 'utf8');
  const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];

  it('has a policy of its own: eval for the editor, nothing inline, nothing from elsewhere but GitHub and the sign-in service', async () => {
    const html = await read(site().dir, 'index.html');
    const policy = policyOf(html)!;
    const directive = (name: string) => new RegExp(`(?:^|; )${name} ([^;]*)`).exec(policy)?.[1];
    expect(directive('script-src')).toBe("'self' 'unsafe-eval'");
    expect(directive('script-src-attr')).toBe("'none'");
    expect(directive('connect-src')).toBe("'self' https://api.github.com https://auth.example.org");
    expect(directive('object-src')).toBe("'none'");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<script type="module" src="editor.js"></script>');
    // Decap CMS comes from npm with the site, never from a CDN.
    expect(html).not.toMatch(/https?:\/\/[^"]*\.js/);
    expect((await readdir(path.join(site().dir, 'admin'))).sort()).toEqual([
      'config.en.json',
      'config.zh.json',
      'decap-cms.js',
      'editor.css',
      'editor.js',
      'index.html',
    ]);
  });

  it('proposes each save as a pull request to the repository of the settings (hosted mode)', async () => {
    const config = JSON.parse(await read(site().dir, 'config.en.json')) as Record<string, unknown>;
    expect(config).toMatchObject({
      backend: { name: 'github', repo: 'standards/catalogue', branch: 'main', base_url: 'https://auth.example.org' },
      publish_mode: 'editorial_workflow',
      locale: 'en',
    });
  });

  it('says the editor is not set up, and loads no script, on a site built without its settings', async () => {
    const html = await read(baseSite().dir, 'index.html');
    expect(html).not.toContain('<script');
    expect(policyOf(html)).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    );
    expect(html).toContain('This site was built without the browser editor’s settings');
    expect(await readdir(path.join(baseSite().dir, 'admin'))).toEqual(['editor.css', 'index.html']);
  });

  it('is in neither the sitemap, the search index nor the offline copy', async () => {
    // The main site is a preview (no SITE_URL) and has no sitemap; the base-path site is published and has one.
    const sitemap = await readFile(path.join(baseSite().dir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/standards/');
    expect(sitemap).not.toContain('/admin/');
    // The search index holds one record per entry page, and nothing else.
    const entry = JSON.parse(await readFile(path.join(site().dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const entryPages = (await readdir(path.join(site().dir, 'standards'), { withFileTypes: true })).filter(
      (d) => d.isDirectory() && d.name !== 'page',
    );
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(entryPages.length);
    const offline = await listTree(site().offline);
    expect(offline.length).toBeGreaterThan(250);
    expect(offline.filter((f) => f.startsWith('admin/'))).toEqual([]);
  });
});
