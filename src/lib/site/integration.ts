/**
 * The catalogue's build integration: refuses an invalid catalogue before anything is built,
 * with the same messages as `npm run check`, and writes the search index when the pages are.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { errorCount, formatProblem, formatProblems } from '../catalogue/problems.ts';
import { existsSync } from 'node:fs';
import { historyOnce, loadCatalogueOnce, renderEarly, setDevServer } from './catalogue-cache.ts';
import { openIndexSession, type IndexSession } from '../search/indexer.ts';
import { builtCatalogue, ENTRY_FILE_KINDS, entryFilePath, writeEntryFiles } from './entry-files.ts';
import { SETTINGS, settingsReport } from './settings.ts';

export function catalogue(): AstroIntegration {
  let session: IndexSession | undefined;
  let projectRoot: URL;
  let site: string | undefined;
  return {
    name: 'catalogue',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, injectRoute }) => {
        projectRoot = config.root;
        site = config.site;
        // A build writes each entry's citations and compare data in one pass when the pages are done (entry-files.ts).
        if (command === 'dev')
          for (const kind of ENTRY_FILE_KINDS)
            injectRoute({
              pattern: `/${entryFilePath(kind, '[id]')}`,
              entrypoint: `./src/routes/${kind}.ts`,
              prerender: true,
            });
        if (command !== 'build') return;
        // What a build without SITE_URL is, and which settings came from the repository's remote.
        for (const note of settingsReport(SETTINGS)) logger[note.level](note.text);
        const root = fileURLToPath(config.root);
        // The one `git log` of the history runs while the catalogue is checked.
        void historyOnce(root);
        const result = await loadCatalogueOnce(root);
        const errors = errorCount(result.problems);
        for (const problem of result.problems) if (problem.severity === 'error') console.error(formatProblem(problem));
        // Ten warnings of a kind, then a count of the rest.
        for (const line of formatProblems(result.problems.filter((p) => p.severity === 'warning'))) logger.warn(line);
        if (errors) {
          console.error(
            `\n✖ the catalogue has ${errors} error${errors === 1 ? '' : 's'}; nothing was built. Fix them and run npm run check.`,
          );
          process.exit(1);
        }
        logger.info(`catalogue checked: ${result.counts.standards} standards`);
        // With no content cache yet every body will be rendered: start now, while Astro starts up.
        if (!existsSync(new URL('data-store.json', config.cacheDir))) renderEarly(root, result);
        // Next to the output folder, so the finished index can be moved in with a rename.
        const outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        session = openIndexSession(root, `${outDir}.pagefind-${process.pid}`);
      },
      // Editing under `astro dev`: the loaders show the check's errors in the browser's overlay through it.
      'astro:server:setup': ({ server }) => {
        setDevServer(fileURLToPath(projectRoot), server);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const catalogue = builtCatalogue();
        if (!catalogue) {
          console.error(
            '\n✖ no page read the catalogue, so its per-entry files (citations, compare data) cannot be written.',
          );
          process.exit(1);
        }
        const files = await writeEntryFiles(catalogue, fileURLToPath(dir), site);
        logger.info(`per-entry files: ${files} written (citations and compare data)`);
        const started = performance.now();
        try {
          const records = await session!.finish(fileURLToPath(dir));
          logger.info(
            `search index: ${records} entries (built alongside the pages; waited ${((performance.now() - started) / 1000).toFixed(2)} s for it)`,
          );
        } catch (error) {
          console.error(`\n✖ building the search index failed: ${(error as Error).message}`);
          process.exit(1);
        }
      },
    },
  };
}
