/**
 * The search quality set (tests/search/quality.yaml): ordinary questions in both languages, with the entries they
 * must and must not return, run through the search engine (src/lib/search/engine.ts) in Node against a real
 * pagefind index of the catalogue and the probe entries. The page that shows these results is tested in Chromium
 * (tests/site/search.test.ts); what a query finds, ranks, offers and marks is decided here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import {
  bodyTexts,
  namedSectors,
  pagesShown,
  resultExcerpt,
  unitPatterns,
  type SearchEngine,
} from '../../src/lib/search/engine.ts';
import { engineOver } from '../search/index-fixture.ts';

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
  notPages?: string[];
  partial?: boolean;
  ownLang?: string[];
  otherLang?: string[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const CASES = yaml.load(readFileSync(path.join(ROOT, 'tests/search/quality.yaml'), 'utf8')) as Case[];

/** Rank of a state in the result order: published (in force, to take effect, date unknown, issued), drafts, superseded or withdrawn. */
const STATE_GROUP: Record<string, number> = {
  'in-force': 0,
  'to-take-effect': 0,
  'published-undated': 0,
  issued: 0,
  planned: 1,
  drafting: 1,
  consultation: 1,
  approval: 1,
  superseded: 2,
  withdrawn: 2,
};

interface Outcome {
  ids: string[];
  states: string[];
  pages: string[];
  marks: string[];
  browse: boolean;
  /** How many of the query's units each result matched, when not every result matched all. */
  matched?: number[];
  /** Per result: the excerpt's language as the page marks it (`own`, `other`), or none. */
  excerpts: Array<'own' | 'other' | undefined>;
  /** Results whose excerpt came from the other language although the page's language matched. */
  wrongLang: string[];
}

let engine: SearchEngine;
let tagged: (field: 'sectors' | 'topics', id: string) => string[];
let sectorName: (id: string, lang: 'zh' | 'en') => string;

beforeAll(async () => {
  const dir = inject('searchIndexDir');
  engine = await engineOver({ dir, url: inject('searchIndexUrl') });
  const { catalogue } = await loadCatalogue(dir, { CATALOGUE_CONTENT: path.join(dir, 'content') });
  tagged = (field, id) => catalogue.standards.filter((s) => s.data[field].includes(id)).map((s) => s.id);
  const names = new Map(catalogue.sectors.map((s) => [s.id, s.data.name]));
  sectorName = (id, lang) => names.get(id)?.[lang] ?? id;
});

/** What the search page shows for a query: every result (not only the first batch), its pages and its marks. */
async function run(query: string, lang: 'zh' | 'en'): Promise<Outcome> {
  const outcome = await engine.search(query, {}, new AbortController().signal);
  const fragments = await Promise.all(outcome.results.map((r) => r.data()));
  const plan = outcome.plan;
  const named = namedSectors(plan);
  const excerpts = fragments.map((f) =>
    plan && (plan.units.length || plan.fallback) ? resultExcerpt(f, plan, lang) : undefined,
  );
  const marks = fragments.flatMap((f, i) => {
    const words = (excerpts[i]?.parts ?? []).filter((p) => p.mark).map((p) => p.text);
    const sectors = (f.meta.sectors ?? '').split(' ').filter((id) => named.has(id));
    return [...words, ...sectors.map((id) => sectorName(id, lang))].map((m) => m.toLowerCase());
  });
  // An excerpt from the other language is right only when nothing in the page's language matches.
  const patterns = plan ? unitPatterns(plan) : [];
  const matches = (text: string) => patterns.some((p) => text.match(p)?.some(Boolean));
  const wrongLang = fragments.flatMap((f, i) =>
    excerpts[i]?.other && (matches(bodyTexts(f)[lang]) || matches(f.meta[`summary_${lang}`] ?? ''))
      ? [f.meta.id ?? '']
      : [],
  );
  return {
    ids: fragments.map((f) => f.meta.id ?? ''),
    states: fragments.map((f) => f.meta.state ?? ''),
    pages: pagesShown(outcome).map((c) => c.page ?? c.id),
    marks,
    browse: outcome.results.length === 0,
    ...(outcome.partial ? { matched: outcome.results.map((r) => outcome.partial!.matched.get(r.id) ?? 0) } : {}),
    excerpts: excerpts.map((e) => (e ? (e.other ? 'other' : 'own') : undefined)),
    wrongLang,
  };
}

function judge(c: Case, o: Outcome, where: string): void {
  const say = (what: string) =>
    `${where} "${c.q}": ${what}; got ${o.ids.length} result(s) [${o.ids.slice(0, 12).join(', ')}${o.ids.length > 12 ? ', …' : ''}], pages [${o.pages.join(', ')}]`;
  if (c.none) {
    expect(o.ids, say('expected no result')).toEqual([]);
    expect(o.pages, say('expected no page offered')).toEqual([]);
    expect(o.browse, say('expected browsing by sector and topic to be offered')).toBe(true);
    return;
  }
  if (c.pages) expect(o.pages.slice(0, c.pages.length), say('pages offered first')).toEqual(c.pages);
  for (const p of c.notPages ?? []) expect(o.pages, say(`must not offer ${p}`)).not.toContain(p);
  if (c.partial) {
    expect(o.matched, say('a search by most of the words, with its notice')).toBeDefined();
    expect(
      o.matched!.every((n, i) => i === 0 || (o.matched![i - 1] ?? 0) >= n),
      say(`ranked by words matched (${o.matched!.join(',')})`),
    ).toBe(true);
  } else expect(o.matched, say('every result has every word; no notice')).toBeUndefined();
  const excerptOf = (id: string) => o.excerpts[o.ids.indexOf(id)];
  for (const id of c.ownLang ?? []) expect(excerptOf(id), say(`${id}: an excerpt in the page's language`)).toBe('own');
  for (const id of c.otherLang ?? [])
    expect(excerptOf(id), say(`${id}: an excerpt from the other language, marked`)).toBe('other');
  expect(o.wrongLang, say('excerpts from the other language although the page’s matched')).toEqual([]);
  const pool = c.top ? o.ids.slice(0, c.top) : o.ids;
  for (const id of c.must ?? [])
    expect(pool, say(`must return ${id}${c.top ? ` in the first ${c.top}` : ''}`)).toContain(id);
  for (const id of c.mustNot ?? []) expect(o.ids, say(`must not return ${id}`)).not.toContain(id);
  if (c.first) expect(o.ids[0], say(`${c.first} first`)).toBe(c.first);
  if (c.sector)
    for (const id of tagged('sectors', c.sector))
      expect(o.ids, say(`every ${c.sector} standard, ${id} missing`)).toContain(id);
  if (c.topic)
    for (const id of tagged('topics', c.topic))
      expect(o.ids, say(`every ${c.topic} standard, ${id} missing`)).toContain(id);
  for (const [a, b] of c.before ?? []) {
    expect(o.ids.indexOf(a), say(`${a} before ${b}`)).toBeGreaterThanOrEqual(0);
    expect(o.ids.indexOf(a), say(`${a} before ${b}`)).toBeLessThan(o.ids.indexOf(b));
  }
  const marks = c.mark?.map((x) => x.toLowerCase());
  if (marks)
    expect(
      o.marks.some((m) => marks.includes(m)),
      say(`a highlighted ${marks.join(' / ')}; marks: ${[...new Set(o.marks)].slice(0, 10).join(', ')}`),
    ).toBe(true);
  const groups = o.states.map((s) => STATE_GROUP[s] ?? -1);
  expect(
    groups.every((g) => g >= 0),
    say(`every result shows its state (${o.states.join(',')})`),
  ).toBe(true);
  // Within each number of words matched (all of them, unless `partial`).
  const sameWords = (i: number) => !o.matched || o.matched[i] === o.matched[i - 1];
  expect(
    groups.every((g, i) => i === 0 || !sameWords(i) || (groups[i - 1] ?? 0) <= g),
    say(`results in state order (${o.states.join(',')})`),
  ).toBe(true);
}

const runs = CASES.flatMap((c) => (c.langs ?? ['zh', 'en']).map((lang) => [`${lang}: ${c.q}`, lang, c] as const));

describe('search quality set', () => {
  it.each(runs)('%s', async (_label, lang, c) => {
    judge(c, await run(c.q, lang), lang);
  });
});
