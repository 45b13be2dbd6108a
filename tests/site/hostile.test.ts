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
import { describe, expect, inject, it } from 'vitest';
import { listTree } from '../../scripts/lib/files.ts';
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
