/** The HTML of every page type passes html-validate's standard rules; every internal link resolves. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { HOSTED_EDITOR_HOSTS } from '../../src/lib/editor/admin-files.ts';
import { describe, expect, it } from 'vitest';
import { listTree } from '../../scripts/lib/files.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { scanHtml } from '../../src/lib/site/html-links.ts';
import { TEST_SETTINGS } from './global-setup.ts';
import { ALL_PAGES, PAGE_TYPES, baseSite, site } from './helpers.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // Astro writes <!DOCTYPE html> in upper case; both are valid HTML.
    'doctype-style': 'off',
  },
});

describe('html-validate', () => {
  it.each(ALL_PAGES)('%s is valid HTML', async (_label, pagePath) => {
    const file = path.join(site().dir, pagePath, 'index.html');
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it.each(['404.html', 'en/404/index.html'])('the 404 page %s is valid HTML', async (file) => {
    const report = await validator.validateString(await readFile(path.join(site().dir, file), 'utf8'), file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });
});

describe('language-neutral ids', () => {
  it.each(Object.entries(PAGE_TYPES))(
    'the %s page has the same ids in both languages, so a #fragment means the same place on either',
    async (_name, pagePath) => {
      const ids = async (root: string) =>
        [...scanHtml(await readFile(path.join(site().dir, root, pagePath, 'index.html'), 'utf8')).ids].sort();
      expect(await ids('en')).toEqual(await ids(''));
    },
  );

  it('gives an entry body’s headings ids by their place in the outline, the same in both languages', async () => {
    const html = await readFile(path.join(site().dir, 'en', PAGE_TYPES.entry!, 'index.html'), 'utf8');
    const headings = [...html.matchAll(/<h[2-6] id="(s-[^"]*)"/g)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(1);
    for (const id of headings) expect(id).toMatch(/^s-\d+(?:-\d+)*$/);
  });
});

describe('links', () => {
  it('every internal href, src and #fragment of the whole site resolves', async () => {
    const report = await checkLinks(site().dir);
    expect(report.pages).toBeGreaterThan(250);
    expect(report.broken).toEqual([]);
  }, 120_000);
});

/** The placeholder origin builds without SITE_URL used to publish. */
const PLACEHOLDER = '5g-standards.example.org';
/** Namespaces the formats name (XML, Atom, OpenSearch, sitemaps, JSON-LD): no address of the site. */
const NAMESPACES = ['www.w3.org', 'schema.org', 'a9.com', 'www.mozilla.org', 'www.sitemaps.org', 'www.google.com'];
const TEXT = /\.(html|xml|json|txt|bib|ris|csv|js|css|svg)$/;
const HOSTS = /https?:\/\/([a-z0-9.-]+)/gi;

/** Every host a folder's text files name, with a file that names it. */
async function hostsIn(dir: string, text = TEXT): Promise<Map<string, string>> {
  const hosts = new Map<string, string>();
  // pagefind's and the editor's bundled libraries (admin/) are library code, not the catalogue's own output.
  const ours = (f: string) => text.test(f) && !f.startsWith('pagefind/') && !/^admin\/.*\.js$/.test(f);
  for (const file of (await listTree(dir)).filter(ours))
    for (const m of (await readFile(path.join(dir, file), 'utf8')).matchAll(HOSTS))
      if (!hosts.has(m[1]!.toLowerCase())) hosts.set(m[1]!.toLowerCase(), file);
  return hosts;
}

describe('a build without SITE_URL (the main site) and one with it (the base-path site)', () => {
  it('name no invented domain in any file: only hosts the catalogue itself cites, the settings given, and namespaces', async () => {
    // Hosts the content names (sources, issuers, body links, terms) are the catalogue's own evidence.
    const cited = await hostsIn(site().content, /\.(mdx|yaml)$/);
    const allowed = new Set([
      ...cited.keys(),
      ...NAMESPACES,
      ...Object.values(TEST_SETTINGS)
        .filter((value) => URL.canParse(value))
        .map((u) => new URL(u).host),
      // The hosted editor's Git host (TEST_SETTINGS turns it on), named in /admin/'s policy.
      ...Object.values(HOSTED_EDITOR_HOSTS).map((u) => new URL(u).host),
    ]);
    for (const [dir, extra] of [
      [site().dir, []],
      [site().offline, []],
      [baseSite().dir, [new URL(baseSite().origin).host]],
    ] as const) {
      const named = await hostsIn(dir);
      expect(named.size, dir).toBeGreaterThan(10);
      const invented = [...named].filter(
        ([host]) => !allowed.has(host) && !(extra as readonly string[]).includes(host),
      );
      expect(invented, dir).toEqual([]);
      expect(named.has(PLACEHOLDER), dir).toBe(false);
    }
    // The base-path site does name its own address; the preview never does.
    expect((await hostsIn(baseSite().dir)).has(new URL(baseSite().origin).host)).toBe(true);
  }, 120_000);

  it('mark the preview as one: noindex and no canonical link on every page, no sitemap, robots.txt keeps crawlers out', async () => {
    for (const [, pagePath] of ALL_PAGES) {
      const preview = await readFile(path.join(site().dir, pagePath, 'index.html'), 'utf8');
      expect(preview, pagePath).toContain('<meta name="robots" content="noindex">');
      expect(preview, pagePath).not.toContain('rel="canonical"');
      expect(preview, pagePath).toMatch(/<p class="preview-note">[^<]+SITE_URL/);
      const published = await readFile(path.join(baseSite().dir, pagePath, 'index.html'), 'utf8');
      expect(published, pagePath).toContain(`<link rel="canonical" href="${baseSite().origin}/catalogue/${pagePath}">`);
      expect(published, pagePath).not.toContain('noindex');
      expect(published, pagePath).not.toContain('preview-note');
    }
    const files = await listTree(site().dir);
    expect(files.filter((f) => f.startsWith('sitemap'))).toEqual([]);
    expect(await readFile(path.join(site().dir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
  });
});
