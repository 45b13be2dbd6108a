/**
 * What a published site offers readers and their tools: the offline zip linked with its size and
 * date (after `npm run export`), schema.org JSON-LD, the OpenSearch description, the field guide,
 * and a 404 page in the reader's language with a search box.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ENTRY_STATES } from '../../src/lib/catalogue/graph.ts';
import { LEVELS, SCOPES, TIERS } from '../../src/lib/catalogue/schemas/index.ts';
import { DOWNLOAD_FILE, formatBytes } from '../../src/lib/site/download.ts';
import { ui } from '../../src/i18n/index.ts';
import { PROBE_HISTORY } from './history-fixture.ts';
import { ALL_PAGES, baseSite, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const read = (file: string) => readFile(path.join(site().dir, file), 'utf8');

describe('the offline zip published with the site', () => {
  it('is linked from the home and About pages of both languages with its size and date, and downloads', async () => {
    const bytes = (await stat(path.join(site().dir, DOWNLOAD_FILE))).size;
    const page = await browser().newPage();
    for (const [pagePath, lang] of [
      ['', 'zh'],
      ['en/', 'en'],
      ['about/', 'zh'],
      ['en/about/', 'en'],
    ] as const) {
      await page.goto(site().url + pagePath);
      const link = page.locator('.download-slot a.download');
      expect(await link.count(), pagePath).toBe(1);
      expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toBe(`/${DOWNLOAD_FILE}`);
      expect(await page.textContent('.download-slot .meta')).toBe(
        ui(lang).download.meta(formatBytes(bytes), '2026-11-25'),
      );
    }
    const response = await page.request.get(`${site().url}${DOWNLOAD_FILE}`);
    expect(response.status()).toBe(200);
    const zip = await response.body();
    expect(zip.length).toBe(bytes);
    const names = Object.keys(unzipSync(zip));
    expect(names).toContain('5g-standards-catalogue/index.html');
    expect(names.some((n) => n.includes('downloads/'))).toBe(false);
    await page.close();
  });

  it('is not linked from the pages inside the zip, which say they are the offline copy', async () => {
    for (const file of ['index.html', 'en/index.html', 'about/index.html', 'en/about/index.html']) {
      const html = await readFile(path.join(site().offline, file), 'utf8');
      expect(html, file).not.toContain('.zip');
      expect(html, file).toContain(
        file.startsWith('en/')
          ? 'You are reading the offline copy of the catalogue (made 2026-11-25).'
          : '您正在阅读本目录的离线版（2026-11-25 生成）。',
      );
    }
    expect(existsSync(path.join(site().offline, 'downloads'))).toBe(false);
  });
});

describe('schema.org JSON-LD on entry pages', () => {
  it('parses and names the standard, in both languages', async () => {
    for (const [root, title] of [
      ['', '探针标准：港口远程控制'],
      ['en/', 'Probe standard: remote control in ports'],
    ]) {
      const html = await read(`${root}standards/probe-key-industry/index.html`);
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks).toHaveLength(1);
      expect(blocks[0]![1]).not.toMatch(/[<>]/);
      const ld = JSON.parse(blocks[0]![1]!);
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        name: `T/PROBE 1-2023 ${title}`,
        identifier: 'T/PROBE 1-2023',
        // The main site is a preview (no SITE_URL): its addresses are root-relative, never an invented domain.
        url: `/${root}standards/probe-key-industry/`,
        datePublished: '2023-05-01',
        // The day of its last change, as its page says.
        dateModified: PROBE_HISTORY[0]!.day,
        publisher: { '@type': 'Organization' },
      });
    }
  });
});

describe('the OpenSearch description', () => {
  const readBase = (file: string) => readFile(path.join(baseSite().dir, file), 'utf8');
  it('is linked from every page type with rel=search and offers the search with {searchTerms}', async () => {
    for (const [, pagePath] of ALL_PAGES) {
      const html = await readBase(`${pagePath}index.html`);
      const link =
        /<link rel="search" type="application\/opensearchdescription\+xml" title="[^"]+" href="([^"]+)">/.exec(html);
      expect(link?.[1], pagePath).toBe(
        pagePath.startsWith('en/') ? '/catalogue/en/opensearch.xml' : '/catalogue/opensearch.xml',
      );
    }
    const doc = new XMLParser({ ignoreAttributes: false }).parse(
      await readBase('en/opensearch.xml'),
    ).OpenSearchDescription;
    expect(doc['@_xmlns']).toBe('http://a9.com/-/spec/opensearch/1.1/');
    expect([...String(doc.ShortName)].length).toBeLessThanOrEqual(16);
    const url = (doc.Url as Array<Record<string, string>>).find((u) => u['@_type'] === 'text/html')!;
    expect(url['@_template']).toBe(`${baseSite().origin}/catalogue/en/search/?q={searchTerms}`);
  });

  it('is left out of a preview, which has no address for it to name', async () => {
    expect(existsSync(path.join(site().dir, 'opensearch.xml'))).toBe(false);
    expect(existsSync(path.join(site().dir, 'en/opensearch.xml'))).toBe(false);
    for (const [, pagePath] of ALL_PAGES) expect(await read(`${pagePath}index.html`)).not.toContain('rel="search"');
  });

  it('leads to a search that runs the terms', async () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(
      await readBase('opensearch.xml'),
    ).OpenSearchDescription;
    const template = (doc.Url as Array<Record<string, string>>).find((u) => u['@_type'] === 'text/html')![
      '@_template'
    ]!;
    const local =
      new URL(template.replace('{searchTerms}', encodeURIComponent('23.501'))).pathname +
      new URL(template.replace('{searchTerms}', encodeURIComponent('23.501'))).search;
    const page = await browser().newPage();
    await page.goto(new URL(local, baseSite().url).href);
    await page.waitForSelector('#search-results[data-query]', { state: 'attached' });
    expect(await page.textContent('#search-results li a.designation')).toBe('3GPP TS 23.501');
    await page.close();
  });
});

describe('the About page', () => {
  const about = async (dir: string, lang: 'zh' | 'en') =>
    readFile(path.join(dir, lang === 'en' ? 'en' : '', 'about', 'index.html'), 'utf8');
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('promises edit and report links only where the build has them', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = ui(lang).contribute.invite;
      // The main site has EDIT_URL and ISSUE_URL; the base-path site neither, and no remote to derive them from.
      expect(await about(site().dir, lang)).toContain(`<p class="contribute-invite">${text(t.both)}</p>`);
      const bare = await about(baseSite().dir, lang);
      expect(bare).toContain(`<p class="contribute-invite">${text(t.none)}</p>`);
      expect(bare).not.toContain(text(t.both));
      expect(bare).not.toContain('report-link');
    }
  });

  it('shows how to cite the catalogue: title, edition date and its real address (none in a preview)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const published = await about(baseSite().dir, lang);
      const title =
        lang === 'zh'
          ? '5G应用标准目录（2026-11-25 版）'
          : '5G Application Standards Catalogue (edition of 2026-11-25)';
      expect(published).toContain(`<p class="citation">${title}. ${baseSite().origin}/catalogue/</p>`);
      expect(published).toContain(`url = {${baseSite().origin}/catalogue/}`);
      const preview = await about(site().dir, lang);
      expect(preview).toContain(`<p class="citation">${title}</p>`);
      expect(preview).toContain(text(ui(lang).cite.cataloguePreview));
    }
    const bib = await readFile(path.join(baseSite().dir, 'catalogue.bib'), 'utf8');
    expect(bib).toMatch(/\n@online\{5g-standards-catalogue,\n {2}title = \{\{5G应用标准目录\}\},\n/);
    expect(bib).toContain(`  date = {2026-11-25},\n`);
    expect(bib).toContain(`  url = {${baseSite().origin}/catalogue/},\n`);
    expect(await read('catalogue.bib')).not.toMatch(/\burl = \{http[^}]*\/catalogue\/\}|addendum/);
  });
});

describe('the field guide', () => {
  it('explains every value of status, tier, level and scope, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = await read(`${lang === 'en' ? 'en/' : ''}about/fields/index.html`);
      const t = ui(lang);
      for (const state of ENTRY_STATES)
        expect(html).toContain(t.fieldGuide.states[state].replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      for (const tier of TIERS) expect(html).toContain(t.fieldGuide.tiers[tier]);
      for (const level of LEVELS) expect(html).toContain(t.fieldGuide.levels[level]);
      for (const scope of SCOPES) expect(html).toContain(t.fieldGuide.scopes[scope]);
      for (const text of [t.fieldGuide.key, t.fieldGuide.canonical, t.fieldGuide.source]) expect(html).toContain(text);
    }
  });

  it('is linked from every entry page', async () => {
    const html = await read('en/standards/3gpp-ts-22-104/index.html');
    expect(html).toContain('href="/en/about/fields/"');
  });
});

describe('the 404 page', () => {
  it('is in Chinese with a search box for a missing Chinese address', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${site().url}standards/3gpp-ts-99-999/`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('main h1')).toBe('页面不存在');
    await page.fill('#not-found-q-zh', '23.501');
    await page.press('#not-found-q-zh', 'Enter');
    await page.waitForSelector('#search-results[data-query]', { state: 'attached' });
    expect(new URL(page.url()).pathname).toBe('/search/');
    expect(await page.textContent('#search-results li a.designation')).toBe('3GPP TS 23.501');
    await page.close();
  });

  it('is in English under /en/, from the English 404 page a host can serve there', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    const response = await page.goto(`${site().url}en/standards/3gpp-ts-99-999/`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('main h1')).toBe('Page not found');
    expect(await page.inputValue('#not-found-q-en')).toBe('3gpp ts 99 999');
    expect(await page.getAttribute('main form', 'action')).toBe('/en/search/');
    // The page itself answers 404 (and Chromium logs that); nothing else may fail.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await page.close();
  });

  it('shows only its English half under /en/ when a host serves the one 404.html everywhere (GitHub Pages)', async () => {
    const html = await read('404.html');
    const page = await browser().newPage();
    await page.route('**/en/no-such-page/', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html', body: html }),
    );
    await page.goto(`${site().url}en/no-such-page/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main h1:visible').allTextContents()).toEqual(['Page not found']);
    expect(await page.isVisible('#not-found-q-en')).toBe(true);
    expect(await page.isVisible('#not-found-q-zh')).toBe(false);
    expect(await page.inputValue('#not-found-q-en')).toBe('no such page');
    await page.close();
  });

  it('is readable without JavaScript, in both languages', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site().url}nothing-here/`);
    expect(await page.isVisible('#not-found-q-zh')).toBe(true);
    expect(await page.isVisible('#not-found-q-en')).toBe(true);
    await context.close();
  });
});
