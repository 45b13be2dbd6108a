/**
 * Content-layer loaders for the catalogue. They read through the same model as
 * `npm run check`; entry bodies are rendered to HTML once, here (on every core), and cached by
 * digest in Astro's data store. During `astro build` the standards loader also hands the
 * search records to the index session, so pagefind indexes while the pages are rendered.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { today } from '../catalogue/dates.ts';
import { stateOf } from '../catalogue/graph.ts';
import type { LocalizedBody } from '../catalogue/mdx-body.ts';
import { errorCount, formatProblem } from '../catalogue/problems.ts';
import { renderBodies } from '../catalogue/render-pool.ts';
import type { ReferenceCollection } from '../catalogue/schemas/index.ts';
import { indexSession } from '../search/indexer.ts';
import { buildConcepts, ConceptMatcher } from '../search/concepts.ts';
import { entryRecord } from '../search/records.ts';
import { forgetCatalogue, forgetHistory, historyOnce, loadCatalogueOnce, takeEarlyRender } from './catalogue-cache.ts';

async function load(rootUrl: URL) {
  const root = fileURLToPath(rootUrl);
  const result = await loadCatalogueOnce(root);
  const errors = errorCount(result.problems);
  if (errors) {
    const lines = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
    throw new Error(`The catalogue has ${errors} error${errors === 1 ? '' : 's'}; run npm run check for details.\n${lines.join('\n')}`);
  }
  return { root, result };
}

/** Astro wants paths relative to the root; catalogues outside it (benchmarks) have none. */
const filePathOf = (file: string) => (path.isAbsolute(file) ? {} : { filePath: file });

/** Loads `content/standards/*.mdx`, rendering each changed body to sanitised HTML. */
export function standardsLoader(): Loader {
  return {
    name: 'catalogue-standards',
    load: async ({ store, config, generateDigest, logger, watcher }) => {
      const { root, result } = await load(config.root);
      watcher?.on('change', () => forgetCatalogue(root));
      const entries = result.catalogue.standards;
      const digests = entries.map((e) => generateDigest(`${e.body}\u0000${JSON.stringify(e.data)}`));
      const stale = entries.map((e, i) => i).filter((i) => store.get(entries[i]!.id)?.digest !== digests[i]);
      const started = performance.now();
      // Every body in catalogue order when the build started rendering early, else the stale ones.
      const early = await takeEarlyRender(root);
      const rendered = early ?? (await renderBodies(stale.map((i) => ({ body: entries[i]!.body, lang: entries[i]!.data.lang, file: entries[i]!.file }))));
      const renderSeconds = (performance.now() - started) / 1000;
      stale.forEach((i, k) => {
        const entry = entries[i]!;
        const body = rendered[early ? i : k]!;
        store.set({
          id: entry.id,
          data: entry.data,
          digest: digests[i],
          ...filePathOf(entry.file),
          rendered: { html: (body[entry.data.lang] ?? Object.values(body)[0])?.html ?? '', metadata: { bodies: body, lang: entry.data.lang } },
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
            const bodies = (store.get(entry.id)?.rendered?.metadata as { bodies?: LocalizedBody } | undefined)?.bodies ?? {};
            const text = Object.values(bodies).map((b) => b.text).join(' ');
            return entryRecord({ id: entry.id, data: entry.data, state: stateOf(entry.data, day), path: `standards/${entry.id}/` }, text, matcher);
          }),
        );
      }
      logger.info(
        `${entries.length} standards: ${stale.length} bodies rendered in ${renderSeconds.toFixed(2)} s, ${entries.length - stale.length} unchanged` +
          (session ? `; search records handed to pagefind in ${((performance.now() - fed) / 1000).toFixed(2)} s` : ''),
      );
    },
  };
}

/** Loads one reference collection, `content/<name>/*.yaml`. */
export function referenceLoader(name: ReferenceCollection): Loader {
  return {
    name: `catalogue-${name}`,
    load: async ({ store, config, generateDigest }) => {
      const { result } = await load(config.root);
      store.clear();
      for (const record of result.catalogue[name]) {
        store.set({ id: record.id, data: record.data as Record<string, unknown>, digest: generateDigest(record.data as Record<string, unknown>), ...filePathOf(record.file) });
      }
    },
  };
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
      if (history.status === 'git') logger.info(`history: ${history.changes.length} commits change entries (read from git in ${seconds} s)`);
      else logger.warn(`history: none (${history.status}); entry pages show their \`updated\` dates instead`);
    },
  };
}
