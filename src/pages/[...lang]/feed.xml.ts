import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/site/data.ts';
import { atomFeed } from '../../lib/site/exports.ts';
import { langPaths, ui, type Lang } from '../../i18n/index.ts';
import { SETTINGS } from '../../lib/site/settings.ts';

export const getStaticPaths = langPaths;

/** /feed.xml (Chinese) and /en/feed.xml: entries, last changed first (git history, else `updated`). */
export const GET: APIRoute = async ({ props }) => {
  const lang = (props as { lang: Lang }).lang;
  const t = ui(lang);
  const catalogue = await getCatalogue();
  const xml = atomFeed(
    catalogue,
    lang,
    SETTINGS.site,
    { title: t.siteName, description: t.siteTagline },
    (e) => catalogue.lastChange(e.id)?.day,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
