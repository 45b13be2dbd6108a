/**
 * What pagefind indexes: one small synthetic document per entry rather than its two rendered
 * pages. Titles, designations and body text of both languages go into one record, so a search
 * from either language finds every entry once; the search page links to the entry in its own
 * language. Han text is indexed as character pairs (see tokens.ts).
 */
import { escapeUTF8 as escape } from 'entities';
import { today } from '../catalogue/dates.ts';
import { buildGraph, type EntryNode } from '../catalogue/graph.ts';
import type { LoadedCatalogue } from '../catalogue/load.ts';
import { BODY_MARK, buildConcepts, conceptKey, ConceptMatcher } from '../catalogue/concepts.ts';
import { designationKeys, toIndexText } from './tokens.ts';

/** What a record is made of: an entry's data, state and page path (an EntryNode has them). */
export type RecordSource = Pick<EntryNode, 'id' | 'data' | 'state' | 'path'>;

/** One record for pagefind's `addHTMLFile`. */
export interface SearchRecord {
  /** Path of the Chinese page; the English page is the same path under /en/. */
  url: string;
  content: string;
}

/** Facets of the search page, in display order: pagefind filter name → entry field. */
export const FACETS = ['tier', 'scope', 'sector', 'topic', 'status', 'body', 'level', 'release'] as const;
export type Facet = (typeof FACETS)[number];

/** Characters of body text kept per record: enough for any phrase search, bounded for huge bodies. */
export const MAX_TEXT = 20_000;

/** The facet values of an entry. */
export function facetValues(entry: RecordSource): Record<Facet, string[]> {
  const d = entry.data;
  return {
    tier: [d.tier],
    scope: [d.scope],
    sector: d.sectors,
    topic: d.topics,
    status: [entry.state],
    body: [d.body],
    level: [d.level],
    release: d.release ? [d.release] : [],
  };
}

/** The short text shown under a result (summary, else the start of the body). */
export function excerpt(text: string | undefined, max = 240): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * Weights of the regions of a record, so that pagefind's score says where a query matched:
 * one match in the title outweighs dozens in the body. Sector, topic and issuer tokens weigh as
 * the summary.
 */
export const WEIGHTS = { designation: 10, title: 10, summary: 3, body: 0.1 } as const;

/** An entry's rendered body text in each language it has. */
export type BodyTexts = Partial<Record<'zh' | 'en', string>>;

/**
 * Builds the record of one entry; `concepts` adds the tokens of the concepts it mentions or is filed under. `body`
 * is its body text per language (a string: in the entry's own language).
 */
export function entryRecord(entry: RecordSource, body: string | BodyTexts, concepts?: ConceptMatcher): SearchRecord {
  const d = entry.data;
  const bodies: BodyTexts = typeof body === 'string' ? { [d.lang]: body } : body;
  const keys = (text: string, exclude: Set<string>) => {
    if (!concepts) return '';
    const found = [...concepts.keysIn(text)].filter((k) => !exclude.has(k));
    for (const k of found) exclude.add(k);
    return found.length ? ` ${found.join(' ')}` : '';
  };
  const seen = new Set<string>();
  const titleKeys = keys(`${d.title.zh} \n ${d.title.en}`, seen);
  const summaryKeys = keys(`${d.summary?.zh ?? ''} \n ${d.summary?.en ?? ''}`, seen);
  const tagKeys = concepts
    ? ' ' +
      [
        ...d.sectors.map((s) => conceptKey('sector', s)),
        ...d.topics.map((t) => conceptKey('topic', t)),
        conceptKey('body', d.body),
      ]
        .filter((k) => !seen.has(k))
        .join(' ')
    : '';
  for (const k of tagKeys.split(' ')) if (k) seen.add(k);
  const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}">${escape(value)}</span>`;
  const filters = Object.entries(facetValues(entry))
    .flatMap(([name, values]) => values.map((v) => `<span data-pagefind-filter="${name}">${escape(v)}</span>`))
    .join('');
  // Each language's body, with its requirement rows' scenarios, opened by its mark: excerpts come from the reader's.
  const inLang = (lang: 'zh' | 'en') =>
    [
      (bodies[lang] ?? '').slice(0, MAX_TEXT),
      ...d.requirements.map((r) =>
        [r.scenario?.[lang], lang === 'en' ? r.clause : undefined].filter(Boolean).join(' '),
      ),
    ].join(' ');
  const zhBody = inLang('zh');
  const enBody = inLang('en');
  const bodyKeys = keys(`${zhBody} ${enBody}`, seen);
  // The designation comes first: its words sit at the first positions, which pagefind stores in the fewest
  // bytes (a designation search fetches a third less than with the designation after the body). The body
  // follows, then the titles: the search page takes its excerpts from between the two (bodyTexts in engine.ts).
  const content = [
    `<h1 data-pagefind-weight="${WEIGHTS.designation}">${escape(`${d.code} ${designationKeys(d.code).join(' ')}`)}</h1>`,
    `<div data-pagefind-weight="${WEIGHTS.body}">${BODY_MARK.zh} ${escape(toIndexText(zhBody))} ${BODY_MARK.en} ${escape(toIndexText(enBody))}${bodyKeys}</div>`,
    `<p data-pagefind-weight="${WEIGHTS.title}">${escape(toIndexText(`${d.title.zh} ${d.title.en}`))}${titleKeys}</p>`,
    `<p data-pagefind-weight="${WEIGHTS.summary}">${escape(toIndexText(`${d.summary?.zh ?? ''} ${d.summary?.en ?? ''}`))}${summaryKeys}${tagKeys}</p>`,
  ].join('');
  const html =
    `<!doctype html><html lang="en"><head><title>${escape(d.code)}</title></head><body>` +
    `<main data-pagefind-body>${content}` +
    `<div data-pagefind-ignore>` +
    meta('title', d.code) +
    meta('id', entry.id) +
    meta('title_zh', d.title.zh) +
    meta('title_en', d.title.en) +
    meta('summary_zh', excerpt(d.summary?.zh ?? bodies.zh)) +
    meta('summary_en', excerpt(d.summary?.en ?? bodies.en)) +
    meta('state', entry.state) +
    meta('sectors', d.sectors.join(' ')) +
    filters +
    `<span data-pagefind-sort="code">${escape(d.code.toLowerCase())}</span>` +
    `<span data-pagefind-sort="date">${escape(d.dates?.published ?? '0000-00-00')}</span>` +
    `</div></main></body></html>`;
  return { url: `/${entry.path}`, content: html };
}

/** How a record is made once its entry's body text is known. */
export interface RecordMaker {
  id: string;
  make: (bodies: BodyTexts) => SearchRecord;
}

/**
 * The records of a checked catalogue, in its order (the index is the same whatever order the pages are built in),
 * each made when its body text is at hand, so that a build holds one batch of bodies at a time. States are those on
 * `day`, paths those of the graph, as the pages read them.
 */
export function recordMakers(catalogue: LoadedCatalogue, day = today()): RecordMaker[] {
  const graph = buildGraph({ ...catalogue, today: day });
  const matcher = new ConceptMatcher(buildConcepts(catalogue));
  return catalogue.standards.map(({ id }) => {
    const entry = graph.byId.get(id);
    if (!entry) throw new Error(`the catalogue graph has no entry ${JSON.stringify(id)}`);
    return { id, make: (bodies: BodyTexts) => entryRecord(entry, bodies, matcher) };
  });
}

/** The records of a checked catalogue; `bodyText` gives an entry's rendered body text in each language it has. */
export function catalogueRecords(
  catalogue: LoadedCatalogue,
  bodyText: (id: string) => BodyTexts,
  day = today(),
): SearchRecord[] {
  return recordMakers(catalogue, day).map((m) => m.make(bodyText(m.id)));
}
