import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { catalogueBibtex, catalogueCitationOf, citationOf } from '../lib/site/citations.ts';
import { SETTINGS } from '../lib/site/settings.ts';

/** /catalogue.bib: the catalogue itself (@online), then every entry as a biblatex @standard, ordered by designation. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const text = catalogueBibtex(
    catalogue.entries.map((e) => citationOf(catalogue.issuerById, e, SETTINGS.site)),
    catalogueCitationOf(catalogue.entries.length, catalogue.today, SETTINGS.site),
  );
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
