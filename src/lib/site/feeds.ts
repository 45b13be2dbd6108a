/**
 * The catalogue's Atom feeds: one for the whole catalogue (`/feed.xml`) and one per sector, topic and issuer
 * (`/sectors/<id>/feed.xml`, `/topics/<id>/feed.xml`, `/bodies/<id>/feed.xml`), each in both languages. Which
 * entries each follows, where it is, and what an entry's last change was, as the feeds and the /feeds/ page say it.
 */
import type { CatalogueGraph, EntryNode } from '../catalogue/graph.ts';
import { localePath, pick, ui, type Lang } from '../../i18n/index.ts';
import { changeText } from './change-text.ts';
import type { EntryHistoryItem } from './history.ts';

/** The folders of the pages that have a feed of their own. */
export const FEED_KINDS = ['sectors', 'topics', 'bodies'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** One feed: what it follows and where it is (paths under a language root). */
export interface FeedInfo {
  kind: FeedKind | 'all';
  /** The sector, topic or issuer id (absent for the whole catalogue). */
  id?: string;
  name: { zh: string; en: string };
  /** The page it follows: `sectors/ports/` ('' for the home page). */
  page: string;
  /** The feed itself: `sectors/ports/feed.xml`. */
  path: string;
  /** The entries it follows. */
  entries: readonly EntryNode[];
}

/** The path of a sector's, topic's or issuer's feed under a language root. */
export const feedPath = (kind: FeedKind, id: string) => `${kind}/${id}/feed.xml`;

/** The anchor of a feed on the /feeds/ page: `sectors-ports`, `all`. */
export const feedAnchor = (feed: Pick<FeedInfo, 'kind' | 'id'>) => (feed.id ? `${feed.kind}-${feed.id}` : 'all');

/**
 * Every feed: the whole catalogue's, then each sector's, topic's and issuer's in the catalogue's order. An issuer
 * that is none of its entries' issuer, authority or committee has no feed (its page lists nothing to follow).
 */
export function feedList(graph: CatalogueGraph, siteName: { zh: string; en: string }): FeedInfo[] {
  const entry = (id: string) => graph.byId.get(id);
  const entriesOf = (ids: readonly string[]) => ids.flatMap((id) => entry(id) ?? []);
  const scoped = (
    kind: FeedKind,
    list: ReadonlyArray<{ id: string; data: { name: { zh: string; en: string } }; entries: readonly string[] }>,
  ) =>
    list
      .filter((x) => kind !== 'bodies' || x.entries.length > 0)
      .map((x): FeedInfo => ({
        kind,
        id: x.id,
        name: x.data.name,
        page: `${kind}/${x.id}/`,
        path: feedPath(kind, x.id),
        entries: entriesOf(x.entries),
      }));
  return [
    { kind: 'all', name: siteName, page: '', path: 'feed.xml', entries: graph.entries },
    ...scoped('sectors', graph.sectors),
    ...scoped('topics', graph.topics),
    ...scoped('bodies', graph.bodies),
  ];
}

/** The feed of one sector, topic or issuer page, if it has one. */
export function feedOf(feeds: readonly FeedInfo[], kind: FeedKind, id: string): FeedInfo | undefined {
  return feeds.find((f) => f.kind === kind && f.id === id);
}

/** A feed's title in a language: "港口 · 5G应用标准目录". */
export function feedTitle(feed: Pick<FeedInfo, 'kind' | 'name'>, lang: Lang): string {
  const site = ui(lang).siteName;
  return feed.kind === 'all' ? site : `${pick(feed.name, lang)} · ${site}`;
}

/** What a sector's, topic's or issuer's page says of its feed: the `<link>` for readers and where its visible link goes. */
export function pageFeed(kind: FeedKind, id: string, name: { zh: string; en: string }, lang: Lang) {
  return {
    title: feedTitle({ kind, name }, lang),
    path: feedPath(kind, id),
    /** The feed's place on the /feeds/ page, under the language root. */
    about: `feeds/#${feedAnchor({ kind, id })}`,
    label: ui(lang).feeds.follow(pick(name, lang)),
  };
}

/** The address of a feed in a language: absolute when the site has an address, else the path from the root. */
export function feedAddress(feed: FeedInfo, lang: Lang, site: URL | string | undefined): string {
  const path = localePath(lang, feed.path);
  return site === undefined ? path : new URL(path, site).href;
}

/**
 * What an entry's last change was, for its feed item: the newest dated change of its history in words ("新增条目",
 * "状态：起草中 → 已发布", "版本：19.4.0 → 19.5.0"), or nothing without history.
 */
export function lastChangeText(changes: readonly EntryHistoryItem[], lang: Lang): string | undefined {
  const last = changes.find((c) => c.day !== undefined);
  return last ? changeText(last.what, lang) : undefined;
}
