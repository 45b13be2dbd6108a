/**
 * One load of the catalogue per build process. The build's guard (an integration, loaded by
 * Node) and the content loaders (loaded through Vite) are separate module instances, so the
 * promise is kept on globalThis, keyed by the project root.
 */
import path from 'node:path';
import { contentDir, loadCatalogue, type LoadResult } from '../catalogue/load.ts';
import type { LocalizedBody } from '../catalogue/body/index.ts';
import { renderBodies } from './render-pool.ts';
import { readHistory, type History } from './history.ts';

const KEY = Symbol.for('5g-catalogue.load');
type Cache = Map<string, Promise<LoadResult>>;

/** Loads and checks the catalogue under `root` once per process. */
export function loadCatalogueOnce(root: string): Promise<LoadResult> {
  const store = globalThis as unknown as Record<symbol, Cache | undefined>;
  const cache = (store[KEY] ??= new Map());
  let result = cache.get(root);
  if (!result) {
    result = loadCatalogue(root);
    cache.set(root, result);
  }
  return result;
}

/** Forgets the cached load (dev server: files changed). */
export function forgetCatalogue(root: string): void {
  (globalThis as unknown as Record<symbol, Cache | undefined>)[KEY]?.delete(root);
}

const EARLY = Symbol.for('5g-catalogue.early-render');
type Early = Map<string, Promise<LocalizedBody[]>>;
const early = () => ((globalThis as unknown as Record<symbol, Early>)[EARLY] ??= new Map());

/**
 * Starts rendering every body of a loaded catalogue on the worker pool (a cold build renders
 * them all anyway), so that the rendering overlaps Astro's own start-up.
 */
export function renderEarly(root: string, result: LoadResult): void {
  const rendering = renderBodies(
    result.catalogue.standards.map((s) => ({ body: s.body, lang: s.data.lang, file: s.file })),
  );
  rendering.catch(() => undefined);
  early().set(root, rendering);
}

/** The bodies rendered early for `root`, in the catalogue's order, if a build started them. */
export function takeEarlyRender(root: string): Promise<LocalizedBody[]> | undefined {
  const rendering = early().get(root);
  early().delete(root);
  return rendering;
}

const HISTORY = Symbol.for('5g-catalogue.history');
type Histories = Map<string, Promise<History>>;

/**
 * The git history of the catalogue under `root`, read once per process: the build starts it with
 * the catalogue check, so that the one `git log` runs while Astro starts up.
 */
export function historyOnce(root: string): Promise<History> {
  const store = globalThis as unknown as Record<symbol, Histories | undefined>;
  const cache = (store[HISTORY] ??= new Map());
  let history = cache.get(root);
  if (!history) {
    history = readHistory(path.join(contentDir(root), 'standards'));
    cache.set(root, history);
  }
  return history;
}

/** Forgets the history read for `root` (dev server: files changed). */
export function forgetHistory(root: string): void {
  (globalThis as unknown as Record<symbol, Histories | undefined>)[HISTORY]?.delete(root);
}

const DEV_SERVER = Symbol.for('5g-catalogue.dev-server');
/** The part of Vite's dev server the loaders use: the browser's channel, for the error overlay and to clear it. */
export interface DevServer {
  environments: {
    client: {
      hot: {
        send: (
          payload: { type: 'error'; err: { message: string; stack: string } } | { type: 'full-reload'; path: string },
        ) => void;
      };
    };
  };
}
type DevServers = Map<string, DevServer>;
const devServers = () => ((globalThis as unknown as Record<symbol, DevServers>)[DEV_SERVER] ??= new Map());

/** Remembers the dev server of the project under `root` (the integration's astro:server:setup hook). */
export function setDevServer(root: string, server: DevServer): void {
  devServers().set(root, server);
}

/** The dev server of the project under `root`, while `astro dev` runs. */
export function devServer(root: string): DevServer | undefined {
  return devServers().get(root);
}
