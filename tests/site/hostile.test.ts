/**
 * Hostile contributions in the built site (issue #13): entries generated from the payloads of every class that the
 * check accepted were built with the real catalogue (global setup), next to a sector whose name tries to close a
 * script element. Nothing they hold runs, every page keeps its Content-Security-Policy, and the pages stay valid
 * and accessible; the exports keep the text as text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { SAXParser } from 'parse5-sax-parser';
import { describe, expect, inject, it } from 'vitest';
import { listTree } from '../../scripts/lib/files.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site/csp.ts';
import { HOSTILE_SECTOR_NAME } from './global-setup.ts';
import { axeViolations, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const accepted = inject('hostileAccepted');
const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'doctype-style': 'off' } });
const pages = accepted.flatMap((id) => [`standards/${id}/`, `en/standards/${id}/`]);

describe('the hostile content', () => {
  it('reached both sides of the check', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(inject('hostileRefused')).toBeGreaterThanOrEqual(5);
  });
});

describe.concurrent('accepted hostile entries', () => {
  it.for(pages)('%s runs nothing, is valid HTML and passes axe', async (pagePath, { expect }) => {
    const file = path.join(site().dir, pagePath, 'index.html');
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
    // Without the policy's help: escaping alone must hold.
    const page = await browser().newPage({ bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(site().url + pagePath);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('a sector name that tries to close a script element', () => {
  it.each(['en/search/', 'en/search/?q=5G', 'en/sectors/', 'en/sectors/culture-tourism/', 'en/standards/', 'en/'])(
    'shows as text on %s and runs nothing',
    async (pagePath) => {
      const page = await browser().newPage({ bypassCSP: true });
      const problems = watch(page);
      await page.goto(site().url + pagePath);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      if (!pagePath.startsWith('en/search/'))
        expect(await page.evaluate(() => document.body.innerText)).toContain(HOSTILE_SECTOR_NAME);
      expect(await page.$$('img[src="x"]')).toHaveLength(0);
      expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
      await page.close();
    },
  );
});

/** The inline scripts (data blocks such as JSON-LD do not run) and stylesheets of a page, by their tags. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  const parser = new SAXParser();
  parser.on('startTag', ({ tagName, attrs }) => {
    const attr = (name: string) => attrs.find((a) => a.name === name)?.value;
    if (tagName === 'style') found.push('<style>');
    if (tagName === 'script' && attr('src') === undefined && !/^application\/(ld\+)?json$/.test(attr('type') ?? ''))
      found.push(`<script type="${attr('type') ?? ''}">`);
  });
  parser.end(html);
  return found;
}

describe('the Content-Security-Policy', () => {
  it('is on every page, and lets no inline or foreign script run', async () => {
    // The browser editor's page has a policy of its own (tests/site/editor.test.ts).
    const files = (await listTree(site().dir)).filter((f) => f.endsWith('.html') && !f.startsWith('admin/'));
    expect(files.length).toBeGreaterThan(250);
    for (const file of files) {
      const html = await readFile(path.join(site().dir, file), 'utf8');
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy!)?.[1] ?? '';
      expect(scriptSrc, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\bdata:|\bblob:|\*/);
      expect(policy!, file).toMatch(/script-src-attr 'none'/);
      // The same policy everywhere, without hashes: no page has an inline script or stylesheet for one to allow.
      expect(policy, file).toBe(CONTENT_SECURITY_POLICY);
      expect(inlineCode(html), file).toEqual([]);
    }
  });

  it('blocks a script that an escaping bug would let into a page', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(`${site().url}en/standards/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwned = 2');
      img.src = 'data:,x';
      document.body.append(img);
    });
    // The policy reports each blocked script (the inline one and the handler) as a console error.
    await expect
      .poll(() => problems.filter((p) => /Content Security Policy/i.test(p)).length)
      .toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});

describe('the exports keep hostile text as text', () => {
  it('catalogue.csv holds no cell a spreadsheet would run as a formula', async () => {
    const csv = await readFile(path.join(site().dir, 'catalogue.csv'), 'utf8');
    const rows: Array<Record<string, string>> = parse(csv.slice(1), { columns: true });
    const cells = rows.flatMap((r) => Object.values(r));
    expect(rows.length).toBeGreaterThan(100);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // Titles that start like a formula are kept, behind an apostrophe.
    const json = JSON.parse(await readFile(path.join(site().dir, 'catalogue.json'), 'utf8')) as {
      entries: Array<{ id: string; title: { en: string } }>;
    };
    const formulas = json.entries.filter((e) => /^[=+\-@]/.test(e.title.en));
    expect(formulas.length).toBeGreaterThan(0);
    for (const e of formulas) expect(rows.find((r) => r.id === e.id)?.title_en).toBe(`'${e.title.en}`);
  });

  it('the feeds and catalogue.json parse, with the hostile titles as text', async () => {
    const json = JSON.parse(await readFile(path.join(site().dir, 'catalogue.json'), 'utf8')) as {
      entries: Array<{ id: string; title: { en: string } }>;
      sectors: Array<{ id: string; name: { en: string } }>;
    };
    expect(json.sectors.find((s) => s.id === 'culture-tourism')?.name.en).toBe(HOSTILE_SECTOR_NAME);
    for (const feed of ['feed.xml', 'en/feed.xml']) {
      const xml = await readFile(path.join(site().dir, feed), 'utf8');
      const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
        feed: { entry: Array<{ title: unknown }> };
      };
      expect(doc.feed.entry.length).toBeGreaterThan(0);
      expect(xml).not.toMatch(/<script/i);
    }
  });
});

describe('names every object inherits, code that looks like markup, long queries (issue 27)', () => {
  it('an entry named constructor builds; code that looks like a link attribute stays as written on both pages', async () => {
    for (const [root, href] of [
      ['', '/standards/constructor/'],
      ['en/', '/en/standards/constructor/'],
    ] as const) {
      const html = await readFile(path.join(site().dir, root, 'standards/constructor/index.html'), 'utf8');
      expect(html).toContain('<code>&#x3C;a href="/standards/constructor/"></code>');
      expect(html).toContain(`<a href="${href}">`);
    }
  });

  it('the compare page shows the entry named constructor, and nothing for the other inherited names', async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site().url}en/compare/?ids=constructor,tostring,valueof,hasownproperty,__proto__`);
    await page.waitForSelector('#compare-table');
    expect(await page.$$eval('#compare-table thead th a', (as) => as.map((a) => a.textContent))).toEqual(['PROTO 1']);
    expect(await page.locator('#compare-status').textContent()).toMatch(/tostring, valueof, hasownproperty|__proto__/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 3,000-character Chinese query is searched at once, its start only, with a notice', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    const query = '工业互联网网络切片超可靠低时延通信港口'.repeat(160).slice(0, 3_000);
    // Typed, not in the address: 27 KB of address is more than a web server takes.
    await page.goto(`${site().url}en/search/`);
    await page.waitForSelector('#search-results[data-query]', { state: 'attached' });
    const started = Date.now();
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(
      () => (document.getElementById('search-results')?.dataset.query ?? '').length > 200,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await page.locator('#search-status').textContent()).toContain('only its first 200 characters and 12 words');
    expect(problems).toEqual([]);
    await page.close();
  });
});
