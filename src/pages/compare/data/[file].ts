import type { APIRoute } from 'astro';
import { getCatalogue } from '../../../lib/site/data.ts';
import { compareRecord, dataScript } from '../../../lib/site/compare.ts';

/** `/compare/data/<id>.js`: one entry's compare data, as a classic script (works from file:// too). */
export async function getStaticPaths() {
  const catalogue = await getCatalogue();
  return catalogue.entries.map((e) => ({ params: { file: `${e.id}.js` }, props: { id: e.id } }));
}

export const GET: APIRoute = async ({ props }) => {
  const catalogue = await getCatalogue();
  const id = (props as { id: string }).id;
  const record = compareRecord(catalogue.byId.get(id)!, (x) => catalogue.byId.get(x)?.data.code);
  return new Response(dataScript('__compareEntries', id, record), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
