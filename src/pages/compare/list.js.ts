import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/site/data.ts';
import { dataScript } from '../../lib/site/compare.ts';

/** `/compare/list.js`: id, designation and titles of every entry, for the compare page's picker. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const list = catalogue.entries.map((e) => [e.id, e.data.code, e.data.title.zh, e.data.title.en]);
  return new Response(dataScript('__compareList', 'entries', list), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
