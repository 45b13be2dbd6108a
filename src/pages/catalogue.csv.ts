import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { catalogueCsv } from '../lib/site/exports.ts';

/** /catalogue.csv: one row per entry, for spreadsheets. */
export const GET: APIRoute = async () => {
  return new Response(catalogueCsv(await getCatalogue()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
