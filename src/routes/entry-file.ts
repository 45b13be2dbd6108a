/**
 * Routes for the per-entry files under `astro dev` only (a build writes them in one pass: see
 * src/lib/site/entry-files.ts). Injected by the catalogue integration, one route a kind, with the extension in
 * the pattern so that the file is served as a file (no trailing slash).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { ENTRY_FILES, entryFile, type EntryFileKind } from '../lib/site/entry-files.ts';
import { SETTINGS } from '../lib/site/settings.ts';

/** getStaticPaths and GET for one kind of file. */
export function entryFileRoute(kind: EntryFileKind): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await getCatalogue()).entries.map((e) => ({ params: { id: e.id } })),
    GET: async ({ params }) =>
      new Response(entryFile(await getCatalogue(), params.id ?? '', kind, SETTINGS.site), {
        headers: { 'Content-Type': ENTRY_FILES[kind].type },
      }),
  };
}
