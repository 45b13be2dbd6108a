/**
 * The catalogue built with BASE_PATH=/catalogue/ and served under that prefix only: every link
 * and asset stays under it and resolves, pages load with their styles, search works, and the
 * data files, feeds, sitemap and OpenSearch description name URLs under it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listTree } from '../../scripts/lib/files.ts';
import { scanHtml } from '../../src/lib/site/html-links.ts';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { TEST_SITE_URL } from './global-setup.ts';
import { ALL_PAGES, baseSite, resultCodes, searchDone, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const ORIGIN = TEST_SITE_URL;

describe('the files of a site built with BASE_PATH=/catalogue/', () => {
  it('has every internal link, asset and #fragment resolve under /catalogue/', async () => {
    const report = await checkLinks(baseSite().dir, `${ORIGIN}/`, baseSite().base);
    expect(report.pages).toBeGreaterThan(250);
    expect(report.broken).toEqual([]);
  }, 120_000);

  it('writes no root-relative URL outside /catalogue/ in any page or stylesheet', async () => {
    const files = await listTree(baseSite().dir);
    const outside: string[] = [];
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const url of scanHtml(await readFile(path.join(baseSite().dir, file), 'utf8')).urls) {
        const value = url.value.startsWith(ORIGIN) ? url.value.slice(ORIGIN.length) : url.value;
        if (!value.startsWith('/') || value.startsWith('//')) continue;
        checked++;
        if (!value.startsWith('/catalogue/')) outside.push(`${file}: ${url.attr}="${url.value}"`);
      }
    }
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      for (const m of (await readFile(path.join(baseSite().dir, file), 'utf8')).matchAll(
        /url\((['"]?)(\/[^)'"]*)\1\)/g,
      ))
        if (!m[2]!.startsWith('/catalogue/')) outside.push(`${file}: ${m[2]}`);
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(outside).toEqual([]);
  }, 120_000);

  it('gives catalogue.json, the feeds, the sitemap and robots.txt URLs under the base path', async () => {
    const read = (f: string) => readFile(path.join(baseSite().dir, f), 'utf8');
    const json = JSON.parse(await read('catalogue.json')) as {
      entries: Array<{ id: string; url: string; urlEn: string }>;
    };
    for (const e of json.entries) {
      expect(e.url).toBe(`/catalogue/standards/${e.id}/`);
      expect(e.urlEn).toBe(`/catalogue/en/standards/${e.id}/`);
    }
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await read('en/feed.xml')).feed;
    expect(feed.id).toBe(`${ORIGIN}/catalogue/en/`);
    for (const entry of feed.entry as Array<{ id: string }>)
      expect(entry.id.startsWith(`${ORIGIN}/catalogue/en/standards/`), entry.id).toBe(true);
    const locs = [...(await read('sitemap-0.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(250);
    for (const loc of locs) expect(loc.startsWith(`${ORIGIN}/catalogue/`), loc).toBe(true);
    expect(await read('sitemap-index.xml')).toContain(`<loc>${ORIGIN}/catalogue/sitemap-0.xml</loc>`);
    expect(await read('robots.txt')).toContain(`Sitemap: ${ORIGIN}/catalogue/sitemap-index.xml`);
  });

  it('cites each entry by its page under the base path, in every citation file and in catalogue.bib', async () => {
    const read = (f: string) => readFile(path.join(baseSite().dir, f), 'utf8');
    const page = `${ORIGIN}/catalogue/standards/3gpp-ts-22-104/`;
    expect(await read('cite/3gpp-ts-22-104.bib')).toContain(page);
    expect(await read('cite/3gpp-ts-22-104.ris')).toContain(page);
    expect(await read('catalogue.bib')).toContain(page);
    expect(await read('compare/data/3gpp-ts-22-104.js')).toContain('"3GPP TS 22.104"');
  });

  it('has an OpenSearch description whose {searchTerms} template is under the base path', async () => {
    for (const [file, page] of [
      ['opensearch.xml', 'search/'],
      ['en/opensearch.xml', 'en/search/'],
    ]) {
      const doc = new XMLParser({ ignoreAttributes: false }).parse(
        await readFile(path.join(baseSite().dir, file!), 'utf8'),
      ).OpenSearchDescription;
      const html = (doc.Url as Array<Record<string, string>>).find((u) => u['@_type'] === 'text/html')!;
      expect(html['@_template']).toBe(`${ORIGIN}/catalogue/${page}?q={searchTerms}`);
    }
  });
});

describe.concurrent('the site served under /catalogue/ only: every page type', () => {
  it.for(ALL_PAGES)('%s loads with its styles and no failed request', async ([, pagePath], { expect }) => {
    const page = await browser().newPage();
    const problems = watch(page);
    // Styles and scripts are loaded by the `load` event; the search page then loads its index and searches.
    const search = pagePath.endsWith('search/');
    const response = await page.goto(baseSite().url + pagePath + (search ? '?q=5G' : ''));
    expect(response?.status()).toBe(200);
    if (search) await searchDone(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    expect(await page.getAttribute('link[rel=search]', 'href')).toBe(
      `/catalogue/${pagePath.startsWith('en/') ? 'en/' : ''}opensearch.xml`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the site served under /catalogue/ only', () => {
  it('navigates from the home page to an entry, its sector and back, and switches language', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(`${baseSite().url}en/`);
    await page.click('nav.site-nav >> text=Standards');
    expect(new URL(page.url()).pathname).toBe('/catalogue/en/standards/');
    await page.click('table.data a:text-is("3GPP TS 22.104")');
    expect(new URL(page.url()).pathname).toBe('/catalogue/en/standards/3gpp-ts-22-104/');
    await page.click('.facts a.tag:text-is("Industrial internet")');
    expect(new URL(page.url()).pathname).toBe('/catalogue/en/sectors/industrial-internet/');
    await page.click('a.lang-switch');
    expect(new URL(page.url()).pathname).toBe('/catalogue/sectors/industrial-internet/');
    await page.click('a.brand');
    expect(new URL(page.url()).pathname).toBe('/catalogue/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows links inside entry bodies under the base path (bodies come from the render cache)', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseSite().url}en/standards/3gpp-ts-22-186/`);
    const hrefs = await page.$$eval('.prose a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/catalogue\/en\//);
    expect((await page.goto(new URL(hrefs[0]!, page.url()).href))?.status()).toBe(200);
    await page.close();
  });

  it.each([
    ['', '23.501', '3GPP TS 23.501'],
    ['en/', 'zyxquorbital', 'T/PROBE 1-2023'],
    ['', '纠缠调度', 'T/PROBE 1-2023'],
  ])('searches from /catalogue/%ssearch/ for %s and opens the result', async (root, query, code) => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(`${baseSite().url}${root}`);
    await page.fill('#site-q', query);
    await page.press('#site-q', 'Enter');
    await searchDone(page);
    expect(new URL(page.url()).pathname).toBe(`/catalogue/${root}search/`);
    expect((await resultCodes(page)).slice(0, 3)).toContain(code);
    await page.click(`#search-results a.designation:text-is("${code}")`);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/catalogue/${root}standards/[a-z0-9-]+/$`));
    expect(await page.textContent('h1')).toBe(code);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a missing address with the 404 page of its language, with a search box under the base path', async () => {
    const page = await browser().newPage();
    for (const [missing, lang, action] of [
      ['standards/no-such-entry/', 'zh-CN', '/catalogue/search/'],
      ['en/standards/no-such-entry/', 'en', '/catalogue/en/search/'],
    ] as const) {
      const response = await page.goto(baseSite().url + missing);
      expect(response?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
      const form = page.locator('main form.not-found-search').first();
      expect(await form.getAttribute('action')).toBe(action);
      expect(await form.locator('input[name=q]').inputValue()).toBe('no such entry');
    }
    await page.close();
  });
});

describe('without history and without EDIT_URL or ISSUE_URL', () => {
  it('dates an entry by its own `updated` field and says so, with no edit or report link', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseSite().url}en/standards/probe-key-industry/`);
    expect(await page.textContent('.last-changed time')).toBe('2030-01-01');
    expect(await page.textContent('.last-changed .field-note')).toContain('without its history');
    expect(await page.locator('#changes').count()).toBe(0);
    expect(await page.locator('a.edit-link, a.report-link').count()).toBe(0);
    await page.goto(`${baseSite().url}en/changes/`);
    expect(await page.textContent('main .notice')).toContain('built without the repository’s history');
    expect((await page.locator('main .entry-list a.designation').first().textContent())?.trim()).toBe('T/PROBE 1-2023');
    await page.close();
  });
});
