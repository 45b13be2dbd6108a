/**
 * Content-layer loaders for the catalogue. They read through the same model as
 * `npm run check`; entry bodies are rendered to HTML once, here (on every core), and cached by
 * digest in Astro's data store. During `astro build` the standards loader also hands the
 * search records to the index session, so pagefind indexes while the pages are rendered.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir } from '../catalogue/load.ts';
import { today } from '../catalogue/dates.ts';
import { stateOf } from '../catalogue/graph.ts';
import type { LocalizedBody } from '../catalogue/body/index.ts';
import { errorCount, formatProblem } from '../catalogue/problems.ts';
import { renderBodies } from './render-pool.ts';
import type { ReferenceCollection } from '../catalogue/schemas/index.ts';
import { indexSession } from '../search/indexer.ts';
import { buildConcepts, ConceptMatcher } from '../search/concepts.ts';
import { entryRecord } from '../search/records.ts';
import {
  devServer,
  forgetCatalogue,
  forgetHistory,
  historyOnce,
  loadCatalogueOnce,
  takeEarlyRender,
} from './catalogue-cache.ts';

async function load(rootUrl: URL) {
  const root = fileURLToPath(rootUrl);
  const result = await loadCatalogueOnce(root);
  const errors = errorCount(result.problems);
  if (errors) {
    const lines = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw new Error(
      `The catalogue has ${errors} error${errors === 1 ? '' : 's'}; run npm run check for details.\n${lines.join('\n')}`,
    );
  }
  return { root, result };
}

/** Astro wants paths relative to the root; catalogues outside it (benchmarks) have none. */
const filePathOf = (file: string) => (path.isAbsolute(file) ? {} : { filePath: file });

/** Loads `content/standards/*.mdx`, rendering each changed body to sanitised HTML. */
export function standardsLoader(): Loader {
  return {
    name: 'catalogue-standards',
    load: async (context) => {
      const { root } = await load(context.config.root);
      await syncStandards(context, root);
      watchCatalogue(context, root, () => syncStandards(context, root));
    },
  };
}

/** Puts the standards of the (already checked) catalogue into the store, rendering the bodies that changed. */
async function syncStandards(context: LoaderContext, root: string): Promise<void> {
  const { store, logger } = context;
  const result = await loadCatalogueOnce(root);
  const entries = result.catalogue.standards;
  const digests = entries.map((e) => context.generateDigest(`${e.body}\u0000${JSON.stringify(e.data)}`));
  const stale = entries.map((_, i) => i).filter((i) => store.get(entries[i]!.id)?.digest !== digests[i]);
  const started = performance.now();
  // Every body in catalogue order when the build started rendering early, else the stale ones.
  const early = await takeEarlyRender(root);
  const rendered =
    early ??
    (await renderBodies(
      stale.map((i) => ({ body: entries[i]!.body, lang: entries[i]!.data.lang, file: entries[i]!.file })),
    ));
  const renderSeconds = (performance.now() - started) / 1000;
  stale.forEach((i, k) => {
    const entry = entries[i]!;
    const body = rendered[early ? i : k]!;
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

  const session = indexSession(root);
  const fed = performance.now();
  if (session) {
    const day = today();
    const matcher = new ConceptMatcher(buildConcepts(result.catalogue));
    session.feed(
      entries.map((entry) => {
        const bodies =
          (store.get(entry.id)?.rendered?.metadata as { bodies?: LocalizedBody } | undefined)?.bodies ?? {};
        const text = Object.values(bodies)
          .map((b) => b.text)
          .join(' ');
        return entryRecord(
          { id: entry.id, data: entry.data, state: stateOf(entry.data, day), path: `standards/${entry.id}/` },
          text,
          matcher,
        );
      }),
    );
  }
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
      const { root } = await load(context.config.root);
      await syncReference(context, root, name);
      watchCatalogue(context, root, () => syncReference(context, root, name));
    },
  };
}

/** Puts one reference collection of the (already checked) catalogue into the store. */
async function syncReference(context: LoaderContext, root: string, name: ReferenceCollection): Promise<void> {
  const { store } = context;
  const { catalogue } = await loadCatalogueOnce(root);
  const keep = new Set<string>();
  for (const record of catalogue[name]) {
    keep.add(record.id);
    const digest = context.generateDigest(record.data);
    if (store.get(record.id)?.digest === digest) continue;
    store.set({ id: record.id, data: record.data, digest, ...filePathOf(record.file) });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
}

/**
 * `astro dev`: what each collection does when a file of the catalogue changes. One listener per watcher
 * (the content layer removes its listeners before a full sync, after which the loaders attach it again),
 * and one check of the whole catalogue per burst of changes, shared by every collection.
 */
interface DevWatch {
  root: string;
  content: string;
  syncs: Map<string, () => Promise<void>>;
  logger: LoaderContext['logger'];
  onChange: (file: string) => void;
  timer?: ReturnType<typeof setTimeout>;
  running: Promise<void>;
  /** The last check found errors (the browser shows them until the catalogue is valid again). */
  failed?: boolean;
}
const devWatches = new WeakMap<object, DevWatch>();
/** Changes closer together than this are checked once. */
const SETTLE_MS = 60;

function watchCatalogue({ watcher, collection, logger }: LoaderContext, root: string, sync: () => Promise<void>): void {
  if (!watcher) return;
  let watch = devWatches.get(watcher);
  if (!watch) {
    const content = contentDir(root);
    const created: DevWatch = {
      root,
      content,
      syncs: new Map(),
      logger: logger.fork('catalogue'),
      running: Promise.resolve(),
      onChange: (file) => {
        const rel = path.relative(content, file);
        if (rel.startsWith('..') || path.isAbsolute(rel)) return;
        clearTimeout(created.timer);
        created.timer = setTimeout(() => {
          created.running = created.running.then(() => reloadCatalogue(created, rel.split(path.sep).join('/')));
        }, SETTLE_MS);
      },
    };
    watch = created;
    devWatches.set(watcher, watch);
  }
  watch.syncs.set(collection, sync);
  watcher.add(watch.content);
  for (const event of ['change', 'add', 'unlink'] as const)
    if (!watcher.listeners(event).includes(watch.onChange)) watcher.on(event, watch.onChange);
}

/**
 * Checks the catalogue again after `changed` was edited: with errors, the terminal and the browser's error
 * overlay get the lines `npm run check` prints, and the pages keep the last valid catalogue; without, every
 * collection syncs (the store's change reloads the page).
 */
async function reloadCatalogue(watch: DevWatch, changed: string): Promise<void> {
  forgetCatalogue(watch.root);
  const started = performance.now();
  try {
    const result = await loadCatalogueOnce(watch.root);
    const lines = result.problems.map(formatProblem);
    const errors = errorCount(result.problems);
    if (errors) {
      const message = `The catalogue has ${errors} error${errors === 1 ? '' : 's'} after the change to content/${changed}; the pages show the last valid catalogue.\n${result.problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`;
      watch.logger.error(message);
      devServer(watch.root)?.environments.client.hot.send({ type: 'error', err: { message, stack: '' } });
      watch.failed = true;
      return;
    }
    for (const line of lines) watch.logger.warn(line);
    for (const sync of watch.syncs.values()) await sync();
    // A fix back to the last valid text changes no stored entry, so nothing else would clear the overlay.
    if (watch.failed) devServer(watch.root)?.environments.client.hot.send({ type: 'full-reload', path: '*' });
    watch.failed = false;
    watch.logger.info(
      `content/${changed} changed: catalogue checked and reloaded in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  } catch (error) {
    watch.logger.error(
      `reloading the catalogue after the change to content/${changed} failed: ${(error as Error).message}`,
    );
  }
}

/** The id of the one record of the `history` collection. */
export const HISTORY_RECORD = 'catalogue';

/**
 * Loads the catalogue's git history (one `git log` for all entries, see history.ts) as one
 * record, `history/catalogue`, holding the status and every change.
 */
export function historyLoader(): Loader {
  return {
    name: 'catalogue-history',
    load: async ({ store, config, logger, watcher }) => {
      const root = fileURLToPath(config.root);
      watcher?.on('change', () => forgetHistory(root));
      const started = performance.now();
      const history = await historyOnce(root);
      store.clear();
      store.set({ id: HISTORY_RECORD, data: history as unknown as Record<string, unknown> });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (history.status === 'git')
        logger.info(`history: ${history.changes.length} commits change entries (read from git in ${seconds} s)`);
      else logger.warn(`history: none (${history.status}); entry pages show their \`updated\` dates instead`);
    },
  };
}
