/**
 * Content-layer loaders for the catalogue. They read through the same model as
 * `npm run check`; entry bodies are rendered to HTML once, here (on every core), and cached by
 * digest in Astro's data store. During `astro build` the standards loader also hands the
 * search records to the index session, so pagefind indexes while the pages are rendered.
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { LocalizedBody } from '../catalogue/body/index.ts';
import { errorCount, formatProblem, problemSummary } from '../catalogue/problems.ts';
import { renderBodies } from './render-pool.ts';
import type { ReferenceCollection } from '../catalogue/schemas/index.ts';
import { catalogueRecords } from '../search/records.ts';
import { buildStateOf, type CatalogueState } from './build-state.ts';
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

/** Puts the standards of the (already checked) catalogue into the store, rendering the bodies that changed. */
async function syncStandards(context: LoaderContext, state: CatalogueState): Promise<void> {
  const { store, logger } = context;
  const result = await state.catalogue();
  const entries = result.catalogue.standards;
  const digests = entries.map((e) => context.generateDigest(`${e.body}\u0000${JSON.stringify(e.data)}`));
  const stale = entries.flatMap((entry, i) => (store.get(entry.id)?.digest !== digests[i] ? [i] : []));
  const started = performance.now();
  // Every body in catalogue order when the build started rendering early, else the stale ones.
  const early = await state.takeEarlyRender();
  const rendered =
    early ??
    (await renderBodies(
      stale.flatMap((i) => {
        const entry = entries[i];
        return entry ? [{ body: entry.body, lang: entry.data.lang, file: entry.file }] : [];
      }),
    ));
  const renderSeconds = (performance.now() - started) / 1000;
  stale.forEach((i, k) => {
    const entry = entries[i];
    const body = rendered[early ? i : k];
    if (!entry || !body) throw new Error(`entry ${i} of the catalogue was not rendered`);
    store.set({
      id: entry.id,
      data: entry.data,
      digest: digests[i],
      ...filePathOf(entry.file),
      rendered: {
        html: (body[entry.data.lang] ?? Object.values(body)[0])?.html ?? '',
        metadata: { bodies: body, lang: entry.data.lang },
      },
    });
  });
  const keep = new Set(entries.map((e) => e.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);

  const session = state.index;
  const fed = performance.now();
  if (session)
    session.feed(
      catalogueRecords(result.catalogue, (id) => {
        const bodies = (store.get(id)?.rendered?.metadata as { bodies?: LocalizedBody } | undefined)?.bodies ?? {};
        return { zh: bodies.zh?.text, en: bodies.en?.text };
      }),
    );
  logger.info(
    `${entries.length} standards: ${stale.length} bodies rendered in ${renderSeconds.toFixed(2)} s, ${entries.length - stale.length} unchanged` +
      (session ? `; search records handed to pagefind in ${((performance.now() - fed) / 1000).toFixed(2)} s` : ''),
  );
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
