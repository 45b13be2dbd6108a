import type { APIRoute } from 'astro';
import { openSearchXml } from '../../lib/site/discovery.ts';
import { withBase } from '../../lib/site/settings.ts';
import { langPaths, localePath, ui, type Lang } from '../../i18n/index.ts';

export const getStaticPaths = langPaths;

/** /opensearch.xml and /en/opensearch.xml: the catalogue's search, offered by browsers (every page links its language's). */
export const GET: APIRoute = ({ props, site }) => {
  const lang = (props as { lang: Lang }).lang;
  const t = ui(lang).opensearch;
  const xml = openSearchXml({
    shortName: t.shortName,
    description: t.description,
    lang,
    searchPage: new URL(localePath(lang, 'search/'), site).href,
    self: new URL(localePath(lang, 'opensearch.xml'), site).href,
    icon: new URL(withBase('favicon.svg'), site).href,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
