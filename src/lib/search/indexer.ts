/** Builds the pagefind index from the search records written by the build. */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records.ts';

/** Where the build writes the records (deleted once indexed). */
export const RECORDS_FILE = 'search-records.json';

/** Indexes `<dist>/search-records.json` into `<dist>/pagefind/`; throws on any indexing error. */
export async function buildSearchIndex(dist: string): Promise<{ records: number }> {
  const file = path.join(dist, RECORDS_FILE);
  const records = JSON.parse(await readFile(file, 'utf8')) as SearchRecord[];
  await rm(file);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    // The service queues requests; sending them together avoids one round trip per record.
    const results = await Promise.all(records.map((r) => index.addHTMLFile({ url: r.url, content: r.content })));
    results.forEach((result, i) => {
      if (result.errors.length) problems.push(`${records[i]!.url}: ${result.errors.join('; ')}`);
    });
    if (problems.length) throw new Error(`pagefind could not index ${problems.length} record(s):\n${problems.slice(0, 20).join('\n')}`);
    const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind could not write its files: ${written.errors.join('; ')}`);
    // The search page uses pagefind's API only; its ready-made interfaces are not shipped.
    const unused = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js', 'wasm.unknown.pagefind'];
    await Promise.all(unused.map((name) => rm(path.join(dist, 'pagefind', name), { force: true })));
    return { records: records.length };
  } finally {
    await pagefind.close();
  }
}
