/**
 * Builds the pagefind index alongside the build. The content loader hands the records over as
 * soon as the catalogue is loaded; pagefind (a separate process) indexes them on another core
 * while Astro renders the pages, and the files are written when the build is done. Any
 * indexing error fails the build.
 */
import { rmSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records.ts';

/** An index being built for one build of the site. */
export interface IndexSession {
  /** Starts indexing the records (called once per build, by the loader). */
  feed: (records: readonly SearchRecord[]) => void;
  /** Waits for the indexing and writes `<dist>/pagefind/`; returns the number of records. */
  finish: (dist: string) => Promise<number>;
}

/** Files pagefind writes that the search page does not use (it uses pagefind's API, not its ready-made interfaces). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];

/**
 * Indexes the records and writes the index to `outputPath` (emptied first); returns how many were indexed. The
 * build's session and the search engine's tests both index this way.
 */
export async function writeIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  // The service queues requests; sending them together avoids one round trip per record.
  const results = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.content })));
  const problems = results.flatMap((result, i) =>
    result.errors.length ? [`${records[i]?.url ?? `record ${i}`}: ${result.errors.join('; ')}`] : [],
  );
  if (problems.length)
    throw new Error(`pagefind could not index ${problems.length} record(s):\n${problems.slice(0, 20).join('\n')}`);
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind could not write its files: ${written.errors.join('; ')}`);
  await Promise.all(UNUSED.map((name) => rm(path.join(outputPath, name), { force: true })));
  return records.length;
}

/**
 * Opens the index session of one build (the integration does, for `astro build` only; the build's state holds it).
 * The index is written to `staging` as soon as it is ready and moved into the site at the end.
 */
export function openIndexSession(staging: string): IndexSession {
  let work: Promise<number> | undefined;
  // A build that fails after indexing began must not leave the staging folder behind.
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const session: IndexSession = {
    feed(records) {
      work = writeIndex(records, staging);
      // Reported by finish(); keep an early failure from being an unhandled rejection.
      work.catch(() => undefined);
    },
    async finish(dist) {
      try {
        if (!work) throw new Error('no search records were produced (the standards collection was not loaded)');
        const count = await work;
        const target = path.join(dist, 'pagefind');
        await rm(target, { recursive: true, force: true });
        await rename(staging, target).catch(async () => {
          await cp(staging, target, { recursive: true });
          await rm(staging, { recursive: true, force: true });
        });
        return count;
      } finally {
        process.off('exit', cleanUp);
        await rm(staging, { recursive: true, force: true });
        await pagefind.close();
      }
    },
  };
  return session;
}
