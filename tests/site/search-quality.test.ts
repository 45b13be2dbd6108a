/**
 * The search quality set (tests/search/quality.yaml): ordinary questions in both languages, with
 * the entries they must and must not return, run against the served site and the offline export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchDone, site, useBrowser, watch } from './helpers.ts';

interface Case {
  q: string;
  langs?: Array<'zh' | 'en'>;
  pages?: string[];
  must?: string[];
  top?: number;
  first?: string;
  mustNot?: string[];
  none?: boolean;
  sector?: string;
  topic?: string;
  before?: Array<[string, string]>;
  mark?: string[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const CASES = yaml.load(readFileSync(path.join(ROOT, 'tests/search/quality.yaml'), 'utf8')) as Case[];
const browser = useBrowser();

/** Rank of a state in the result order: in force (and issued), drafts, superseded or withdrawn. */
const STATE_GROUP: Record<string, number> = {
  'in-force': 0,
  'to-take-effect': 0,
  issued: 0,
  planned: 1,
  drafting: 1,
  consultation: 1,
  approval: 1,
  superseded: 2,
  withdrawn: 2,
};

/** Entry ids of a sector or topic, read from the catalogue the site was built from. */
function idsTagged(field: 'sectors' | 'topics', id: string): string[] {
  const data = JSON.parse(readFileSync(path.join(site().dir, 'catalogue.json'), 'utf8')) as {
    entries: Array<{ id: string; sectors: string[]; topics: string[] }>;
  };
  return data.entries.filter((e) => e[field].includes(id)).map((e) => e.id);
}

interface Outcome {
  ids: string[];
  states: string[];
  pages: string[];
  marks: string[];
  status: string;
  browse: boolean;
  problems: string[];
}

/** Runs a query on an open search page, through its form (the index stays loaded between queries). */
async function run(page: Page, query: string, problems: string[]): Promise<Outcome> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query, {
    timeout: 15_000,
  });
  // Every result, not only the first batch.
  while (await page.isVisible('#search-more')) {
    const shown = await page.$$eval('#search-results > li', (l) => l.length);
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, shown);
  }
  return page
    .evaluate(() => {
      const idOf = (href: string) => /\/standards\/([^/]+)\//.exec(new URL(href).pathname)?.[1] ?? href;
      const items = [...document.querySelectorAll('#search-results > li')];
      return {
        ids: items.map((li) => idOf((li.querySelector('a.designation') as HTMLAnchorElement).href)),
        states: items.map((li) => /state-([\w-]+)/.exec(li.querySelector('.badge')?.className ?? '')?.[1] ?? ''),
        pages: [...document.querySelectorAll<HTMLAnchorElement>('#search-pages a')].map((a) => {
          const p = decodeURI(new URL(a.href).pathname).replace(/index\.html$/, '');
          return /((?:sectors|topics|bodies)\/[^/]+\/)$/.exec(p)?.[1] ?? p;
        }),
        marks: [...document.querySelectorAll('#search-results mark')].map((m) => (m.textContent ?? '').toLowerCase()),
        status: document.getElementById('search-status')?.textContent ?? '',
        browse: !(document.getElementById('search-browse')?.hidden ?? true),
        problems: [] as string[],
      };
    })
    .then((o) => ({ ...o, problems: problems.splice(0) }));
}

/** One search page per language (and one offline), opened once and reused by every case. */
function searchPage(url: () => string) {
  let open: Promise<{ page: Page; problems: string[] }> | undefined;
  return () =>
    (open ??= (async () => {
      const page = await browser().newPage();
      // Problems a query causes are reported by its case (run() takes them).
      const problems = watch(page);
      await page.goto(url());
      await searchDone(page);
      return { page, problems };
    })());
}

function judge(c: Case, o: Outcome, where: string): void {
  const say = (what: string) =>
    `${where} "${c.q}": ${what}; got ${o.ids.length} result(s) [${o.ids.slice(0, 12).join(', ')}${o.ids.length > 12 ? ', …' : ''}], pages [${o.pages.join(', ')}]`;
  expect(o.problems, say('page problems')).toEqual([]);
  if (c.none) {
    expect(o.ids, say('expected no result')).toEqual([]);
    expect(o.pages, say('expected no page offered')).toEqual([]);
    expect(o.browse, say('expected browsing by sector and topic to be offered')).toBe(true);
    return;
  }
  if (c.pages) expect(o.pages.slice(0, c.pages.length), say('pages offered first')).toEqual(c.pages);
  const pool = c.top ? o.ids.slice(0, c.top) : o.ids;
  for (const id of c.must ?? [])
    expect(pool, say(`must return ${id}${c.top ? ` in the first ${c.top}` : ''}`)).toContain(id);
  for (const id of c.mustNot ?? []) expect(o.ids, say(`must not return ${id}`)).not.toContain(id);
  if (c.first) expect(o.ids[0], say(`${c.first} first`)).toBe(c.first);
  if (c.sector)
    for (const id of idsTagged('sectors', c.sector))
      expect(o.ids, say(`every ${c.sector} standard, ${id} missing`)).toContain(id);
  if (c.topic)
    for (const id of idsTagged('topics', c.topic))
      expect(o.ids, say(`every ${c.topic} standard, ${id} missing`)).toContain(id);
  for (const [a, b] of c.before ?? []) {
    expect(o.ids.indexOf(a), say(`${a} before ${b}`)).toBeGreaterThanOrEqual(0);
    expect(o.ids.indexOf(a), say(`${a} before ${b}`)).toBeLessThan(o.ids.indexOf(b));
  }
  if (c.mark)
    expect(
      o.marks.some((m) => c.mark!.map((x) => x.toLowerCase()).includes(m)),
      say(`a highlighted ${c.mark.join(' / ')}; marks: ${[...new Set(o.marks)].slice(0, 10).join(', ')}`),
    ).toBe(true);
  const groups = o.states.map((s) => STATE_GROUP[s] ?? -1);
  expect(
    groups.every((g) => g >= 0),
    say(`every result shows its state (${o.states.join(',')})`),
  ).toBe(true);
  expect(
    groups.every((g, i) => i === 0 || groups[i - 1]! <= g),
    say(`results in state order (${o.states.join(',')})`),
  ).toBe(true);
}

const runs = CASES.flatMap((c) => (c.langs ?? ['zh', 'en']).map((lang) => [`${lang}: ${c.q}`, lang, c] as const));
const pages = {
  zh: searchPage(() => `${site().url}search/`),
  en: searchPage(() => `${site().url}en/search/`),
  offline: searchPage(() => pathToFileURL(path.join(site().offline, 'search/index.html')).href),
};

describe('search quality set, served site', () => {
  it.each(runs)('%s', async (_label, lang, c) => {
    const { page, problems } = await pages[lang]();
    judge(c, await run(page, c.q, problems), lang);
  });
});

describe('search quality set, offline export from file://', () => {
  it.each(runs.filter(([, lang]) => lang === 'zh'))('%s', async (_label, _lang, c) => {
    const { page, problems } = await pages.offline();
    judge(c, await run(page, c.q, problems), 'offline');
  });
});
