/**
 * The pages of the catalogue, as paths under a language root (`''` is the home page): one place that says which
 * addresses exist, used by the rule that a body's internal links lead to a page.
 */

/** Pages that exist once per language. */
export const STATIC_PAGES = [
  '',
  'standards/',
  'sectors/',
  'topics/',
  'bodies/',
  'requirements/',
  'progress/',
  'plan/',
  'search/',
  'about/',
  'compare/',
  'changes/',
  'feeds/',
] as const;

/** Files at the root of the site (the feed also under /en/). */
export const SITE_FILES = ['catalogue.json', 'catalogue.csv', 'feed.xml', 'en/feed.xml', 'opensearch.xml'] as const;

/** Sections with one page per record: the path prefix and the collection whose ids name the pages. */
export const RECORD_SECTIONS = {
  standards: 'standards',
  sectors: 'sectors',
  topics: 'topics',
  bodies: 'bodies',
  requirements: 'metrics',
} as const;

/** The sections by path prefix, as a Map: a path segment such as `constructor` names no inherited property. */
const SECTION_COLLECTIONS = new Map<string, (typeof RECORD_SECTIONS)[keyof typeof RECORD_SECTIONS]>(
  Object.entries(RECORD_SECTIONS),
);

/** The path of an entry page under a language root. */
export const entryPath = (id: string) => `standards/${id}/`;

/** Ids per collection, for resolving links. */
export type KnownIds = Record<(typeof RECORD_SECTIONS)[keyof typeof RECORD_SECTIONS], ReadonlySet<string>>;

/**
 * Whether a root-relative link (`/standards/<id>/#s-1`, `/en/sectors/ports/`) leads to a page of the
 * catalogue; otherwise the path that would be needed, for a suggestion.
 */
export function resolvesToPage(url: string, ids: KnownIds): { ok: true } | { ok: false; why: string } {
  let path: string;
  try {
    path = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    return { ok: false, why: 'it cannot be decoded' };
  }
  if (!path.startsWith('/')) return { ok: false, why: 'it is not written from the root' };
  if ((SITE_FILES as readonly string[]).includes(path.slice(1))) return { ok: true };
  const under = path.replace(/^\/en(?=\/|$)/, '').replace(/^\//, '');
  if ((STATIC_PAGES as readonly string[]).includes(under)) return { ok: true };
  const m = /^([a-z]+)\/([^/]+)\/$/.exec(under);
  const section = m?.[1];
  const collection = section === undefined ? undefined : SECTION_COLLECTIONS.get(section);
  if (m && section && collection) {
    if (ids[collection].has(m[2]!)) return { ok: true };
    return {
      ok: false,
      why: `there is no ${section === 'requirements' ? 'metric' : section.replace(/s$/, '').replace(/ie$/, 'y')} "${m[2]}"`,
    };
  }
  if (!under.endsWith('/') && !under.includes('.')) return { ok: false, why: `pages end in a slash: /${under}/` };
  return { ok: false, why: 'no page has this address' };
}
