/**
 * Search as engineers use it, decided by the search engine in Node against a real index of the catalogue and the
 * probe entries: designations typed every which way, Chinese inside longer text, English by stem, and excerpts in
 * the reader's language. How the page shows it is tested in Chromium (tests/site/search.test.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { resultExcerpt, type PagefindFragment, type SearchEngine } from '../../src/lib/search/engine.ts';
import { engineOver, INDEX_TODAY } from '../search/index-fixture.ts';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import { buildGraph } from '../../src/lib/catalogue/graph.ts';
import { DRAFT_STATUSES } from '../../src/lib/catalogue/vocabulary.ts';
import {
  designationShards,
  shardCount,
  shardOf,
  stateGroup,
  type DesignationShard,
} from '../../src/lib/search/designations.ts';
import { planQuery } from '../../src/lib/search/tokens.ts';
import { designationEntries } from '../../src/lib/site/search-files.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await engineOver({ dir: inject('searchIndexDir'), url: inject('searchIndexUrl') });
});

/** Every result of a query, with its data, in the order shown. */
async function search(query: string): Promise<{ fragments: PagefindFragment[]; codes: string[] }> {
  const outcome = await engine.search(query, {}, new AbortController().signal);
  const fragments = await Promise.all(outcome.results.map((r) => r.data()));
  return { fragments, codes: fragments.map((f) => f.meta.title ?? '') };
}

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

describe('designations the way engineers type them', () => {
  it.each(DESIGNATIONS)('%s finds %s in the top 3', async (query, code) => {
    expect((await search(query)).codes.slice(0, 3)).toContain(code);
  });

  it.each(DESIGNATIONS)(
    '%s: the designation index shows %s first, before pagefind, as the full search ranks it',
    async (query, code) => {
      const designation = planQuery(query, engine.matcher).designation;
      expect(designation, 'read as a designation').toBeTruthy();
      const shard = (await designationIndex()).get(shardOf(designation ?? '', shards)) ?? {};
      const found = [...(shard[designation ?? ''] ?? [])].sort(
        (a, b) => stateGroup(a.state, DRAFT_STATUSES) - stateGroup(b.state, DRAFT_STATUSES),
      );
      expect(found.map((e) => e.code)).toContain(code);
      expect(found[0]?.code).toBe((await search(query)).codes[0]);
    },
  );
});

let shards = 1;
let index: Promise<Map<number, DesignationShard>> | undefined;
/** The designation index of the fixture catalogue, as the build writes it. */
function designationIndex(): Promise<Map<number, DesignationShard>> {
  index ??= (async () => {
    const dir = inject('searchIndexDir');
    const { catalogue } = await loadCatalogue(dir, { CATALOGUE_CONTENT: path.join(dir, 'content') });
    const entries = designationEntries(buildGraph({ ...catalogue, today: INDEX_TODAY }));
    shards = shardCount(entries.length);
    return designationShards(entries);
  })();
  return index;
}

describe('words and phrases', () => {
  it('finds a Chinese phrase inside a longer run of Chinese text', async () => {
    expect((await search('纠缠调度')).codes).toEqual(['T/PROBE 1-2023']);
  });

  it('finds an English word of an entry written in English', async () => {
    expect((await search('zyxquorbital')).codes).toEqual(['T/PROBE 1-2023']);
  });

  it('matches an English word by its stem: "slices" finds entries that only say "slicing"', async () => {
    const only = path.join(inject('searchIndexDir'), 'content', 'standards', 'itu-t-y-3100.mdx');
    const text = await readFile(only, 'utf8');
    // The entry has the stem's other form and never the word searched, so only stemming can find it.
    expect(text).toMatch(/slicing/i);
    expect(text).not.toMatch(/\bslices?\b/i);
    expect((await search('slices')).codes).toContain('ITU-T Y.3100');
  });

  it('matches Chinese by exact substring', async () => {
    const { codes } = await search('网络切片');
    expect(codes.length).toBeGreaterThan(2);
    expect(codes).toContain('YD/T 3973-2021');
  });
});

describe('excerpts', () => {
  it.each([
    ['en', 'TSN', 'GB/T 44284.1-2024'],
    ['zh', 'TSN', 'IEEE 802.1AS-2020'],
    ['en', 'network slicing', 'YD/T 3975-2021'],
    ['zh', 'network slicing', 'YD/T 3975-2021'],
    // Words at the very start of a body.
    ['zh', '范围 本国家标准规定时间敏感网络', 'GB/T 44284.1-2024'],
  ] as const)(
    'on the %s page, %s shows %s with its match in the page’s language, and no excerpt shows the indexed designation forms',
    async (lang, query, code) => {
      const outcome = await engine.search(query, {}, new AbortController().signal);
      const plan = outcome.plan;
      if (!plan) throw new Error(`no plan for ${query}`);
      const rows = (await Promise.all(outcome.results.map((r) => r.data()))).map((f) => {
        const excerpt = resultExcerpt(f, plan, lang);
        return {
          code: f.meta.title ?? '',
          text: (excerpt?.parts ?? []).map((p) => p.text).join(''),
          marks: (excerpt?.parts ?? []).filter((p) => p.mark).map((p) => p.text),
        };
      });
      const row = rows.find((r) => r.code === code);
      if (!row) throw new Error(`${code} is not among the results of ${query}`);
      // Both bodies are indexed; the excerpt comes from the one the reader reads, with the match marked.
      const han = row.text.match(/\p{Script=Han}/gu)?.length ?? 0;
      if (lang === 'en') expect(han * 10, row.text).toBeLessThan(row.text.length);
      else expect(han, row.text).toBeGreaterThan(0);
      expect(row.marks.length, row.text).toBeGreaterThan(0);
      // A Latin word next to Chinese characters is marked as itself, not with the characters around it.
      for (const mark of row.marks)
        expect(mark, row.text).not.toMatch(/[A-Za-z]\p{Script=Han}|\p{Script=Han}[A-Za-z]/u);
      for (const r of rows.filter((x) => x.text)) {
        // The record starts with the designation and the compact forms it is searched by, and pagefind ends each
        // block with a full stop: neither is shown.
        expect(r.text.toLowerCase(), r.code).not.toContain(r.code.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
        expect(r.text, r.code).not.toMatch(/^[\s.]/);
      }
    },
  );
});
