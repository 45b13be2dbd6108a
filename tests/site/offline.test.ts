/** The offline export opened from disk (file://): links, styles, scripts and search, no server, no network. */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultCodes, searchDone, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const fileUrl = (rel: string) => pathToFileURL(path.join(site().offline, rel)).href;

describe('the unzipped export, from a folder with spaces and Chinese in its path', () => {
  it('opens the home page with its styles', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(fileUrl('index.html'));
    expect(site().offline).toMatch(/ .*[\u4e00-\u9fff]|[\u4e00-\u9fff].* /);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows every link of the home page to a page that loads without errors', async () => {
    const page = await browser().newPage();
    await page.goto(fileUrl('index.html'));
    const links = [
      ...new Set(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))),
    ].filter((h) => h.startsWith('file:'));
    expect(links.length).toBeGreaterThan(40);
    const pages: string[] = [];
    for (const link of links) {
      if (/\/(index\.html)?(\?.*)?(#.*)?$/.test(link)) pages.push(link);
      // Data files (JSON, CSV, feeds) cannot be fetched from file://; they must exist.
      else expect(existsSync(fileURLToPath(link.replace(/[?#].*$/, ''))), link).toBe(true);
    }
    // Three pages at a time: each mostly waits on Chromium.
    const visit = async () => {
      for (let link = pages.pop(); link; link = pages.pop()) {
        const target = await browser().newPage();
        const problems = watch(target);
        await target.goto(link);
        expect(await target.title(), link).not.toBe('');
        expect(await target.locator('link[rel=stylesheet], style').count(), link).toBeGreaterThan(0);
        expect(problems, link).toEqual([]);
        await target.close();
      }
    };
    await Promise.all([visit(), visit(), visit()]);
    await page.close();
  }, 400_000);

  it.each([
    ['index.html', 'zyxquorbital', 'T/PROBE 1-2023'],
    ['en/index.html', '量子纠缠调度', 'T/PROBE 1-2023'],
    ['index.html', '23.501', '3GPP TS 23.501'],
    ['en/index.html', 'ydt3627', 'YD/T 3627-2019'],
  ])('searches from %s for %s, and the result opens', async (start, query, code) => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(fileUrl(start));
    await page.fill('#site-q', query);
    await page.press('#site-q', 'Enter');
    await searchDone(page);
    expect(page.url()).toMatch(/^file:.*search\/index\.html\?q=/);
    expect((await resultCodes(page)).slice(0, 3)).toContain(code);
    await page.click(`#search-results a.designation:text-is("${code}")`);
    await page.waitForLoadState('load');
    expect(await page.textContent('h1')).toBe(code);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs ?q= in the address on load', async () => {
    const page = await browser().newPage();
    await page.goto(`${fileUrl('search/index.html')}?q=${encodeURIComponent('磐石回响')}`);
    await searchDone(page);
    expect(await resultCodes(page)).toEqual(['T/PROBE 2-2019']);
    await page.close();
  });

  it('filters a table from file:// too', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(`${fileUrl('en/standards/index.html')}?tier=base`);
    const tiers = await page.$$eval('#standards-table tbody tr:not([hidden])', (r) =>
      r.map((x) => (x as HTMLElement).dataset.tier),
    );
    expect(tiers.length).toBeGreaterThan(0);
    expect(new Set(tiers)).toEqual(new Set(['base']));
    expect(problems).toEqual([]);
    await page.close();
  });
});
