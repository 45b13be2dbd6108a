/** Search as engineers use it: designations typed every which way, Chinese inside longer text, facets. */
import { describe, expect, it } from 'vitest';
import { resultCodes, searchDone, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();

/** A query and the designation it must return among the first three results. */
const DESIGNATIONS: Array<[string, string]> = [
  ['23.501', '3GPP TS 23.501'],
  ['TS 23.501', '3GPP TS 23.501'],
  ['23501', '3GPP TS 23.501'],
  ['ts23501', '3GPP TS 23.501'],
  ['ＴＳ　２３．５０１', '3GPP TS 23.501'],
  ['3GPP TS 22.104', '3GPP TS 22.104'],
  ['22.261', '3GPP TS 22.261'],
  ['YD/T 3627', 'YD/T 3627-2019'],
  ['ydt3627', 'YD/T 3627-2019'],
  ['ＹＤ／Ｔ　３６２７', 'YD/T 3627-2019'],
  ['YD/T 3627-2019', 'YD/T 3627-2019'],
  ['yd/t3627', 'YD/T 3627-2019'],
  ['NB/T 11645', 'NB/T 11645-2024'],
  ['M.2410', 'ITU-R M.2410'],
  ['802.1Qbv', 'IEEE 802.1Qbv-2015'],
  ['RFC 8655', 'IETF RFC 8655'],
  ['GB/T 44284.1', 'GB/T 44284.1-2024'],
  ['gbt442841', 'GB/T 44284.1-2024'],
];

async function search(query: string, lang: '' | 'en/' = '') {
  const page = await browser().newPage();
  const problems = watch(page);
  await page.goto(`${site().url}${lang}search/?q=${encodeURIComponent(query)}`);
  await searchDone(page);
  const codes = await resultCodes(page);
  const links = await page.$$eval('#search-results li a.designation', (as) =>
    as.map((a) => (a as HTMLAnchorElement).href),
  );
  await page.close();
  return { codes, links, problems };
}

describe('designations the way engineers type them', () => {
  it.each(DESIGNATIONS)('%s finds %s in the top 3', async (query, code) => {
    const { codes, problems } = await search(query);
    expect(codes.slice(0, 3)).toContain(code);
    expect(problems).toEqual([]);
  });
});

describe('words and phrases', () => {
  it('finds a Chinese phrase inside a longer run of Chinese text, from either language', async () => {
    for (const lang of ['', 'en/'] as const) {
      const { codes } = await search('纠缠调度', lang);
      expect(codes).toEqual(['T/PROBE 1-2023']);
    }
  });

  it('finds an English word of an entry written in English from the Chinese page', async () => {
    const { codes, links } = await search('zyxquorbital');
    expect(codes).toEqual(['T/PROBE 1-2023']);
    expect(new URL(links[0]!).pathname).toBe('/standards/probe-key-industry/');
    const en = await search('zyxquorbital', 'en/');
    expect(new URL(en.links[0]!).pathname).toBe('/en/standards/probe-key-industry/');
  });

  it('matches English words by their stem and Chinese by exact substring', async () => {
    expect((await search('slices')).codes.length).toBeGreaterThan(3);
    const { codes } = await search('网络切片');
    expect(codes.length).toBeGreaterThan(2);
    expect(codes).toContain('YD/T 3973-2021');
  });

  it('says so when nothing matches', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/?q=qqqxxxzzznothing`);
    await searchDone(page);
    expect(await page.textContent('#search-status')).toBe(
      'No standard matches. Try fewer words, or only the number of the designation.',
    );
    await page.close();
  });
});

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

  it.each(['港口 远程控制', 'TSN', 'smart grid 5G'])(
    'counts each filter value among the results of %s (one state a result: the state counts add up to the results)',
    async (query) => {
      const page = await browser().newPage();
      await page.goto(`${site().url}search/?q=${encodeURIComponent(query)}`);
      await searchDone(page);
      const shown = Number(/\d+/.exec((await page.textContent('#search-status')) ?? '')?.[0]);
      expect(shown).toBeGreaterThan(0);
      const stateCounts = await page.$$eval('fieldset[data-facet=status] label .n', (ns) =>
        ns.map((n) => Number(n.textContent || 0)),
      );
      expect(stateCounts.reduce((a, b) => a + b, 0)).toBe(shown);
      // Ticking a value narrows the results to the count it showed.
      const labels = page.locator('fieldset[data-facet=status] label');
      const value = labels.nth(stateCounts.findIndex((n) => n > 0));
      const expected = Number(await value.locator('.n').textContent());
      expect(expected).toBeGreaterThan(0);
      await value.locator('input').check();
      await expect
        .poll(async () => Number(/\d+/.exec((await page.textContent('#search-status')) ?? '')?.[0]))
        .toBe(expected);
      await page.close();
    },
  );

  it('narrow a query, and come back from the address', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}search/?q=5G&tier=industry&status=in-force`);
    await searchDone(page);
    expect(await page.isChecked('fieldset[data-facet=tier] input[value=industry]')).toBe(true);
    const states = await page.$$eval('#search-results li .badge', (b) => b.map((x) => x.textContent));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['现行']));
    await page.close();
  });

  it('shows code, title, status and sectors in each result', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/?q=${encodeURIComponent('T/PROBE 1')}`);
    await searchDone(page);
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

  it('shows why each result matched, and offers browsing when nothing does', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/search/?q=URLLC`);
    await searchDone(page);
    const marks = await page.$$eval('#search-results li .r-text mark', (m) => m.map((x) => x.textContent));
    expect(marks.length).toBeGreaterThan(0);
    await page.goto(`${site().url}en/search/?q=xyzzy`);
    await searchDone(page);
    expect(await page.isVisible('#search-browse')).toBe(true);
    expect(
      await page.$$eval('#search-browse a', (a) => a.map((x) => new URL((x as HTMLAnchorElement).href).pathname)),
    ).toContain('/en/sectors/ports/');
    await page.close();
  });

  it.each([
    ['en/', 'TSN', 'GB/T 44284.1-2024', 'en'],
    ['', 'TSN', 'IEEE 802.1AS-2020', 'zh'],
    ['en/', 'network slicing', 'YD/T 3975-2021', 'en'],
    ['', 'network slicing', 'YD/T 3975-2021', 'zh'],
    // Words at the very start of a body.
    ['', '范围 本国家标准规定时间敏感网络', 'GB/T 44284.1-2024', 'zh'],
  ])(
    'on /%ssearch/ for %s, %s shows its match in the page’s language (%s), and no excerpt shows the indexed designation forms',
    async (root, query, code, lang) => {
      const page = await browser().newPage();
      await page.goto(`${site().url}${root}search/?q=${encodeURIComponent(query)}`);
      await searchDone(page);
      const rows = await page.$$eval('#search-results li', (lis) =>
        lis.map((li) => ({
          code: li.querySelector('a.designation')?.textContent ?? '',
          text: li.querySelector('.r-text')?.textContent ?? '',
          marks: [...li.querySelectorAll('.r-text mark')].map((m) => m.textContent ?? ''),
        })),
      );
      const row = rows.find((r) => r.code === code);
      expect(row, code).toBeDefined();
      // Both bodies are indexed; the excerpt comes from the one the reader reads, with the match marked.
      const han = row!.text.match(/\p{Script=Han}/gu)?.length ?? 0;
      if (lang === 'en') expect(han * 10, row!.text).toBeLessThan(row!.text.length);
      else expect(han, row!.text).toBeGreaterThan(0);
      expect(row!.marks.length, row!.text).toBeGreaterThan(0);
      // A Latin word next to Chinese characters is marked as itself, not with the characters around it.
      for (const mark of row!.marks)
        expect(mark, row!.text).not.toMatch(/[A-Za-z]\p{Script=Han}|\p{Script=Han}[A-Za-z]/u);
      for (const r of rows.filter((x) => x.text)) {
        // The record starts with the designation and the compact forms it is searched by, and pagefind ends each block with a full stop: neither is shown.
        expect(r.text.toLowerCase(), r.code).not.toContain(r.code.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
        expect(r.text, r.code).not.toMatch(/^[\s.]/);
      }
      await page.close();
    },
  );
});
