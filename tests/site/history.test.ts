/**
 * History from git: the site tests' content copy is a repository with known commits
 * (history-fixture.ts). Entry pages list them, /changes/ lists the catalogue's changes, the feeds
 * use the same dates, and EDIT_URL and ISSUE_URL become links.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { TEST_SETTINGS } from './global-setup.ts';
import { HISTORY_ENTRY, INITIAL, OTHER_DAY, PROBE_COMMITS, PROBE_HISTORY } from './history-fixture.ts';
import { site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();

/** The items of an entry's history as the page shows them: day, what changed, the commit subject (without its hidden label). */
const readHistoryItems = (lis: Element[]) =>
  lis.map((li) => ({
    day: li.querySelector('time')?.getAttribute('datetime') ?? null,
    what: li.querySelector('.change-what')?.textContent,
    subject: [...(li.querySelector('.change-subject')?.childNodes ?? [])]
      .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
      .map((n) => n.textContent)
      .join(''),
  }));

describe('an entry page with history', () => {
  it.each([
    ['', 'zh'],
    ['en/', 'en'],
  ] as const)(
    'tells the entry’s changes in the page’s language, newest first by author day in China time, the commit subject below, formatting left out, the first five open (/%s)',
    async (root, lang) => {
      const page = await browser().newPage();
      const problems = watch(page);
      await page.goto(`${site().url}${root}standards/${HISTORY_ENTRY}/`);
      const items = page.locator('#changes ~ ol.history > li, #changes ~ details ol.history > li');
      const rows = await items.evaluateAll(readHistoryItems);
      expect(rows).toEqual(PROBE_HISTORY.map((c) => ({ day: c.day ?? null, what: c.what[lang], subject: c.subject })));
      // The formatting-only commit is not there.
      expect(rows.map((r) => r.subject)).not.toContain(PROBE_COMMITS[0]!.subject);
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
    expect(await page.locator('#changes ~ ol.history > li').evaluateAll(readHistoryItems)).toEqual([
      { day: INITIAL.day, what: INITIAL.what.en, subject: INITIAL.subject },
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
  it.each([
    ['', 'zh'],
    ['en/', 'en'],
  ] as const)(
    'lists the catalogue’s changes newest first, each entry with what changed in it, in the page’s language (/%s)',
    async (root, lang) => {
      const page = await browser().newPage();
      const problems = watch(page);
      await page.goto(`${site().url}${root}changes/`);
      const rows = await page.$$eval('ol.changes > li', (lis) =>
        lis.map((li) => ({
          day: li.querySelector('time')?.getAttribute('datetime') ?? null,
          groups: [...li.querySelectorAll('.change-group')].map((g) => ({
            what: g.querySelector('.change-what')!.textContent,
            codes: [...g.querySelectorAll('a.designation')].map((a) => a.textContent),
          })),
          subject: [...(li.querySelector('.change-subject')?.childNodes ?? [])]
            .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
            .map((n) => n.textContent)
            .join(''),
        })),
      );
      expect(rows.map((r) => [r.day, r.subject])).toEqual(PROBE_HISTORY.map((c) => [c.day ?? null, c.subject]));
      // What each commit did to the probe entry (the first commit's long list of added entries may fold it away).
      const probe = rows
        .filter((r) => r.subject !== INITIAL.subject)
        .map((r) => r.groups.find((g) => g.codes.includes('T/PROBE 1-2023'))?.what);
      expect(probe).toEqual(PROBE_HISTORY.filter((c) => c.subject !== INITIAL.subject).map((c) => c.what[lang]));
      const crossLinked = rows.find((r) => r.subject === PROBE_COMMITS[2]!.subject)!;
      expect(crossLinked.groups.sort((a, b) => b.codes[0]!.localeCompare(a.codes[0]!))).toEqual([
        { what: PROBE_COMMITS[2]!.what![lang], codes: ['T/PROBE 1-2023'] },
        { what: PROBE_COMMITS[2]!.also!.what[lang], codes: ['3GPP TS 23.501'] },
      ]);
      // The first commit added every entry: a few named, the rest folded.
      const first = page.locator('ol.changes > li').nth(rows.length - 2);
      expect(await first.locator('.change-what').textContent()).toBe(INITIAL.what[lang]);
      expect(await first.locator('details.change-more').count()).toBe(1);
      expect(await first.locator('details.change-more summary').textContent()).toMatch(
        lang === 'en' ? /^and \d+ more$/ : /^及其他 \d+ 个条目$/,
      );
      await first.locator('details.change-more summary').click();
      await first.locator('details.change-more a.designation').first().click();
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${root}standards/[a-z0-9-]+/$`));
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('never carries a long commit subject whole: pages and feeds hold 200 characters of the 1 MB one', async () => {
    const huge = PROBE_COMMITS.find((c) => c.subject.length > 1_000_000)!.subject;
    for (const file of [
      'changes/index.html',
      'en/changes/index.html',
      `standards/${HISTORY_ENTRY}/index.html`,
      `en/standards/${HISTORY_ENTRY}/index.html`,
      'feed.xml',
      'en/feed.xml',
    ]) {
      const text = await readFile(path.join(site().dir, file), 'utf8');
      expect(text.length, file).toBeLessThan(400_000);
      expect(text, file).not.toContain(huge.slice(12, 12 + 240));
    }
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
      expect(entries[1]!.updated.slice(0, 10)).toBe(OTHER_DAY);
      for (const entry of entries.slice(2)) expect(entry.updated.slice(0, 10)).toBe(INITIAL.day);
    }
  });

  it.each([
    ['', 'zh'],
    ['en/', 'en'],
  ] as const)(
    'one per sector, topic and issuer, all listed on /%sfeeds/, well-formed; each item says what the entry’s last change was',
    async (root, lang) => {
      const listing = await readFile(path.join(site().dir, root, 'feeds', 'index.html'), 'utf8');
      const paths = [...listing.matchAll(/<code>([^<]*feed\.xml)<\/code>/g)].map(
        (m) => new URL(m[1]!, 'http://site.invalid/').pathname,
      );
      expect(paths[0]).toBe(`/${root}feed.xml`);
      for (const kind of ['sectors', 'topics', 'bodies'])
        expect(paths.filter((p) => p.startsWith(`/${root}${kind}/`)).length, kind).toBeGreaterThan(5);
      const parser = new XMLParser({ ignoreAttributes: false });
      for (const p of paths) {
        const xml = await readFile(path.join(site().dir, p), 'utf8');
        expect(XMLValidator.validate(xml), p).toBe(true);
        expect(xml, p).not.toMatch(/<script/i);
      }
      // The probe entry is filed under ports: it leads the ports feed, saying what its last dated change was.
      const ports = parser.parse(await readFile(path.join(site().dir, root, 'sectors', 'ports', 'feed.xml'), 'utf8'))
        .feed as {
        id: string;
        entry: Array<{ link: { '@_href': string }; updated: string; summary: { '#text': string } | string }>;
      };
      // Its own id, not the catalogue feed's.
      const all = parser.parse(await readFile(path.join(site().dir, root, 'feed.xml'), 'utf8')).feed as { id: string };
      expect(ports.id).not.toBe(all.id);
      const first = ports.entry[0]!;
      expect(first.link['@_href']).toMatch(new RegExp(`/${root}standards/${HISTORY_ENTRY}/$`));
      expect(first.updated.slice(0, 10)).toBe(PROBE_HISTORY[0]!.day);
      const summary = typeof first.summary === 'string' ? first.summary : first.summary['#text'];
      expect(summary).toBe(PROBE_HISTORY[0]!.what[lang]);
      const other = ports.entry.find((e) => e.link['@_href'].endsWith('/standards/3gpp-ts-23-501/'));
      if (other) expect(other.updated.slice(0, 10)).toBe(OTHER_DAY);
    },
  );
});
