/**
 * The search page's own files, written into the site when the pages are done, from the same graph as the pages: the
 * designation index (src/lib/search/designations.ts: a few hundred small JSON files under `search/designations/`) and
 * the facet table (src/lib/search/facet-table.ts: `pagefind/facets.json`, once the index is written).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueGraph } from '../catalogue/graph.ts';
import { designationShards, shardPath, type DesignationEntry } from '../search/designations.ts';
import { buildFacetTable, FACET_TABLE } from '../search/facet-table.ts';
import { facetValues } from '../search/records.ts';

/** What the designation index says of each entry. */
export const designationEntries = (graph: Pick<CatalogueGraph, 'entries'>): DesignationEntry[] =>
  graph.entries.map((e) => ({
    id: e.id,
    code: e.data.code,
    state: e.state,
    sectors: e.data.sectors,
    title: { zh: e.data.title.zh, en: e.data.title.en },
  }));

/** Writes the shards under the output folder `outDir`; returns how many were written. */
export async function writeDesignationIndex(graph: Pick<CatalogueGraph, 'entries'>, outDir: string): Promise<number> {
  const shards = [...designationShards(designationEntries(graph))];
  await mkdir(path.dirname(path.join(outDir, shardPath(0))), { recursive: true });
  for (let i = 0; i < shards.length; i += 64)
    await Promise.all(
      shards
        .slice(i, i + 64)
        .map(([shard, keys]) => writeFile(path.join(outDir, shardPath(shard)), JSON.stringify(keys))),
    );
  return shards.length;
}

/**
 * Writes the facet table into the index folder `indexDir`: each entry's filter values under the id pagefind gives its
 * result (`pages`: record URL → result id). Every entry must have been indexed.
 */
export async function writeFacetTable(
  graph: Pick<CatalogueGraph, 'entries'>,
  pages: ReadonlyMap<string, string>,
  indexDir: string,
): Promise<void> {
  const table = buildFacetTable(
    graph.entries.map((entry) => {
      const id = pages.get(`/${entry.path}`);
      if (!id) throw new Error(`the search index has no result for ${entry.id} (/${entry.path})`);
      return [id, facetValues(entry)] as const;
    }),
  );
  await writeFile(path.join(indexDir, FACET_TABLE), JSON.stringify(table));
}
