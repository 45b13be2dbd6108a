/**
 * A real pagefind index of the real catalogue plus the probe entries (tests/fixtures/probe/), built the way the site
 * build builds it (catalogueRecords, writeIndex), served over http on 127.0.0.1, for the search engine's tests in
 * Node. Built once by the unit project's global setup.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalogue, type LoadedCatalogue } from '../../src/lib/catalogue/load.ts';
import { buildConcepts, ConceptMatcher, metricConcepts } from '../../src/lib/catalogue/concepts.ts';
import { SearchEngine, type Pagefind } from '../../src/lib/search/engine.ts';
import { writeIndex } from '../../src/lib/search/indexer.ts';
import { buildGraph } from '../../src/lib/catalogue/graph.ts';
import { FACET_TABLE, type FacetTable } from '../../src/lib/search/facet-table.ts';
import { writeFacetTable } from '../../src/lib/site/search-files.ts';
import { indexParts, mergeParts, type Mergeable } from '../../src/lib/search/parts.ts';
import { catalogueRecords, type BodyTexts } from '../../src/lib/search/records.ts';
import { renderBodies } from '../../src/lib/site/render-pool.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The "today" of the site tests, so states agree with them. */
export const INDEX_TODAY = '2026-11-25';

/** Each entry's rendered body text (both languages), by id. */
async function bodyTexts(catalogue: LoadedCatalogue): Promise<Map<string, BodyTexts>> {
  const bodies = await renderBodies(
    catalogue.standards.map((s) => ({ body: s.body, lang: s.data.lang, file: s.file })),
  );
  return new Map(catalogue.standards.map((s, i) => [s.id, { zh: bodies[i]?.zh?.text, en: bodies[i]?.en?.text }]));
}

/** Builds the index into a temporary folder and serves it; `dir` holds `pagefind/` and `catalogue/` (the content). */
export async function buildSearchIndex(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'search index 索引 ('));
  const content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/probe'), path.join(content, 'standards'), { recursive: true });
  const { catalogue, problems } = await loadCatalogue(dir, { CATALOGUE_CONTENT: content });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`the search fixture catalogue is invalid: ${errors[0]?.message}`);
  await writeFixtureIndex(catalogue, path.join(dir, 'pagefind'));
  const server: StaticServer = await serveDirectory(dir);
  return {
    dir,
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A search engine over the served index, with the catalogue's concepts and the facet table, as the search page makes
 * one; `folder` is the index's folder in the served one, `partSize` the size of its parts (parts.ts) when not the
 * build's, `facets: false` leaves the facet table out (the counts then come from pagefind).
 */
export async function engineOver(
  index: { dir: string; url: string },
  options: { folder?: string; partSize?: number; facets?: false } = {},
): Promise<SearchEngine> {
  const content = path.join(index.dir, 'content');
  const folder = options.folder ?? 'pagefind';
  const { catalogue } = await loadCatalogue(index.dir, { CATALOGUE_CONTENT: content });
  // As the search page makes it: the concepts, and the metrics whose pages a query may name.
  const matcher = new ConceptMatcher([...buildConcepts(catalogue), ...metricConcepts(catalogue.metrics)]);
  const base = `${index.url}${folder}/`;
  const facets = async () => (await (await fetch(`${base}${FACET_TABLE}`)).json()) as FacetTable;
  return new SearchEngine(
    async () => {
      const pagefind = (await import(pathToFileURL(path.join(index.dir, folder, 'pagefind.js')).href)) as Pagefind &
        Mergeable & {
          options: (o: Record<string, unknown>) => Promise<void>;
          init: () => Promise<void>;
        };
      await pagefind.options({ basePath: base });
      await pagefind.init();
      await mergeParts(pagefind, base, indexParts(catalogue.standards.length, options.partSize));
      return pagefind;
    },
    matcher,
    options.facets === false ? {} : { facets },
  );
}

/** Writes the fixture's index again into `folder` of the served folder, in parts of `partSize` records. */
export async function writePartedIndex(index: { dir: string }, folder: string, partSize: number): Promise<number> {
  const content = path.join(index.dir, 'content');
  const { catalogue } = await loadCatalogue(index.dir, { CATALOGUE_CONTENT: content });
  return writeFixtureIndex(catalogue, path.join(index.dir, folder), partSize);
}

/** Writes the index and its facet table as the build does (the graph's states on the tests' day). */
async function writeFixtureIndex(catalogue: LoadedCatalogue, folder: string, partSize?: number): Promise<number> {
  const text = await bodyTexts(catalogue);
  const written = await writeIndex(
    catalogueRecords(catalogue, (id) => text.get(id) ?? {}, INDEX_TODAY),
    folder,
    partSize ? { partSize } : {},
  );
  await writeFacetTable(buildGraph({ ...catalogue, today: INDEX_TODAY }), written.pages, folder);
  return written.records;
}
