import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/site/data.ts';
import { dataScript, pickerEntry } from '../../lib/site/compare.ts';

/** `/compare/list.js`: id, designation, titles and the designation's compact forms of every entry, for the compare page's picker. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const list = catalogue.entries.map(pickerEntry);
  return new Response(dataScript('__compareList', 'entries', list), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
