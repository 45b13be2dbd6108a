import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { searchRecords } from '../lib/search/records.ts';

/**
 * Build-time only: the records the search index is built from. The catalogue integration
 * reads this file after the build, indexes it with pagefind and deletes it.
 */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return new Response(JSON.stringify(searchRecords(catalogue, (id) => catalogue.bodyOf(id).text)));
};
