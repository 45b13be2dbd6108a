import { beforeAll, describe, expect, inject, it } from 'vitest';
import { engineOver, writePartedIndex } from '../../../tests/search/index-fixture.ts';
import { ConceptMatcher } from '../catalogue/concepts.ts';
import { SearchEngine, excerptOf, type Pagefind, type PagefindSearch } from './engine.ts';

/** The real index, with every pagefind search counted while it is in flight. */
async function countedEngine(options: { entries?: number } = {}) {
  const real = await engineOver({ dir: inject('searchIndexDir'), url: inject('searchIndexUrl') });
  const pagefind = (await real.ready()).pagefind;
  const flight = { now: 0, most: 0, calls: 0, filters: 0 };
  const counted: Pagefind = {
    filters: () => {
      flight.filters++;
      return pagefind.filters();
    },
    search: async (query, options) => {
      flight.calls++;
      flight.most = Math.max(flight.most, ++flight.now);
      try {
        return await pagefind.search(query, options);
      } finally {
        flight.now--;
      }
    },
  };
  return {
    engine: new SearchEngine(() => Promise.resolve(counted), real.matcher, { entries: options.entries }),
    flight,
  };
}

const never = () => new AbortController().signal;

describe('the search engine over a real index', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = await engineOver({ dir: inject('searchIndexDir'), url: inject('searchIndexUrl') });
  });

  it.each(['港口 远程控制', 'TSN', 'smart grid 5G'])(
    'counts each filter value among the results of %s: the state counts add up to the results, and a value narrows to its count',
    async (query) => {
      const outcome = await engine.search(query, {}, never());
      expect(outcome.results.length).toBeGreaterThan(0);
      const counts = await engine.counts(outcome, {}, never());
      const states = Object.values(counts.status ?? {});
      expect(states.reduce((a, b) => a + b, 0)).toBe(outcome.results.length);
      for (const [facet, values] of Object.entries(counts))
        for (const [value, n] of Object.entries(values)) {
          const narrowed = await engine.search(query, { [facet]: { any: [value] } }, never());
          expect(narrowed.results.length, `${facet}=${value}`).toBe(n);
        }
    },
  );

  it('counts from the facet table what pagefind counts, with no search', async () => {
    const index = { dir: inject('searchIndexDir'), url: inject('searchIndexUrl') };
    const without = await engineOver(index, { facets: false });
    for (const query of ['港口 远程控制', 'TSN', '网络切片', '23.501']) {
      const [a, b] = await Promise.all([engine.search(query, {}, never()), without.search(query, {}, never())]);
      const [fromTable, fromSearches] = await Promise.all([
        engine.counts(a, {}, never()),
        without.counts(b, {}, never()),
      ]);
      expect(Object.keys(fromTable.status ?? {}).length, query).toBeGreaterThan(0);
      expect(fromTable, query).toEqual(fromSearches);
    }
  });

  it('browses the whole catalogue when nothing is typed, with its counts', async () => {
    const outcome = await engine.search('  ', {}, never());
    expect(outcome.browsing).toBe(true);
    expect(Object.values(outcome.counts?.status ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });
});

describe('queries in flight', () => {
  it('asks pagefind for the filter counts concurrently, not one after another', async () => {
    const { engine, flight } = await countedEngine();
    const outcome = await engine.search('港口 远程控制', {}, never());
    flight.most = 0;
    await engine.counts(outcome, {}, never());
    expect(flight.most).toBeGreaterThan(4);
  });

  it('loads no filter index before the results (the counts come after them), and counts every filter then', async () => {
    const { engine, flight } = await countedEngine({ entries: 200 });
    for (const query of ['TSN', '港口 远程控制', '23.501']) {
      const outcome = await engine.search(query, {}, never());
      expect(outcome.results.length, query).toBeGreaterThan(0);
      expect(flight.filters, query).toBe(0);
    }
    const outcome = await engine.search('TSN', {}, never());
    const counts = await engine.counts(outcome, {}, never());
    expect(flight.filters).toBe(1);
    expect(Object.values(counts.status ?? {}).reduce((a, b) => a + b, 0)).toBe(outcome.results.length);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['tier', 'sector', 'topic', 'status', 'body', 'level']));
  });

  it('stops a query when a newer one aborts it, and answers the newer one', async () => {
    const { engine, flight } = await countedEngine();
    await engine.ready();
    const older = new AbortController();
    const first = engine.search('smart grid 5G', {}, older.signal);
    older.abort(new Error('a newer query'));
    await expect(first).rejects.toThrow('a newer query');
    const callsOfAborted = flight.calls;
    expect(callsOfAborted).toBeLessThan(3);
    const newer = await engine.search('TSN', {}, never());
    expect(newer.results.length).toBeGreaterThan(0);
  });

  it('tries to load pagefind again after a failed load, without a new engine', async () => {
    let attempts = 0;
    const empty: PagefindSearch = { results: [], filters: {} };
    const engine = new SearchEngine(() => {
      attempts++;
      if (attempts === 1) return Promise.reject(new Error('network down'));
      return Promise.resolve({ search: () => Promise.resolve(empty), filters: () => Promise.resolve({}) });
    }, new ConceptMatcher([]));
    await expect(engine.search('x', {}, never())).rejects.toThrow('network down');
    await expect(engine.search('x', {}, never())).resolves.toMatchObject({ results: [] });
    expect(attempts).toBe(2);
  });
});

describe('excerpts', () => {
  it('come from the text matching most words, with every matched word marked', () => {
    const patterns = [/latency/giu, /时延/giu];
    const zh = '本标准规定了时延要求。 The latency requirement is 1 ms.';
    expect(
      excerptOf([zh], patterns, 'zh')
        ?.parts.filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['时延', 'latency']);
    expect(excerptOf(['nothing here'], [/latency/giu], 'en')).toBeUndefined();
  });
});

describe('an index in parts', () => {
  it('finds what one index finds: pagefind merges the parts the page loads', async () => {
    const index = { dir: inject('searchIndexDir'), url: inject('searchIndexUrl') };
    const records = await writePartedIndex(index, 'pagefind-parts', 40);
    expect(records).toBeGreaterThan(120);
    const whole = await engineOver(index);
    const parted = await engineOver(index, { folder: 'pagefind-parts', partSize: 40 });
    for (const query of ['TSN', '港口 远程控制', '23.501', 'slices', '网络切片', 'smart grid 5G']) {
      const [a, b] = await Promise.all([whole.search(query, {}, never()), parted.search(query, {}, never())]);
      expect(a.results.length, query).toBeGreaterThan(0);
      const ids = async (outcome: typeof a) => Promise.all(outcome.results.map(async (r) => (await r.data()).meta.id));
      const [inWhole, inParts] = await Promise.all([ids(a), ids(b)]);
      expect(new Set(inParts), query).toEqual(new Set(inWhole));
      // Scores are each part's own (a word's rarity within its part), so only the designation's place is certain.
      if (query === '23.501') expect(inParts[0], query).toBe(inWhole[0]);
    }
  });
});
