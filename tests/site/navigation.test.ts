/** Moving between pages and using the tables, in a real browser (every page type's own checks: pages.test.ts). */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, site, useBrowser } from './helpers.ts';

const browser = useBrowser();

describe('moving around', () => {
  it('goes from home to the list, an entry, its sector, a topic and back home', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/`);
    await page.click('nav.site-nav >> text=Standards');
    expect(new URL(page.url()).pathname).toBe('/en/standards/');
    await page.click('table.data a:text-is("3GPP TS 22.104")');
    expect(new URL(page.url()).pathname).toBe('/en/standards/3gpp-ts-22-104/');
    await page.click('.facts a.tag:text-is("Industrial internet")');
    expect(new URL(page.url()).pathname).toBe('/en/sectors/industrial-internet/');
    await page.click('nav.site-nav >> text=Topics');
    await page.click('a:text-is("Deterministic networking")');
    expect(new URL(page.url()).pathname).toBe('/en/topics/deterministic-networking/');
    await page.click('a.brand');
    expect(new URL(page.url()).pathname).toBe('/en/');
    await page.close();
  });

  it('shows a new entry in both languages, with its links back on the pages it references', async () => {
    const page = await browser().newPage();
    for (const root of ['', 'en/']) {
      expect((await page.goto(`${site().url}${root}standards/probe-key-industry/`))?.status()).toBe(200);
      await page.goto(`${site().url}${root}standards/3gpp-ts-23-501/`);
      const back = page.locator('.relations section', {
        has: page.locator(root ? 'h3:text-is("Referenced by")' : 'h3:text-is("被以下标准引用")'),
      });
      await expect.poll(() => back.locator('a.designation').allTextContents()).toContain('T/PROBE 1-2023');
    }
    await page.goto(`${site().url}en/sectors/ports/`);
    expect(await page.locator('#industry-table a:text-is("T/PROBE 1-2023")').count()).toBe(1);
    await page.close();
  });

  it('says at the top when a standard is superseded, withdrawn, drafting or not yet in force', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/${PAGE_TYPES['entry-superseded']}`);
    expect(await page.textContent('.notice-old')).toContain(
      'This standard has been superseded. Replaced by: IEEE 802.1Q-2022',
    );
    await page.click('.notice-old a');
    expect(new URL(page.url()).pathname).toBe('/en/standards/ieee-802-1q-2022/');
    await page.goto(`${site().url}${PAGE_TYPES['entry-withdrawn']}`);
    expect(await page.textContent('.notice-gone')).toContain('本标准已废止。');
    expect(await page.textContent('.notice-gone')).toContain('T/PROBE 3-2026');
    await page.goto(`${site().url}${PAGE_TYPES['entry-to-take-effect']}`);
    expect(await page.textContent('.notice-soon')).toBe('本标准已发布，将于 2030-01-01 实施。');
    expect(await page.textContent('.code-line .badge')).toBe('即将实施');
    await page.goto(`${site().url}en/${PAGE_TYPES['entry-drafting']}`);
    expect(await page.textContent('.notice-draft')).toContain('not published yet');
    await page.close();
  });
});

describe('tables', () => {
  it('filter by the query string and by the form, and sort by a column', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/standards/?tier=industry&sector=ports`);
    const visible = () =>
      page.$$eval('#standards-table tbody tr:not([hidden])', (rows) =>
        rows.map((r) => [(r as HTMLElement).dataset.tier, (r as HTMLElement).dataset.sector]),
      );
    const rows = await visible();
    expect(rows.length).toBeGreaterThan(0);
    for (const [tier, sectors] of rows) {
      expect(tier).toBe('industry');
      expect(sectors!.split(' ')).toContain('ports');
    }
    await page.selectOption('form[data-filters-for=standards-table] select[name=sector]', '');
    await page.selectOption('form[data-filters-for=standards-table] select[name=state]', 'superseded');
    for (const row of await page.$$eval('#standards-table tbody tr:not([hidden])', (r) =>
      r.map((x) => (x as HTMLElement).dataset),
    )) {
      expect(row.state).toBe('superseded');
      expect(row.tier).toBe('industry');
    }
    expect(await page.textContent('form[data-filters-for=standards-table] output')).toMatch(/^Showing \d+ of \d+$/);
    await page.click('form[data-filters-for=standards-table] button[type=reset]');
    await page.fill('form[data-filters-for=standards-table] input[name=text]', '22.104');
    await expect.poll(visible).toHaveLength(1);

    await page.click('form[data-filters-for=standards-table] button[type=reset]');
    await page.click('#standards-table th:nth-child(7) button');
    const dates = await page.$$eval('#standards-table tbody tr td:nth-child(7)', (cells) =>
      cells.map((c) => (c as HTMLElement).dataset.value ?? ''),
    );
    expect(dates).toEqual([...dates].sort());
    expect(await page.getAttribute('#standards-table th:nth-child(7)', 'aria-sort')).toBe('ascending');
    await page.click('#standards-table th:nth-child(7) button');
    const desc = await page.$$eval('#standards-table tbody tr td:nth-child(7)', (cells) =>
      cells.map((c) => (c as HTMLElement).dataset.value ?? ''),
    );
    expect(desc).toEqual([...dates].sort().reverse());
    await page.close();
  });

  it('filters requirements by metric and sector, sorted by canonical value', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/requirements/latency/`);
    const values = await page.$$eval('#metric-table tbody tr td:nth-child(4)', (c) =>
      c.map((x) => Number((x as HTMLElement).dataset.value)),
    );
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // The probe's 800 us is shown as stated, in µs, and in canonical units as 0.8 ms.
    const probe = page.locator('#metric-table tr', { has: page.locator('a:text-is("T/PROBE 1-2023")') });
    expect(await probe.locator('td:nth-child(4)').textContent()).toBe(
      '≤\u00a0800\u00a0µsCanonical: ≤\u00a00.8\u00a0ms',
    );
    await page.selectOption('form[data-filters-for=metric-table] select[name=sector]', 'ports');
    const sectors = await page.$$eval('#metric-table tbody tr:not([hidden])', (r) =>
      r.map((x) => (x as HTMLElement).dataset.sector ?? ''),
    );
    expect(sectors.length).toBeGreaterThan(0);
    for (const s of sectors) expect(s.split(' ')).toContain('ports');
    await page.close();
  });
});
