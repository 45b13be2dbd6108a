/**
 * Content-layer loaders for the catalogue. They read through the same model as
 * `npm run check`; entry bodies are rendered to HTML once, here, and cached by digest.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { errorCount, formatProblem } from '../catalogue/problems.ts';
import { renderBody } from '../catalogue/mdx-body.ts';
import type { ReferenceCollection } from '../catalogue/schemas/index.ts';
import { forgetCatalogue, loadCatalogueOnce } from './catalogue-cache.ts';

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

/** Loads `content/standards/*.mdx`, rendering each body to sanitised HTML. */
export function standardsLoader(): Loader {
  return {
    name: 'catalogue-standards',
    load: async ({ store, config, generateDigest, logger, watcher }) => {
      const { root, result } = await load(config.root);
      watcher?.on('change', () => forgetCatalogue(root));
      const keep = new Set<string>();
      let rendered = 0;
      for (const entry of result.catalogue.standards) {
        keep.add(entry.id);
        const digest = generateDigest(`${entry.body}\u0000${JSON.stringify(entry.data)}`);
        if (store.get(entry.id)?.digest === digest) continue;
        const body = renderBody(entry.body);
        rendered++;
        store.set({
          id: entry.id,
          data: entry.data,
          digest,
          ...filePathOf(entry.file),
          rendered: { html: body.html, metadata: { headings: body.headings, text: body.text, lang: entry.data.lang } },
        });
      }
      for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
      logger.info(`${result.catalogue.standards.length} standards (${rendered} bodies rendered, ${result.catalogue.standards.length - rendered} unchanged)`);
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
