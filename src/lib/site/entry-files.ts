/**
 * The small files each entry has besides its pages: its citations (`cite/<id>.bib`, `.ris`, `.json`) and its
 * compare data (`compare/data/<id>.js`). Four files an entry: through Astro's page pipeline they took a
 * quarter of a 1,000-entry build (about 4 s of 16), so a build writes them in one pass once the pages are
 * done (the catalogue integration, astro:build:done), from the catalogue the pages were built from; under
 * `astro dev` injected routes (src/routes/) serve them from the same functions.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { citationOf, toBibtex, toCsl, toRis } from './citations.ts';
import { compareRecord, dataScript } from './compare.ts';
import type { SiteCatalogue } from './data.ts';

/** The per-entry files: folder, extension and media type. */
export const ENTRY_FILES = {
  bib: { dir: 'cite', ext: 'bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { dir: 'cite', ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { dir: 'cite', ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  compare: { dir: 'compare/data', ext: 'js', type: 'text/javascript; charset=utf-8' },
} as const;
export type EntryFileKind = keyof typeof ENTRY_FILES;
export const ENTRY_FILE_KINDS = Object.keys(ENTRY_FILES) as EntryFileKind[];

/** Where an entry's file of one kind is, relative to the site root (`cite/<id>.bib`); `[id]` gives the route pattern. */
export const entryFilePath = (kind: EntryFileKind, id: string) =>
  `${ENTRY_FILES[kind].dir}/${id}.${ENTRY_FILES[kind].ext}`;

/** The text of one entry's file of one kind; `site` is the origin absolute URLs start with (none in a preview). */
export function entryFile(
  catalogue: SiteCatalogue,
  id: string,
  kind: EntryFileKind,
  site: string | URL | undefined,
): string {
  const entry = catalogue.byId.get(id)!;
  if (kind === 'compare')
    return dataScript(
      '__compareEntries',
      id,
      compareRecord(entry, (x) => catalogue.byId.get(x)?.data.code),
    );
  const citation = citationOf(catalogue.issuerById, entry, site);
  if (kind === 'bib') return toBibtex(citation);
  if (kind === 'ris') return toRis(citation);
  return `${JSON.stringify([toCsl(citation)], null, 2)}\n`;
}

const BUILT = Symbol.for('5g-catalogue.site-catalogue');

/** Keeps the catalogue the pages were built from for the integration (a separate module instance: shared through globalThis). */
export function shareBuiltCatalogue(catalogue: SiteCatalogue): void {
  (globalThis as unknown as Record<symbol, SiteCatalogue | undefined>)[BUILT] = catalogue;
}

/** The catalogue the pages of this build were made from, if any page asked for it. */
export function builtCatalogue(): SiteCatalogue | undefined {
  return (globalThis as unknown as Record<symbol, SiteCatalogue | undefined>)[BUILT];
}

/** Writes every entry's files under the output folder `outDir`; returns how many were written. */
export async function writeEntryFiles(
  catalogue: SiteCatalogue,
  outDir: string,
  site: string | URL | undefined,
): Promise<number> {
  const dirs = new Set(Object.values(ENTRY_FILES).map((spec) => spec.dir));
  await Promise.all([...dirs].map((dir) => mkdir(path.join(outDir, dir), { recursive: true })));
  const files: Array<[string, string]> = [];
  for (const entry of catalogue.entries)
    for (const kind of ENTRY_FILE_KINDS)
      files.push([path.join(outDir, entryFilePath(kind, entry.id)), entryFile(catalogue, entry.id, kind, site)]);
  // A few dozen writes in flight at a time.
  for (let i = 0; i < files.length; i += 64)
    await Promise.all(files.slice(i, i + 64).map(([file, text]) => writeFile(file, text)));
  return files.length;
}
