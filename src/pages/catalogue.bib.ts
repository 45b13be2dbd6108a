import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { catalogueBibtex, citationOf } from '../lib/site/citations.ts';

/** /catalogue.bib: every entry as a biblatex @standard, ordered by designation. */
export const GET: APIRoute = async ({ site }) => {
  const catalogue = await getCatalogue();
  const text = catalogueBibtex(catalogue.entries.map((e) => citationOf(catalogue.issuerById, e, site!)));
  return new Response(text, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
