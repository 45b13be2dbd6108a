/**
 * One load of the catalogue per build process. The build's guard (an integration, loaded by
 * Node) and the content loaders (loaded through Vite) are separate module instances, so the
 * promise is kept on globalThis, keyed by the project root.
 */
import { loadCatalogue, type LoadResult } from '../catalogue/load.ts';

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
