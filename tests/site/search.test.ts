/**
 * The search page in Chromium: results, facets, focus and the language switch as a reader meets them. What a query
 * finds and how it is ranked and excerpted is tested on the search engine in Node (tests/unit/search-*.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countsDone, resultCodes, searchDone, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();

describe('the page', () => {
  it('links each result to the entry page in its own language', async () => {
    for (const root of ['', 'en/']) {
      const page = await browser().newPage();
      const problems = watch(page);
      await page.goto(`${site().url}${root}search/?q=zyxquorbital`);
      await searchDone(page);
      expect(await resultCodes(page)).toEqual(['T/PROBE 1-2023']);
      const href = await page.getAttribute('#search-results li a.designation', 'href');
      expect(new URL(href ?? '', page.url()).pathname).toBe(`/${root}standards/probe-key-industry/`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('says so when nothing matches, and offers browsing by sector and topic', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/?q=qqqxxxzzznothing`);
    await searchDone(page);
    expect(await page.textContent('#search-status')).toBe(
      'No standard matches. Try fewer words, or only the number of the designation.',
    );
    expect(await page.isVisible('#search-browse')).toBe(true);
    expect(
      await page.$$eval('#search-browse a', (a) => a.map((x) => new URL((x as HTMLAnchorElement).href).pathname)),
    ).toContain('/en/sectors/ports/');
    expect(await page.isVisible('#search-notice')).toBe(false);
    await readsLikeAPerson(page, 'en');
    await page.close();
  });
});

/**
 * On a search page already open: a query no standard has every word of shows those with most, with its notice; a
 * metric's name offers the metric's page; an excerpt from the other language says which it is.
 */
async function readsLikeAPerson(page: Page, lang: 'zh' | 'en') {
  const ask = async (query: string) => {
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query);
  };
  await ask(lang === 'en' ? '5G ports blockchain' : '港口 切片 区块链');
  expect(await page.isVisible('#search-notice')).toBe(true);
  expect(await page.textContent('#search-notice')).toMatch(
    lang === 'en'
      ? /^No standard contains all of “5g”, “ports”, “blockchain”; showing those with most/
      : /^没有标准同时包含 “港口”、“切片”、“区块链”/,
  );
  expect((await resultCodes(page)).length).toBeGreaterThan(0);
  // A metric's name in the other language: its page first, and excerpts from the text that has the word, marked.
  await ask(lang === 'en' ? '时延' : 'latency');
  expect(await page.isVisible('#search-notice')).toBe(false);
  const root = lang === 'en' ? '/en/' : '/';
  expect(
    await page.$$eval('#search-pages a', (a) => a.map((x) => new URL((x as HTMLAnchorElement).href).pathname)),
  ).toContain(`${root}requirements/latency/`);
  const tags = await page.$$eval('#search-results .r-text', (ps) =>
    ps.map((p) => [p.querySelector('.lang-tag')?.textContent ?? '', p.getAttribute('lang')]),
  );
  expect(tags).toContainEqual(lang === 'en' ? ['Chinese', 'zh-CN'] : ['英文', 'en']);
}

describe('facets', () => {
  it('can be browsed before anything is typed, with counts', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/`);
    await searchDone(page);
    const ports = page.locator('fieldset[data-facet=sector] label[data-value=ports]');
    const count = Number(await ports.locator('.n').textContent());
    expect(count).toBeGreaterThan(0);
    await ports.locator('input').check();
    await expect.poll(() => page.$$eval('#search-results li', (l) => l.length)).toBe(Math.min(count, 20));
    expect(new URL(page.url()).searchParams.getAll('sector')).toEqual(['ports']);
    await page.close();
  });

  it('narrow a query, and come back from the address', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}search/?q=5G&tier=industry&status=in-force`);
    await searchDone(page);
    expect(await page.isChecked('fieldset[data-facet=tier] input[value=industry]')).toBe(true);
    const states = await page.$$eval('#search-results li .badge', (b) => b.map((x) => x.textContent));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['现行']));
    // The filter counts come after the results, over what the query matches.
    await countsDone(page);
    const shown = Number(/\d+/.exec((await page.textContent('#search-status')) ?? '')?.[0]);
    expect(Number(await page.textContent('fieldset[data-facet=status] label[data-value=in-force] .n'))).toBe(shown);
    await page.close();
  });

  it('shows code, title, status and sectors in each result; a designation’s first, before pagefind is loaded', async () => {
    const page = await browser().newPage();
    const requests: Array<{ path: string; at: number }> = [];
    page.on('request', (r) => requests.push({ path: new URL(r.url()).pathname, at: Date.now() }));
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('#search-results li')) return;
        (window as { firstResultAt?: number }).firstResultAt = Date.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site().url}en/search/?q=${encodeURIComponent('T/PROBE 1')}`);
    await searchDone(page);
    // The designation index answers first; pagefind (its script, WebAssembly and index) comes after.
    const shownAt = await page.evaluate(() => (window as { firstResultAt?: number }).firstResultAt ?? 0);
    const before = requests.filter((r) => r.at <= shownAt).map((r) => r.path);
    expect(before.some((p) => p.startsWith('/search/designations/'))).toBe(true);
    expect(before.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(requests.some((r) => r.path.startsWith('/pagefind/'))).toBe(true);
    const first = page.locator('#search-results li').first();
    expect(await first.locator('a.designation').textContent()).toBe('T/PROBE 1-2023');
    expect(await first.locator('.badge').textContent()).toBe('In force');
    expect(await first.locator('.tag').allTextContents()).toEqual(['Smart ports', 'Smart grid']);
    expect(await first.locator('.r-title').textContent()).toBe('Probe standard: remote control in ports');
    await page.close();
  });
});

describe('the header search box', () => {
  it('sends the query to the search page of the same language', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/standards/`);
    await page.fill('#site-q', '23.501');
    await page.press('#site-q', 'Enter');
    await searchDone(page);
    expect(new URL(page.url()).pathname).toBe('/en/search/');
    expect((await resultCodes(page))[0]).toBe('3GPP TS 23.501');
    await page.close();
  });
});

describe('after a search', () => {
  it('moves focus to the result count, and lists the results before the filters on a narrow screen', async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${site().url}en/search/`);
    await searchDone(page);
    await page.fill('#search-q', 'TSN');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.query === 'TSN');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    expect(await page.textContent('#search-status')).toMatch(/^\d+ results$/);
    // The next Tab lands on the first result, not on a filter.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('#search-results, #search-pages')?.id),
    ).toBeTruthy();
    await page.close();
  });

  it('arriving with ?q= puts focus on the result count too', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}search/?q=${encodeURIComponent('远程控制')}`);
    await searchDone(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    await readsLikeAPerson(page, 'zh');
    await page.close();
  });

  it('keeps the query and the filters across the language switch', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}search/?q=${encodeURIComponent('时间敏感网络')}&status=in-force`);
    await searchDone(page);
    await page.click('a.lang-switch');
    await searchDone(page);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/search/');
    expect(url.searchParams.get('q')).toBe('时间敏感网络');
    expect(url.searchParams.getAll('status')).toEqual(['in-force']);
    expect(await page.inputValue('#search-q')).toBe('时间敏感网络');
    expect(await page.isChecked('fieldset[data-facet=status] input[value=in-force]')).toBe(true);
    await page.close();
  });

  it('marks why each result matched', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/?q=URLLC`);
    await searchDone(page);
    const marks = await page.$$eval('#search-results li .r-text mark', (m) => m.map((x) => x.textContent));
    expect(marks.length).toBeGreaterThan(0);
    await page.close();
  });
});
