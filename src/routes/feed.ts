/**
 * The Atom feed routes: `/feed.xml` and `/<kind>/<id>/feed.xml` for every sector, topic and issuer, each in both
 * languages. Items are the entries that changed last, dated by their last change and saying what it was.
 */
import type { APIRoute } from 'astro';
import { getCatalogue } from '../lib/site/data.ts';
import { atomFeed } from '../lib/site/exports.ts';
import { feedList, feedTitle, lastChangeText, type FeedInfo, type FeedKind } from '../lib/site/feeds.ts';
import { LANGS, pick, ui, type Lang } from '../i18n/index.ts';
import { SETTINGS } from '../lib/site/settings.ts';

const SITE_NAME = { zh: ui('zh').siteName, en: ui('en').siteName };

/** One feed as XML. */
async function feedXml(feed: FeedInfo, lang: Lang): Promise<Response> {
  const catalogue = await getCatalogue();
  const t = ui(lang);
  // A preview (no SITE_URL) has no address: links root-relative, ids name-based (see atomFeed).
  const xml = atomFeed(
    catalogue,
    lang,
    SETTINGS.site,
    {
      title: feedTitle(feed, lang),
      description: feed.kind === 'all' ? t.siteTagline : t.feeds.description(pick(feed.name, lang)),
    },
    (e) => catalogue.lastChange(e.id)?.day,
    {
      entries: feed.entries,
      feedPath: feed.path,
      pagePath: feed.page,
      what: (e) => lastChangeText(catalogue.changesOf(e.id), lang),
    },
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** The route of the whole catalogue's feed (`[...lang]/feed.xml`). */
export function catalogueFeedRoute() {
  return {
    getStaticPaths: () =>
      LANGS.map((lang) => ({ params: { lang: lang === 'zh' ? undefined : lang }, props: { lang } })),
    GET: (async ({ props }) => {
      const catalogue = await getCatalogue();
      const all = feedList(catalogue, SITE_NAME)[0]!;
      return feedXml(all, (props as { lang: Lang }).lang);
    }) satisfies APIRoute,
  };
}

/** The route of every feed of one kind (`[...lang]/<kind>/[id]/feed.xml`). */
export function scopedFeedRoute(kind: FeedKind) {
  return {
    getStaticPaths: async () => {
      const catalogue = await getCatalogue();
      const feeds = feedList(catalogue, SITE_NAME).filter((f) => f.kind === kind);
      return LANGS.flatMap((lang) =>
        feeds.map((feed) => ({
          params: { lang: lang === 'zh' ? undefined : lang, id: feed.id },
          props: { lang, feed },
        })),
      );
    },
    GET: (async ({ props }) => {
      const { lang, feed } = props as { lang: Lang; feed: FeedInfo };
      return feedXml(feed, lang);
    }) satisfies APIRoute,
  };
}
