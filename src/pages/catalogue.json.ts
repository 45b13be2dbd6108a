import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { catalogueJsonText } from '../lib/site/exports.ts';

/** /catalogue.json: every entry with every field and its derived data, and each target's progress. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return new Response(catalogueJsonText(catalogue, catalogue.generated), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
