/**
 * The facet table: which filter values each search result has, by pagefind's result id, written by the build next to
 * the index (`pagefind/facets.json`). With it the search page counts the filter values of any set of results in a
 * few milliseconds, after the results are shown, instead of asking pagefind once per value (at 10,000 entries a
 * broad query's counts took minutes that way, and held up the next query).
 */
import type { FacetCounts } from './engine.ts';

/** The table as written: every `facet:value` once, and each result's values as indices into that list. */
export interface FacetTable {
  values: string[];
  pages: Record<string, number[]>;
}

/** Where the build writes the table, inside the index folder. */
export const FACET_TABLE = 'facets.json';

/** The table of results given as [result id, {facet: values}]. */
export function buildFacetTable(pages: Iterable<readonly [string, Record<string, readonly string[]>]>): FacetTable {
  const values: string[] = [];
  const index = new Map<string, number>();
  const out: Record<string, number[]> = {};
  for (const [id, facets] of pages) {
    const mine: number[] = [];
    for (const [facet, list] of Object.entries(facets))
      for (const value of list) {
        const key = `${facet}:${value}`;
        let i = index.get(key);
        if (i === undefined) {
          i = values.length;
          values.push(key);
          index.set(key, i);
        }
        mine.push(i);
      }
    out[id] = mine;
  }
  return { values, pages: out };
}

/** How many of the results `ids` have each filter value (values none of them has are left out). */
export function countFacets(table: FacetTable, ids: Iterable<string>): FacetCounts {
  const tally = new Array<number>(table.values.length).fill(0);
  for (const id of ids) for (const i of table.pages[id] ?? []) tally[i] = (tally[i] ?? 0) + 1;
  const counts: FacetCounts = {};
  tally.forEach((n, i) => {
    if (!n) return;
    const key = table.values[i] ?? '';
    const colon = key.indexOf(':');
    (counts[key.slice(0, colon)] ??= {})[key.slice(colon + 1)] = n;
  });
  return counts;
}
