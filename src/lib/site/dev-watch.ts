/**
 * `astro dev`: the content loaders' watch over the catalogue's files. A change is checked with the whole catalogue
 * (as `npm run check` does); with errors the terminal and the browser's overlay show the check's lines and the pages
 * keep the last valid catalogue, without errors every collection syncs.
 */
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { errorCount, formatProblem, problemSummary } from '../catalogue/problems.ts';
import type { CatalogueState } from './build-state.ts';

/**
 * `astro dev`: what each collection does when a file of the catalogue changes. One listener per watcher
 * (the content layer removes its listeners before a full sync, after which the loaders attach it again),
 * and one check of the whole catalogue per burst of changes, shared by every collection.
 */
export interface DevWatch {
  state: CatalogueState;
  content: string;
  syncs: Map<string, () => Promise<void>>;
  logger: LoaderContext['logger'];
  onChange: (file: string) => void;
  timer?: ReturnType<typeof setTimeout>;
  running: Promise<void>;
  /** The last check found errors (the browser shows them until the catalogue is valid again). */
  failed?: boolean;
}
/** Changes closer together than this are checked once. */
const SETTLE_MS = 60;

export function watchCatalogue(
  { watcher, collection, logger }: LoaderContext,
  state: CatalogueState,
  sync: () => Promise<void>,
): void {
  if (!watcher) return;
  let watch = state.devWatch;
  if (!watch) {
    const content = state.content;
    const created: DevWatch = {
      state,
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
    state.devWatch = watch;
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
  watch.state.forget();
  const started = performance.now();
  try {
    const result = await watch.state.catalogue();
    const lines = result.problems.map(formatProblem);
    const errors = errorCount(result.problems);
    if (errors) {
      const message = `The catalogue has ${problemSummary(result.problems)} after the change to content/${changed}; the pages show the last valid catalogue.\n${result.problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`;
      watch.logger.error(message);
      watch.state.devServer?.environments.client.hot.send({ type: 'error', err: { message, stack: '' } });
      watch.failed = true;
      return;
    }
    for (const line of lines) watch.logger.warn(line);
    for (const sync of watch.syncs.values()) await sync();
    // A fix back to the last valid text changes no stored entry, so nothing else would clear the overlay.
    if (watch.failed) watch.state.devServer?.environments.client.hot.send({ type: 'full-reload', path: '*' });
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
