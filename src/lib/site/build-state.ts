/**
 * What one build (or one `astro dev` session) of the catalogue knows, held by the catalogue integration and handed
 * to the content loaders through the integration's own hook, `catalogue:state` (Astro passes every loader the
 * build's config, whose integrations carry their hooks). Nothing is kept on globalThis or in a module-level
 * registry: two builds in one process each have their own.
 */
import path from 'node:path';
import type { AstroConfig } from 'astro';
import { loadCatalogue, type LoadResult } from '../catalogue/load.ts';
import type { IndexSession } from '../search/indexer.ts';
import type { DevWatch } from './dev-watch.ts';
import { readHistory, type History } from './history.ts';
import { BodyCache, isRendered } from './body-cache.ts';
import { renderToFiles, type FileJob } from './render-pool.ts';

/** The name of the custom integration hook that hands out a build's state. */
export const STATE_HOOK = 'catalogue:state';

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

/** One build's catalogue, history, early rendering, search index and dev server. */
export class CatalogueState {
  /** The project root. */
  readonly root: string;
  /** The folder holding standards/, sectors/, … (content/ unless another catalogue is built). */
  readonly content: string;
  #catalogue?: Promise<LoadResult>;
  #history?: Promise<History>;
  #early?: Promise<void>;
  #bodies?: Promise<BodyCache>;
  /** The search index being built alongside the pages (`astro build` only). */
  index?: IndexSession;
  /** Vite's dev server, while `astro dev` runs. */
  devServer?: DevServer;
  /** The loaders' watch over the catalogue's files, while `astro dev` runs. */
  devWatch?: DevWatch;

  constructor(root: string, content?: string) {
    this.root = root;
    this.content = content ? path.resolve(root, content) : path.join(root, 'content');
  }

  /** The catalogue, read and checked once (again after {@link forget}). */
  catalogue(): Promise<LoadResult> {
    return (this.#catalogue ??= loadCatalogue(this.root, { CATALOGUE_CONTENT: this.content }));
  }

  /** Forgets the loaded catalogue (dev server: files changed). */
  forget(): void {
    this.#catalogue = undefined;
  }

  /** Forgets the history read (dev server: files changed). */
  forgetHistory(): void {
    this.#history = undefined;
  }

  /** The entries' git history, read once: the build starts it with the check, so it runs while Astro starts up. */
  history(): Promise<History> {
    return (this.#history ??= readHistory(path.join(this.content, 'standards')));
  }

  /** The rendered bodies' folder under Astro's cache folder (`cacheDir` of the config), created once. */
  bodyCache(cacheDir: string): Promise<BodyCache> {
    return (this.#bodies ??= new BodyCache(cacheDir).open());
  }

  /**
   * Starts rendering every body the cache does not hold yet (all of them on a cold build), to overlap Astro's own
   * start-up; the standards loader waits for it.
   */
  renderEarly(result: LoadResult, cacheDir: string): void {
    const rendering = this.bodyCache(cacheDir).then((cache) => renderToFiles(missingBodies(result, cache)));
    rendering.catch(() => undefined);
    this.#early = rendering;
  }

  /** The early rendering, if the build started it; handed out once. */
  takeEarlyRender(): Promise<void> | undefined {
    const rendering = this.#early;
    this.#early = undefined;
    return rendering;
  }
}

/** The bodies of a loaded catalogue that the cache does not hold, as jobs writing their files. */
export function missingBodies(result: LoadResult, cache: BodyCache): FileJob[] {
  return result.catalogue.standards.flatMap((s) => {
    const target = cache.file(s.body, s.data.lang);
    return isRendered(target) ? [] : [{ body: s.body, lang: s.data.lang, file: s.file, target }];
  });
}

/** The state of the build a loader runs in, from the catalogue integration in the build's config. */
export function buildStateOf(config: Pick<AstroConfig, 'integrations'>): CatalogueState {
  for (const integration of config.integrations) {
    const hook = (integration.hooks as Record<string, unknown>)[STATE_HOOK];
    if (typeof hook === 'function') return (hook as () => CatalogueState)();
  }
  throw new Error('the catalogue integration is not in astro.config.mjs, so the catalogue cannot be loaded');
}
