/**
 * History from git: the site tests' content copy is a repository with known commits
 * (history-fixture.ts). Entry pages list them, /changes/ lists the catalogue's changes, the feeds
 * use the same dates, and EDIT_URL and ISSUE_URL become links.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { TEST_SETTINGS } from './global-setup.ts';
import { HISTORY_ENTRY, INITIAL, PROBE_COMMITS, PROBE_HISTORY } from './history-fixture.ts';
import { site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();

describe('an entry page with history', () => {
  it.each(['', 'en/'])(
    'lists the entry’s commits newest first, by author day in China time, the first five open and the rest folded (/%s)',
    async (root) => {
      const page = await browser().newPage();
      const problems = watch(page);
      await page.goto(`${site().url}${root}standards/${HISTORY_ENTRY}/`);
      const items = page.locator('#changes ~ ol.history > li, #changes ~ details ol.history > li');
      const rows = await items.evaluateAll((lis) =>
        lis.map((li) => [li.querySelector('time')!.getAttribute('datetime'), li.querySelector('span')!.textContent]),
      );
      expect(rows).toEqual(PROBE_HISTORY.map((c) => [c.day, c.subject]));
      expect(await page.textContent('.last-changed time')).toBe(PROBE_HISTORY[0]!.day);
      expect(await page.locator('.last-changed .field-note').count()).toBe(0);
      // Five shown, the rest folded until asked for.
      const visible = await items.evaluateAll((lis) => lis.filter((li) => li.checkVisibility()).length);
      expect(visible).toBe(5);
      await page.click('#changes ~ details > summary');
      expect(await items.evaluateAll((lis) => lis.filter((li) => li.checkVisibility()).length)).toBe(
        PROBE_HISTORY.length,
      );
      // A subject is text, never markup.
      expect(await page.locator('#changes ~ ol.history script').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('shows one commit on an entry that only the first commit added', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().url}en/standards/3gpp-ts-22-104/`);
    expect(await page.$$eval('#changes ~ ol.history > li', (lis) => lis.map((li) => li.textContent))).toEqual([
      `${INITIAL.day} ${INITIAL.subject}`,
    ]);
    expect(await page.locator('#changes ~ details').count()).toBe(0);
    await page.close();
  });

  it('links to its source file through EDIT_URL and to ISSUE_URL as given', async () => {
    const page = await browser().newPage();
    for (const root of ['', 'en/']) {
      await page.goto(`${site().url}${root}standards/${HISTORY_ENTRY}/`);
      expect(await page.getAttribute('a.edit-link', 'href')).toBe(
        TEST_SETTINGS.EDIT_URL.replace('{path}', `content/standards/${HISTORY_ENTRY}.mdx`),
      );
      expect(await page.textContent('.source-path')).toBe(`content/standards/${HISTORY_ENTRY}.mdx`);
      expect(await page.getAttribute('main a.report-link', 'href')).toBe(TEST_SETTINGS.ISSUE_URL);
    }
    await page.close();
  });
});

describe('/changes/', () => {
  it('lists the catalogue’s changes newest first, with the entries each changed', async () => {
    const page = await browser().newPage();
    const problems = watch(page);
    await page.goto(`${site().url}en/changes/`);
    const rows = await page.$$eval('ol.changes > li', (lis) =>
      lis.map((li) => ({
        day: li.querySelector('time')!.getAttribute('datetime'),
        subject: li.querySelector('.change-subject')!.textContent,
        codes: [...li.querySelectorAll('a.designation')].map((a) => a.textContent),
      })),
    );
    expect(rows.map((r) => [r.day, r.subject])).toEqual(PROBE_HISTORY.map((c) => [c.day, c.subject]));
    const crossLinked = rows.find((r) => r.subject === PROBE_COMMITS[2]!.subject)!;
    expect(crossLinked.codes.sort()).toEqual(['3GPP TS 23.501', 'T/PROBE 1-2023']);
    // The first commit added every entry: a few named, the rest folded.
    const first = page.locator('ol.changes > li').last();
    expect(await first.locator('details.change-more').count()).toBe(1);
    expect(await first.locator('details.change-more summary').textContent()).toMatch(/^and \d+ more$/);
    await first.locator('details.change-more summary').click();
    await first.locator('details.change-more a.designation').first().click();
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/standards\/[a-z0-9-]+\/$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the Atom feeds', () => {
  it('date each entry by its last commit, the day its page shows', async () => {
    for (const file of ['feed.xml', 'en/feed.xml']) {
      const feed = new XMLParser({ ignoreAttributes: false }).parse(
        await readFile(path.join(site().dir, file), 'utf8'),
      ).feed;
      const entries = feed.entry as Array<{ link: { '@_href': string }; updated: string }>;
      expect(entries[0]!.link['@_href']).toMatch(new RegExp(`/standards/${HISTORY_ENTRY}/$`));
      expect(entries[0]!.updated.slice(0, 10)).toBe(PROBE_HISTORY[0]!.day);
      expect(entries[1]!.link['@_href']).toMatch(/\/standards\/3gpp-ts-23-501\/$/);
      expect(entries[1]!.updated.slice(0, 10)).toBe(PROBE_COMMITS[2]!.day);
      for (const entry of entries.slice(2)) expect(entry.updated.slice(0, 10)).toBe(INITIAL.day);
    }
  });
});
