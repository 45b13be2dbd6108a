import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/site/data.ts';
import { citationOf, toBibtex, toCsl, toRis } from '../../lib/site/citations.ts';

/** The citation formats of every entry: `/cite/<id>.bib`, `.ris` and `.json` (CSL-JSON). */
const CITATION_FORMATS = {
  bib: { type: 'application/x-bibtex; charset=utf-8', write: (c: Parameters<typeof toBibtex>[0]) => toBibtex(c) },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', write: (c: Parameters<typeof toRis>[0]) => toRis(c) },
  json: { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', write: (c: Parameters<typeof toCsl>[0]) => `${JSON.stringify([toCsl(c)], null, 2)}\n` },
} as const;

export async function getStaticPaths() {
  const catalogue = await getCatalogue();
  return catalogue.entries.flatMap((e) => Object.keys(CITATION_FORMATS).map((ext) => ({ params: { file: `${e.id}.${ext}` }, props: { id: e.id, ext } })));
}

export const GET: APIRoute = async ({ props, site }) => {
  const catalogue = await getCatalogue();
  const { id, ext } = props as { id: string; ext: keyof typeof CITATION_FORMATS };
  const citation = citationOf(catalogue.issuerById, catalogue.byId.get(id)!, site!);
  const format = CITATION_FORMATS[ext];
  return new Response(format.write(citation), { headers: { 'Content-Type': format.type } });
};
