/**
 * The catalogue's build integration: refuses an invalid catalogue before anything is built, with the same messages
 * as `npm run check`, holds the build's state (build-state.ts) for the content loaders, writes the per-entry files
 * and the search index when the pages are done. Failures are thrown as Astro errors with their cause, never
 * `process.exit`, so a build can run inside another process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { today } from '../catalogue/dates.ts';
import { buildGraph } from '../catalogue/graph.ts';
import { errorCount, formatProblem, formatProblems, problemSummary, type Problem } from '../catalogue/problems.ts';
import { openIndexSession } from '../search/indexer.ts';
import { CatalogueState, STATE_HOOK } from './build-state.ts';
import { writeDesignationIndex, writeFacetTable } from './search-files.ts';
import { ENTRY_FILE_KINDS, entryFilePath, entryFilesSource, writeEntryFiles } from './entry-files.ts';
import { writeAdmin } from '../editor/admin-files.ts';
import { EditorSettingError, hostedEditor } from '../editor/settings.ts';
import { SETTINGS, settingsReport } from './settings.ts';

/**
 * A failed catalogue build: an Astro error (message and hint as Astro prints them) with what caused it. It says what
 * is wrong in words, so it carries no stack trace of its own for Astro to print.
 */
export class CatalogueBuildError extends AstroError {
  constructor(message: string, hint: string, cause?: unknown) {
    super(message, hint);
    this.name = 'CatalogueBuildError';
    this.stack = '';
    if (cause !== undefined) this.cause = cause;
  }
}

/** The problems that stopped a build: the check's lines as the message, the problems themselves for a host process. */
export class CatalogueProblems extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n'),
    );
    this.name = 'CatalogueProblems';
    this.problems = problems;
    this.stack = '';
  }
}

/** Options of the integration. */
export interface CatalogueOptions {
  /** The catalogue to build: a folder holding standards/, sectors/, … (default: content/ of the project). */
  content?: string;
}

/** The catalogue integration (astro.config.mjs). Each instance holds the state of one build. */
export function catalogue(options: CatalogueOptions = {}): AstroIntegration {
  let state: CatalogueState | undefined;
  let site: string | undefined;
  const current = () => {
    if (!state) throw new Error('the catalogue integration was asked for its state before astro:config:setup');
    return state;
  };
  return {
    name: 'catalogue',
    hooks: {
      // The content loaders find the build's state here (build-state.ts, stateOf).
      [STATE_HOOK]: current,
      'astro:config:setup': async ({ command, config, logger, injectRoute }) => {
        const root = fileURLToPath(config.root);
        state = new CatalogueState(root, options.content);
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
        try {
          hostedEditor();
        } catch (error) {
          if (!(error instanceof EditorSettingError)) throw error;
          throw new CatalogueBuildError(
            `${error.message}; nothing was built.`,
            'See the hosted mode in docs/editing.md: EDITOR_REPO and EDITOR_OAUTH_URL go together.',
            error,
          );
        }
        // What a build without SITE_URL is, and which settings came from the repository's remote.
        for (const note of settingsReport(SETTINGS)) logger[note.level](note.text);
        // The one `git log` of the history runs while the catalogue is checked.
        void state.history().catch(() => undefined);
        const result = await state.catalogue();
        if (errorCount(result.problems))
          throw new CatalogueBuildError(
            `the catalogue has ${problemSummary(result.problems)}; nothing was built.`,
            'Fix them (the lines below, as `npm run check` prints them) and build again.',
            new CatalogueProblems(result.problems),
          );
        // Warnings only (errors stopped the build above): ten of a kind, then a count of the rest.
        for (const line of formatProblems(result.problems)) logger.warn(line);
        logger.info(`catalogue checked: ${result.counts.standards} standards`);
        // Bodies not rendered yet (all of them on a cold build) start rendering now, while Astro starts up.
        state.renderEarly(result, fileURLToPath(config.cacheDir));
        // Next to the output folder, so the finished index can be moved in with a rename.
        const outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        state.index = openIndexSession(`${outDir}.pagefind-${process.pid}-${path.basename(outDir)}`);
      },
      // Editing under `astro dev`: the loaders show the check's errors in the browser's overlay through it.
      'astro:server:setup': ({ server }) => {
        current().devServer = server;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const build = current();
        const { catalogue } = await build.catalogue();
        const graph = buildGraph({ ...catalogue, today: today() });
        const [files, shards, admin] = await Promise.all([
          writeEntryFiles(entryFilesSource(graph), fileURLToPath(dir), site),
          writeDesignationIndex(graph, fileURLToPath(dir)),
          // The browser editor at /admin/, outside Astro's pages: it has a policy of its own and no place in the sitemap.
          writeAdmin(fileURLToPath(dir), hostedEditor()),
        ]);
        logger.info(
          `per-entry files: ${files} written (citations and compare data); designation index: ${shards} files`,
        );
        logger.info(`browser editor: /admin/, ${admin}`);
        const started = performance.now();
        const index = build.index;
        if (!index) throw new CatalogueBuildError('the search index was never started.', 'Build with `npm run build`.');
        try {
          const written = await index.finish(fileURLToPath(dir));
          const records = written.records;
          await writeFacetTable(graph, written.pages, path.join(fileURLToPath(dir), 'pagefind'));
          logger.info(
            `search index: ${records} entries (built alongside the pages; waited ${((performance.now() - started) / 1000).toFixed(2)} s for it)`,
          );
        } catch (error) {
          throw new CatalogueBuildError(
            `building the search index failed: ${(error as Error).message}`,
            'An indexing error names the record; run npm run check, then build again.',
            error,
          );
        }
      },
    },
  };
}
