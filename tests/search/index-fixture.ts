/**
 * A real pagefind index of the real catalogue plus the probe entries (tests/fixtures/probe/), built the way the site
 * build builds it (catalogueRecords, writeIndex), served over http on 127.0.0.1, for the search engine's tests in
 * Node. Built once by the unit project's global setup.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import { buildConcepts, ConceptMatcher, metricConcepts } from '../../src/lib/catalogue/concepts.ts';
import { SearchEngine, type Pagefind } from '../../src/lib/search/engine.ts';
import { writeIndex } from '../../src/lib/search/indexer.ts';
import { catalogueRecords } from '../../src/lib/search/records.ts';
import { renderBodies } from '../../src/lib/site/render-pool.ts';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The "today" of the site tests, so states agree with them. */
export const INDEX_TODAY = '2026-11-25';

/** Builds the index into a temporary folder and serves it; `dir` holds `pagefind/` and `catalogue/` (the content). */
export async function buildSearchIndex(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'search index 索引 ('));
  const content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/probe'), path.join(content, 'standards'), { recursive: true });
  const { catalogue, problems } = await loadCatalogue(dir, { CATALOGUE_CONTENT: content });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`the search fixture catalogue is invalid: ${errors[0]?.message}`);
  const bodies = await renderBodies(
    catalogue.standards.map((s) => ({ body: s.body, lang: s.data.lang, file: s.file })),
  );
  const text = new Map(catalogue.standards.map((s, i) => [s.id, { zh: bodies[i]?.zh?.text, en: bodies[i]?.en?.text }]));
  await writeIndex(
    catalogueRecords(catalogue, (id) => text.get(id) ?? {}, INDEX_TODAY),
    path.join(dir, 'pagefind'),
  );
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

/** A search engine over the served index, with the catalogue's concepts, as the search page makes one. */
export async function engineOver(index: { dir: string; url: string }): Promise<SearchEngine> {
  const content = path.join(index.dir, 'content');
  const { catalogue } = await loadCatalogue(index.dir, { CATALOGUE_CONTENT: content });
  // As the search page makes it: the concepts, and the metrics whose pages a query may name.
  const matcher = new ConceptMatcher([...buildConcepts(catalogue), ...metricConcepts(catalogue.metrics)]);
  return new SearchEngine(async () => {
    const pagefind = (await import(pathToFileURL(path.join(index.dir, 'pagefind', 'pagefind.js')).href)) as Pagefind & {
      options: (o: Record<string, unknown>) => Promise<void>;
      init: () => Promise<void>;
    };
    await pagefind.options({ basePath: `${index.url}pagefind/` });
    await pagefind.init();
    return pagefind;
  }, matcher);
}
