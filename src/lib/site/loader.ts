/**
 * Content-layer loaders for the catalogue. They read through the same model as `npm run check`; entry bodies are
 * rendered to HTML once (on every core) into the body cache (body-cache.ts), and Astro's data store holds each entry's
 * data and where its rendered body is. During `astro build` the standards loader also hands the search records to the
 * index session, so pagefind indexes while the pages are rendered.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { errorCount, formatProblem, problemSummary } from '../catalogue/problems.ts';
import { bodyText, readBody } from './body-cache.ts';
import { renderToFiles } from './render-pool.ts';
import type { ReferenceCollection } from '../catalogue/schemas/index.ts';
import { recordMakers, type RecordMaker, type SearchRecord } from '../search/records.ts';
import { buildStateOf, missingBodies, type CatalogueState } from './build-state.ts';
import { watchCatalogue } from './dev-watch.ts';

/** The build's state, with its catalogue checked: a catalogue with errors is refused with the check's lines. */
async function checkedState(context: LoaderContext): Promise<CatalogueState> {
  const state = buildStateOf(context.config);
  const result = await state.catalogue();
  if (errorCount(result.problems)) {
    const lines = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw new Error(
      `The catalogue has ${problemSummary(result.problems)}; run npm run check for details.\n${lines.join('\n')}`,
    );
  }
  return state;
}

/** Astro wants paths relative to the root; catalogues outside it (benchmarks) have none. */
const filePathOf = (file: string) => (path.isAbsolute(file) ? {} : { filePath: file });

/** Loads `content/standards/*.mdx`, rendering each changed body to sanitised HTML. */
export function standardsLoader(): Loader {
  return {
    name: 'catalogue-standards',
    load: async (context) => {
      const state = await checkedState(context);
      await syncStandards(context, state);
      watchCatalogue(context, state, () => syncStandards(context, state));
    },
  };
}

/** Puts the standards of the (already checked) catalogue into the store, rendering the bodies not rendered yet. */
async function syncStandards(context: LoaderContext, state: CatalogueState): Promise<void> {
  const { store, logger } = context;
  const result = await state.catalogue();
  const entries = result.catalogue.standards;
  const cache = await state.bodyCache(fileURLToPath(context.config.cacheDir));
  const started = performance.now();
  // The build started rendering while Astro started up; whatever is still missing is rendered now.
  await state.takeEarlyRender();
  const missing = missingBodies(result, cache);
  await renderToFiles(missing);
  const renderSeconds = (performance.now() - started) / 1000;
  const files = entries.map((e) => cache.file(e.body, e.data.lang));
  let changed = 0;
  entries.forEach((entry, i) => {
    const file = files[i] ?? '';
    const digest = context.generateDigest(`${file}\u0000${JSON.stringify(entry.data)}`);
    if (store.get(entry.id)?.digest === digest) return;
    changed++;
    // The store holds where the rendered body is, not the body: pages read their own (data.ts).
    store.set({
      id: entry.id,
      data: entry.data,
      digest,
      ...filePathOf(entry.file),
      rendered: { html: '', metadata: { file, lang: entry.data.lang } satisfies BodyRef },
    });
  });
  const keep = new Set(entries.map((e) => e.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  await cache.prune(new Set(files));

  const session = state.index;
  if (session) session.feed(streamRecords(recordMakers(result.catalogue), files));
  logger.info(
    `${entries.length} standards: ${missing.length} bodies rendered now, the others earlier or before (${renderSeconds.toFixed(2)} s waited); ${changed} stored` +
      (session ? '; search records handed to pagefind as their bodies are read' : ''),
  );
}

/** Where an entry's rendered body is (the store entry's `rendered.metadata`). */
export interface BodyRef {
  file: string;
  lang: string;
}

/** The search records, each made as its body is read from the cache (a batch at a time). */
async function* streamRecords(makers: readonly RecordMaker[], files: readonly string[]): AsyncGenerator<SearchRecord> {
  const BATCH = 32;
  for (let i = 0; i < makers.length; i += BATCH) {
    const bodies = await Promise.all(files.slice(i, i + BATCH).map(readBody));
    for (const [k, body] of bodies.entries()) {
      const maker = makers[i + k];
      if (maker) yield maker.make(bodyText(body));
    }
  }
}

/** Loads one reference collection, `content/<name>/*.yaml`. */
export function referenceLoader(name: ReferenceCollection): Loader {
  return {
    name: `catalogue-${name}`,
    load: async (context) => {
      const state = await checkedState(context);
      await syncReference(context, state, name);
      watchCatalogue(context, state, () => syncReference(context, state, name));
    },
  };
}

/** Puts one reference collection of the (already checked) catalogue into the store. */
async function syncReference(context: LoaderContext, state: CatalogueState, name: ReferenceCollection): Promise<void> {
  const { store } = context;
  const { catalogue } = await state.catalogue();
  const keep = new Set<string>();
  for (const record of catalogue[name]) {
    keep.add(record.id);
    const digest = context.generateDigest(record.data);
    if (store.get(record.id)?.digest === digest) continue;
    store.set({ id: record.id, data: record.data, digest, ...filePathOf(record.file) });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}

/** The id of the one record of the `history` collection. */
export const HISTORY_RECORD = 'catalogue';

/**
 * Loads the catalogue's git history (one `git log` and one `git cat-file` for all entries, see history.ts) as one
 * record, `history/catalogue`, holding the status and every change described.
 */
export function historyLoader(): Loader {
  return {
    name: 'catalogue-history',
    load: async ({ store, config, logger, watcher }) => {
      const state = buildStateOf(config);
      watcher?.on('change', () => state.forgetHistory());
      const started = performance.now();
      const history = await state.history();
      store.clear();
      store.set({ id: HISTORY_RECORD, data: history as unknown as Record<string, unknown> });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (history.status === 'git')
        logger.info(
          `history: ${history.changes.length} commits change entries' content (read from git in ${seconds} s)`,
        );
      else logger.warn(`history: none (${history.status}); entry pages show their \`updated\` dates instead`);
    },
  };
}
