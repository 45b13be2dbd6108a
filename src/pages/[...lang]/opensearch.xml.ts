import type { APIRoute } from 'astro';
import { openSearchXml } from '../../lib/site/discovery.ts';
import { PREVIEW, siteUrl, withBase } from '../../lib/site/settings.ts';
import { langPaths, localePath, ui, type Lang } from '../../i18n/index.ts';

/** None in a preview: a description needs the site's absolute address, which a preview does not have. */
export const getStaticPaths = () => (PREVIEW ? [] : langPaths());

/** /opensearch.xml and /en/opensearch.xml: the catalogue's search, offered by browsers (every page links its language's). */
export const GET: APIRoute = ({ props }) => {
  const lang = (props as { lang: Lang }).lang;
  const t = ui(lang).opensearch;
  const xml = openSearchXml({
    shortName: t.shortName,
    description: t.description,
    lang,
    searchPage: siteUrl(localePath(lang, 'search/')),
    self: siteUrl(localePath(lang, 'opensearch.xml')),
    icon: siteUrl(withBase('favicon.svg')),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
