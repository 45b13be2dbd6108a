/**
 * The small files each entry has besides its pages: its citations (`cite/<id>.bib`, `.ris`, `.json`) and its
 * compare data (`compare/data/<id>.js`). Four files an entry: through Astro's page pipeline they took a
 * quarter of a 1,000-entry build (about 4 s of 16), so a build writes them in one pass once the pages are
 * done (the catalogue integration, astro:build:done), from the same checked catalogue and graph as the pages; under
 * `astro dev` injected routes (src/routes/) serve them from the same functions.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonText } from '../catalogue/characters.ts';
import { citationOf, toBibtex, toCsl, toRis } from './citations.ts';
import { compareRecord, dataScript } from './compare.ts';
import type { CatalogueGraph } from '../catalogue/graph.ts';

/** What the per-entry files are made from: the graph's entries, and the issuers by id. */
export interface EntryFilesSource {
  entries: CatalogueGraph['entries'];
  byId: CatalogueGraph['byId'];
  issuerById: ReadonlyMap<string, CatalogueGraph['bodies'][number]>;
}

/** The source of the per-entry files, from a catalogue graph. */
export const entryFilesSource = (graph: CatalogueGraph): EntryFilesSource => ({
  entries: graph.entries,
  byId: graph.byId,
  issuerById: new Map(graph.bodies.map((b) => [b.id, b])),
});

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
  catalogue: EntryFilesSource,
  id: string,
  kind: EntryFileKind,
  site: string | URL | undefined,
): string {
  const entry = catalogue.byId.get(id);
  if (!entry) throw new Error(`the catalogue has no entry ${JSON.stringify(id)}`);
  if (kind === 'compare')
    return dataScript(
      '__compareEntries',
      id,
      compareRecord(entry, (x) => catalogue.byId.get(x)?.data.code),
    );
  const citation = citationOf(catalogue.issuerById, entry, site);
  if (kind === 'bib') return toBibtex(citation);
  if (kind === 'ris') return toRis(citation);
  return `${jsonText(JSON.stringify([toCsl(citation)], null, 2))}\n`;
}

/** Writes every entry's files under the output folder `outDir`; returns how many were written. */
export async function writeEntryFiles(
  catalogue: EntryFilesSource,
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
