/**
 * The search engine: a query read into a plan (tokens.ts), run against pagefind, ranked, counted per filter value
 * and excerpted. Pure TypeScript over a pagefind instance it is given, so it runs in the browser (the search page)
 * and in Node (the tests, against a real index); it touches no page. Every call takes an AbortSignal: a newer query
 * aborts the older one, which then stops at its next step.
 */
import { DRAFT_STATUSES, type Lang } from '../catalogue/vocabulary.ts';
import { BODY_MARK, CONCEPT_KEY, type ConceptMatcher } from '../catalogue/concepts.ts';
import { countFacets, type FacetTable } from './facet-table.ts';
import { designationKeys, planQuery, toIndexText, type QueryPlan, type QueryUnit } from './tokens.ts';

/** What pagefind returns for one result, when its data is loaded. */
export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
  content: string;
}
/** One result of a pagefind search; its data (fragment) is loaded on demand. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the record. */
  words?: number[];
  data: () => Promise<PagefindFragment>;
}
/** Counts per filter and value: `{ status: { 'in-force': 12, … }, … }`. */
export type FacetCounts = Record<string, Record<string, number>>;
/** The filters a reader chose: each facet with the values of which any may match. */
export type Filters = Record<string, { any: string[] }>;
/** A pagefind search's answer. */
export interface PagefindSearch {
  results: PagefindResult[];
  filters: FacetCounts;
}
/** What a pagefind search is asked with besides its words. */
export interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}
/** The part of pagefind's JavaScript API the engine uses. */
export interface Pagefind {
  search: (query: string | null, options?: SearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<FacetCounts>;
}

/** A finished search: the plan it read, the ranked results, and the filter counts when they came for free. */
export interface SearchOutcome {
  query: string;
  plan?: QueryPlan;
  /** Nothing typed and no filter: the reader browses; counts are the whole catalogue's. */
  browsing: boolean;
  results: PagefindResult[];
  /** Counts known without further searches (one search answered the query); else computed by {@link SearchEngine.counts}. */
  counts?: FacetCounts;
  /**
   * One search answered the query before the filter indexes were loaded, so its answer counted no filter: the
   * counts are that search asked again once they are (by {@link SearchEngine.counts}, after the results are shown).
   */
  recount?: () => Promise<FacetCounts>;
  /** The units that found the results (the plan's own, or its fallback). */
  units?: QueryUnit[];
  /**
   * When no standard matches every unit: the results match at least `least` of the `units` (at least half), ranked by
   * how many (`matched`, per result id). The page says so in one line.
   */
  partial?: { least: number; units: QueryUnit[]; matched: Map<string, number> };
}

/** Rank of each state in the result order: in force (and the like) first, then drafts, then superseded and withdrawn. */
const STATE_GROUPS: string[][] = [[...DRAFT_STATUSES], ['superseded', 'withdrawn']];

/** Words at the start of a record that hold its designation and the compact forms it is searched by (see entryRecord). */
const DESIGNATION_WORDS = 12;

interface Hit {
  result: PagefindResult;
  score: number;
}

/** The work a plan needs beyond its results: the units that found them and the exact designation matches. */
interface Evaluated {
  hits: Map<string, Hit>;
  counts?: FreeCounts;
  units: QueryUnit[];
  /** How many of the units each result matched (when fewer than all may match). */
  matched?: Map<string, number>;
}

/** The filter counts of the one search that answered a query, and that search, to ask again. */
interface FreeCounts {
  counts: FacetCounts;
  again: () => Promise<FacetCounts>;
}

/** The counts of one pagefind search's answer, with the search itself. */
const freeCounts = (
  pagefind: Pagefind,
  answer: PagefindSearch,
  term: string | null,
  options: SearchOptions,
): FreeCounts => ({
  counts: answer.filters,
  again: async () => (await pagefind.search(term, options)).filters,
});

/**
 * One engine per page (or test). It loads pagefind on first use through `load`; a failed load is forgotten, so the
 * next search tries again without reloading the page.
 */
export class SearchEngine {
  #load: () => Promise<Pagefind>;
  #ready?: Promise<{ pagefind: Pagefind }>;
  #catalogue?: Promise<FacetCounts>;
  /** Every filter index is loaded: a search's answer counts every filter. */
  #filtersLoaded = false;
  #wholeRank?: Promise<Map<string, number>>;
  readonly #entries?: number;
  readonly #loadFacets?: () => Promise<FacetTable>;
  #facets?: Promise<FacetTable | undefined>;
  readonly matcher: ConceptMatcher;

  /**
   * `entries`: how many entries the index holds, when the page knows (else counted from the filter indexes);
   * `facets`: loads the facet table (facet-table.ts), with which the counts of a search need no further searches.
   */
  constructor(
    load: () => Promise<Pagefind>,
    matcher: ConceptMatcher,
    options: { entries?: number; facets?: () => Promise<FacetTable> } = {},
  ) {
    this.#load = load;
    this.matcher = matcher;
    this.#entries = options.entries;
    this.#loadFacets = options.facets;
  }

  /**
   * Pagefind, loaded once (again after a failure). Nothing else: a search loads only the index chunks its words
   * need, the filter indexes come with the filter counts, after the results are shown.
   */
  ready(): Promise<{ pagefind: Pagefind }> {
    this.#ready ??= this.#load()
      .then((pagefind) => ({ pagefind }))
      .catch((error: unknown) => {
        this.#ready = undefined;
        throw error;
      });
    return this.#ready;
  }

  /** The whole catalogue's filter counts (loads every filter's index), once: browsing, and a search's counts. */
  catalogueCounts(): Promise<FacetCounts> {
    this.#catalogue ??= this.ready()
      .then(({ pagefind }) => pagefind.filters())
      .then((counts) => {
        this.#filtersLoaded = true;
        return counts;
      })
      .catch((error: unknown) => {
        this.#catalogue = undefined;
        throw error;
      });
    return this.#catalogue;
  }

  /** Runs a query with filters; rejects with the signal's reason when aborted. */
  async search(query: string, filters: Filters, signal: AbortSignal): Promise<SearchOutcome> {
    const { pagefind } = await this.ready();
    signal.throwIfAborted();
    // Whether the answers below count every filter (else the counts are asked again after the results are shown).
    const counted = this.#filtersLoaded;
    const withCounts = (free: FreeCounts | undefined) =>
      counted ? { counts: free?.counts } : free ? { recount: free.again } : {};
    const trimmed = query.trim();
    const plan = trimmed ? planQuery(trimmed, this.matcher) : undefined;
    if (!plan || (!plan.units.length && !plan.designation)) {
      if (Object.keys(filters).length === 0)
        return { query: trimmed, plan, browsing: true, results: [], counts: await this.catalogueCounts() };
      const options: SearchOptions = { filters, sort: { code: 'asc' } };
      const all = await pagefind.search(null, options);
      signal.throwIfAborted();
      return {
        query: trimmed,
        plan,
        browsing: false,
        results: all.results,
        ...withCounts(freeCounts(pagefind, all, null, options)),
      };
    }
    const { hits, counts, exact, units, partial } = await this.#run(pagefind, plan, filters, signal);
    let rank = new Map<string, number>();
    const total =
      this.#entries ?? Object.values((await this.catalogueCounts()).status ?? {}).reduce((sum, n) => sum + n, 0);
    if (hits.size * 4 > total) rank = await this.#stateRank(pagefind);
    else if (hits.size > 1) {
      const groups = await Promise.all(
        STATE_GROUPS.map((states) =>
          this.#idsWith(pagefind, plan, units, filters, hits, 'status', states, signal, partial?.least),
        ),
      );
      groups.forEach((ids, i) => ids.forEach((id) => rank.set(id, i + 1)));
    }
    signal.throwIfAborted();
    const matched = partial?.matched;
    const results = [...hits.values()]
      .sort(
        (a, b) =>
          Number(exact.has(b.result.id)) - Number(exact.has(a.result.id)) ||
          (matched ? (matched.get(b.result.id) ?? 0) - (matched.get(a.result.id) ?? 0) : 0) ||
          (rank.get(a.result.id) ?? 0) - (rank.get(b.result.id) ?? 0) ||
          b.score - a.score,
      )
      .map((h) => h.result);
    return {
      query: trimmed,
      plan,
      browsing: false,
      results,
      ...withCounts(counts),
      units,
      ...(partial ? { partial } : {}),
    };
  }

  /**
   * How many of a search's results have each filter value: the plan run again with that value in place of the
   * reader's own filter for the facet, met with the results. All values are asked at once; they search only what
   * the query matches (a filter-only search goes through the whole index). Called after the results are shown.
   */
  async counts(outcome: SearchOutcome, filters: Filters, signal: AbortSignal): Promise<FacetCounts> {
    if (outcome.counts) return outcome.counts;
    if (outcome.results.length === 0) return {};
    // Without the reader's own filters, the facet table counts any results at once (a failed load: as below).
    if (this.#loadFacets && Object.keys(filters).length === 0) {
      const table = await this.#facetTable();
      signal.throwIfAborted();
      if (table)
        return countFacets(
          table,
          outcome.results.map((r) => r.id),
        );
    }
    const { pagefind } = await this.ready();
    const catalogue = await this.catalogueCounts();
    if (outcome.recount) {
      const counts = await outcome.recount();
      signal.throwIfAborted();
      return counts;
    }
    const plan = outcome.plan;
    if (!plan || outcome.results.length === 0) return {};
    const hits = new Map(outcome.results.map((r) => [r.id, { result: r, score: 0 }]));
    const pairs = Object.entries(catalogue).flatMap(([facet, values]) =>
      Object.keys(values).map((value) => [facet, value] as const),
    );
    const found = await Promise.all(
      pairs.map(
        async ([facet, value]) =>
          [
            facet,
            value,
            (
              await this.#idsWith(
                pagefind,
                plan,
                outcome.units,
                filters,
                hits,
                facet,
                [value],
                signal,
                outcome.partial?.least,
              )
            ).length,
          ] as const,
      ),
    );
    signal.throwIfAborted();
    // Null-prototype tables: a filter value is data, never a way to an inherited property.
    const counts: FacetCounts = Object.create(null) as FacetCounts;
    for (const [facet, value, n] of found)
      if (n)
        ((Object.hasOwn(counts, facet) ? counts[facet] : undefined) ??
          (counts[facet] = Object.create(null) as Record<string, number>))[value] = n;
    return counts;
  }

  /** The ids among `hits` that also meet `facet: values` (the reader's filter for that facet replaced). */
  async #idsWith(
    pagefind: Pagefind,
    plan: QueryPlan,
    units: QueryUnit[] | undefined,
    filters: Filters,
    hits: ReadonlyMap<string, Hit>,
    facet: string,
    values: string[],
    signal: AbortSignal,
    least?: number,
  ): Promise<string[]> {
    const only = { ...filters, [facet]: { any: values } };
    const found = new Set(units?.length ? (await evaluateAll(pagefind, units, only, signal, least)).hits.keys() : []);
    if (plan.designation)
      for (const r of (await pagefind.search(plan.designation, { filters: only })).results) found.add(r.id);
    signal.throwIfAborted();
    return [...found].filter((id) => hits.has(id));
  }

  /** The plan's units evaluated (the fallback units when the plan's own find nothing). */
  async #unitsOf(
    pagefind: Pagefind,
    plan: QueryPlan,
    filters: Filters,
    signal: AbortSignal,
  ): Promise<Evaluated | undefined> {
    if (!plan.units.length && !plan.fallback) return undefined;
    const first = plan.units.length ? await evaluateAll(pagefind, plan.units, filters, signal) : undefined;
    if ((!first || first.hits.size === 0) && plan.fallback)
      return evaluateAll(pagefind, plan.fallback, filters, signal);
    return first;
  }

  async #run(pagefind: Pagefind, plan: QueryPlan, filters: Filters, signal: AbortSignal) {
    const designation = plan.designation;
    const [evaluated, designated] = await Promise.all([
      this.#unitsOf(pagefind, plan, filters, signal),
      designation
        ? Promise.all([pagefind.search(designation, { filters }), pagefind.search(`"${designation}"`, { filters })])
        : undefined,
    ]);
    let hits = evaluated?.hits ?? new Map<string, Hit>();
    let counts = evaluated?.counts;
    const units = evaluated?.units;
    const exact = new Set<string>();
    if (designated && designation) {
      const [prefix, whole] = designated;
      signal.throwIfAborted();
      for (const r of whole.results) exact.add(r.id);
      // Designation prefixes (`23.50` → 23.501) count when no entry has the whole designation; pagefind's fallback to
      // shorter words does not (in an index in parts (parts.ts) a part without the word falls back to them). A
      // designation sits in the record's first words; the fallback (`5g smart grid` read as `5g…`) matches anywhere.
      // A designation ends in its number or a short suffix (802.1Qbv); a word after the number (5G smart grid) makes
      // the query words, and only an exact designation counts.
      const sentence = /\d\p{L}{5,}$/u.test(designation);
      const designations = prefix.results.filter(
        (r) =>
          exact.has(r.id) ||
          (exact.size === 0 && !sentence && (r.words === undefined || r.words.some((w) => w < DESIGNATION_WORDS))),
      );
      const combined = new Map(hits);
      for (const r of designations) if (!combined.has(r.id)) combined.set(r.id, { result: r, score: r.score });
      if (hits.size === 0 && designations.length === prefix.results.length)
        counts = freeCounts(pagefind, prefix, designation, { filters });
      else if (combined.size !== hits.size) counts = undefined;
      hits = combined;
    }
    // No standard has every word: those with most of them, at least half (one word of nonsense among three finds
    // nothing, as before).
    const words = plan.fallback ?? plan.units;
    if (hits.size === 0 && words.length >= 2) {
      const least = Math.ceil(words.length / 2);
      const most = await evaluateAll(pagefind, words, filters, signal, least);
      if (most.hits.size && most.matched)
        return {
          hits: most.hits,
          counts: undefined,
          exact,
          units: words,
          partial: { least, units: words, matched: most.matched },
        };
    }
    return { hits, counts, exact, units, partial: undefined };
  }

  /** The facet table, loaded once when first needed (undefined without one, or when it cannot be loaded). */
  #facetTable(): Promise<FacetTable | undefined> {
    this.#facets ??= this.#loadFacets ? this.#loadFacets().catch(() => undefined) : Promise.resolve(undefined);
    return this.#facets;
  }

  /**
   * Result id → state group (0 when absent) for the whole catalogue, loaded once, for queries that match a large part
   * of it: from the facet table (one file, which the filter counts need next), else from filter-only searches (where
   * it costs no more than asking the query).
   */
  #stateRank(pagefind: Pagefind): Promise<Map<string, number>> {
    this.#wholeRank ??= (async () => {
      const table = await this.#facetTable();
      if (table) {
        const groupOf = table.values.map((v) =>
          v.startsWith('status:')
            ? STATE_GROUPS.findIndex((states) => states.includes(v.slice('status:'.length))) + 1
            : 0,
        );
        const rank = new Map<string, number>();
        for (const [id, values] of Object.entries(table.pages)) {
          const group = Math.max(0, ...values.map((i) => groupOf[i] ?? 0));
          if (group) rank.set(id, group);
        }
        return rank;
      }
      const rank = new Map<string, number>();
      const groups = await Promise.all(
        STATE_GROUPS.map((states) => pagefind.search(null, { filters: { status: { any: states } } })),
      );
      groups.forEach((found, i) => found.results.forEach((r) => rank.set(r.id, i + 1)));
      return rank;
    })();
    return this.#wholeRank;
  }
}

/** The results meeting one unit, with the score that ranks them. */
async function evaluate(
  pagefind: Pagefind,
  unit: QueryUnit,
  filters: Filters,
  signal: AbortSignal,
): Promise<{ hits: Map<string, Hit>; counts?: FreeCounts }> {
  const queries =
    unit.kind === 'concept'
      ? unit.concepts.map((c) => ({ find: `"${c.key}"`, score: c.key }))
      : [{ find: unit.find, score: unit.score }];
  const answers = await Promise.all(
    queries.map((q) =>
      Promise.all([
        pagefind.search(q.find, { filters }),
        q.find === q.score ? undefined : pagefind.search(q.score, { filters }),
      ]),
    ),
  );
  signal.throwIfAborted();
  const hits = new Map<string, Hit>();
  for (const [found, scored] of answers) {
    const scores = new Map((scored ?? found).results.map((r) => [r.id, r.score]));
    for (const r of found.results) {
      const score = scores.get(r.id) ?? 0;
      const had = hits.get(r.id);
      if (!had || had.score < score) hits.set(r.id, { result: r, score });
    }
  }
  const only = answers.length === 1 ? answers[0]?.[0] : undefined;
  return { hits, counts: only && queries[0] ? freeCounts(pagefind, only, queries[0].find, { filters }) : undefined };
}

/**
 * Every result meeting all units (scores added); empty as soon as one unit finds nothing. With `least` below the
 * number of units: every result meeting at least that many, with how many each met.
 */
async function evaluateAll(
  pagefind: Pagefind,
  units: QueryUnit[],
  filters: Filters,
  signal: AbortSignal,
  least = units.length,
): Promise<Evaluated> {
  if (least < units.length) {
    const each = await Promise.all(units.map((unit) => evaluate(pagefind, unit, filters, signal)));
    const all = new Map<string, { hit: Hit; n: number }>();
    for (const { hits: found } of each)
      for (const [id, hit] of found) {
        const had = all.get(id);
        if (had) all.set(id, { hit: { result: had.hit.result, score: had.hit.score + hit.score }, n: had.n + 1 });
        else all.set(id, { hit, n: 1 });
      }
    const hits = new Map<string, Hit>();
    const matched = new Map<string, number>();
    for (const [id, { hit, n }] of all)
      if (n >= least) {
        hits.set(id, hit);
        matched.set(id, n);
      }
    return { hits, units, matched };
  }
  let hits: Map<string, Hit> | undefined;
  let counts: FreeCounts | undefined;
  // All units at once: pagefind loads the index chunks of every word together.
  const answers = await Promise.all(units.map((unit) => evaluate(pagefind, unit, filters, signal)));
  for (const next of answers) {
    counts = units.length === 1 ? next.counts : undefined;
    if (!hits) hits = next.hits;
    else {
      const joined = new Map<string, Hit>();
      for (const [id, hit] of hits) {
        const other = next.hits.get(id);
        if (other) joined.set(id, { result: hit.result, score: hit.score + other.score });
      }
      hits = joined;
    }
    if (hits.size === 0) break;
  }
  return { hits: hits ?? new Map<string, Hit>(), counts, units };
}

/**
 * The sector, topic and issuer pages a search offers above its results: the pages its query names, when the query
 * has words to search and found something (a query that finds nothing offers browsing instead).
 */
export function pagesShown(outcome: SearchOutcome): NonNullable<QueryPlan['pages']> {
  const plan = outcome.plan;
  if (!plan || outcome.browsing || (!plan.units.length && !plan.designation)) return [];
  return outcome.results.length ? (plan.pages ?? []) : [];
}

/** The sectors a search names (marked on the results filed under them: why they matched). */
export const namedSectors = (plan: QueryPlan | undefined): Set<string> =>
  new Set((plan?.pages ?? []).filter((c) => c.kind === 'sector').map((c) => c.id));

/** The indexed text made readable again: character pairs joined back into runs, concept tokens removed. */
export function readable(content: string): string {
  const out: string[] = [];
  let run = '';
  for (const token of content.replace(CONCEPT_KEY, ' ').split(/\s+/)) {
    const chars = Array.from(token);
    const han = chars.length > 0 && chars.every((c) => /\p{Script=Han}/u.test(c));
    if (han && chars.length === 2) run = run ? run + chars[1] : token;
    else if (han && chars.length === 1) {
      out.push(run || token);
      run = '';
    } else {
      if (run) out.push(run);
      run = '';
      if (token) out.push(token);
    }
  }
  if (run) out.push(run);
  return out
    .join(' ')
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '');
}

/**
 * The readable body of a result in each language: the indexed text after its designation (first, with the forms it is
 * searched by), each language opened by its mark (BODY_MARK), up to its titles (which follow the body; see
 * entryRecord).
 */
export function bodyTexts(fragment: Pick<PagefindFragment, 'content' | 'meta'>): { zh: string; en: string } {
  const content = fragment.content ?? '';
  const zhAt = content.indexOf(BODY_MARK.zh);
  const enAt = content.indexOf(BODY_MARK.en);
  const titles = readable(toIndexText(`${fragment.meta.title_zh ?? ''} ${fragment.meta.title_en ?? ''}`));
  // pagefind ends each block of the record with a full stop of its own.
  const tidy = (text: string) => text.replace(/^[\s.]+|\s+\.\s*$/g, '');
  const untilTitles = (text: string) => {
    const end = titles ? text.lastIndexOf(titles) : -1;
    return tidy(end >= 0 ? text.slice(0, end) : text);
  };
  if (zhAt < 0 || enAt < zhAt) return { zh: '', en: untilTitles(bodyText(fragment)) };
  return {
    zh: tidy(readable(content.slice(zhAt + BODY_MARK.zh.length, enAt))),
    en: untilTitles(readable(content.slice(enAt + BODY_MARK.en.length))),
  };
}

/** The readable body of a result, both languages: the indexed text between its designation and its titles. */
export function bodyText(fragment: Pick<PagefindFragment, 'content' | 'meta'>): string {
  const text = readable(fragment.content ?? '');
  const code = fragment.meta.title ?? '';
  const head = code ? readable(`${code} ${designationKeys(code).join(' ')}`) : '';
  const start = head && text.startsWith(head) ? head.length : 0;
  const titles = readable(toIndexText(`${fragment.meta.title_zh ?? ''} ${fragment.meta.title_en ?? ''}`));
  const end = titles ? text.lastIndexOf(titles) : -1;
  // pagefind ends each block of the record with a full stop of its own.
  return text.slice(start, end > start ? end : undefined).replace(/^[\s.]+|\s+\.\s*$/g, '');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for one form: Chinese anywhere, other words at word starts (with their endings: slicing, slices). */
function formPattern(form: string): string {
  const f = form.trim();
  if (/\p{Script=Han}/u.test(f)) return escapeRegExp(f).replace(/\s+/g, '\\s*');
  const words = f.split(/[\s\-‐–—_/]+/).filter(Boolean);
  const last = words.pop() ?? '';
  // The stem is what the index matched; cut before escaping.
  const stem = /^\p{L}{6,}$/u.test(last) ? last.slice(0, -2) : last;
  // Letters other than Chinese characters: a Latin word written next to Chinese (承载TSN时间) is still a word.
  const letter = '[^\\P{L}\\p{Script=Han}]';
  const tail = /^\p{L}+$/u.test(stem) ? `${letter}*` : '';
  return `(?<!${letter}|\\p{N})${[...words.map(escapeRegExp), `${escapeRegExp(stem)}${tail}`].join('[\\s\\-‐–—_/]+')}`;
}

/** One pattern per unit of the query (its typed form and, for a concept, every form). */
export function unitPatterns(plan: QueryPlan): RegExp[] {
  const units = plan.fallback ?? plan.units;
  return units.map((u) => {
    const forms = u.kind === 'concept' ? [u.typed, ...u.concepts.flatMap((c) => c.forms)] : [u.typed];
    const parts = [...new Set(forms.filter((f) => f.trim()))].sort((a, b) => b.length - a.length).map(formPattern);
    return new RegExp(parts.join('|'), 'giu');
  });
}

/** Whether the text around `at` is written in `lang` (Chinese: has Chinese characters; English: next to none). */
function inLanguage(text: string, at: number, lang: Lang): boolean {
  const around = text.slice(Math.max(0, at - 40), at + 40);
  const han = around.match(/\p{Script=Han}/gu)?.length ?? 0;
  return lang === 'zh' ? han > 0 : han * 10 < around.length;
}

/** An excerpt: text with the matched words marked, and the language it is written in where it differs from the page's. */
export interface Excerpt {
  parts: Array<{ text: string; mark?: true }>;
  /** `zh-CN` or `en` when the excerpt's language is not the page's. */
  lang?: 'zh-CN' | 'en';
  /** The excerpt comes from the other language's text (nothing in the page's matched): the page says so. */
  other?: true;
}

/**
 * An excerpt of the text that matches the most units of the query, around the first match of the least frequent
 * one, preferring a match in the page's language; undefined when nothing matches.
 */
export function excerptOf(
  texts: readonly string[],
  patterns: readonly RegExp[],
  pageLang: 'zh' | 'en',
): Excerpt | undefined {
  let best: { text: string; units: number; at: number; length: number } | undefined;
  for (const text of texts) {
    if (!text) continue;
    let units = 0;
    let at = -1;
    let length = 0;
    let rarest = Infinity;
    for (const pattern of patterns) {
      const all = [...text.matchAll(pattern)].filter((m) => m[0]);
      if (!all.length) continue;
      units++;
      if (all.length < rarest) {
        rarest = all.length;
        // A text may mix languages (an English term in a Chinese sentence): show a match in the page's language.
        const first = all.find((m) => inLanguage(text, m.index, pageLang)) ?? all[0];
        if (first) {
          at = first.index;
          length = first[0].length;
        }
      }
    }
    if (units && (!best || units > best.units)) best = { text, units, at, length };
  }
  if (!best) return undefined;
  const { text, at, length } = best;
  let start = Math.max(0, at - 60);
  let end = Math.min(text.length, at + 180);
  const space = text.indexOf(' ', start);
  if (start > 0 && space > 0 && space < at) start = space + 1;
  const lastSpace = text.lastIndexOf(' ', end);
  if (end < text.length && lastSpace > at + length) end = lastSpace;
  const slice = text.slice(start, end);
  const all = new RegExp(patterns.map((p) => p.source).join('|'), 'giu');
  const parts: Excerpt['parts'] = [];
  if (start > 0) parts.push({ text: '… ' });
  let from = 0;
  for (const m of slice.matchAll(all)) {
    if (!m[0]) continue;
    parts.push({ text: slice.slice(from, m.index) }, { text: m[0], mark: true });
    from = m.index + m[0].length;
  }
  parts.push({ text: slice.slice(from) });
  if (end < text.length) parts.push({ text: ' …' });
  const han = (slice.match(/\p{Script=Han}/gu) ?? []).length;
  const lang = han > slice.length / 3 ? 'zh-CN' : pageLang === 'zh' ? 'en' : undefined;
  return { parts: parts.filter((p) => p.text), ...(lang && !(lang === 'zh-CN' && pageLang === 'zh') ? { lang } : {}) };
}

/**
 * A result's excerpt for a plan: from the page's language (its summary, then its body) whenever that matches; else
 * from the other language's body and summary, marked as such.
 */
export function resultExcerpt(fragment: PagefindFragment, plan: QueryPlan, pageLang: 'zh' | 'en'): Excerpt | undefined {
  const other = pageLang === 'zh' ? 'en' : 'zh';
  const bodies = bodyTexts(fragment);
  const patterns = unitPatterns(plan);
  const own = excerptOf([fragment.meta[`summary_${pageLang}`] ?? '', bodies[pageLang]], patterns, pageLang);
  if (own) return own;
  const theirs = excerptOf([bodies[other], fragment.meta[`summary_${other}`] ?? ''], patterns, other);
  return theirs && { ...theirs, lang: other === 'zh' ? 'zh-CN' : 'en', other: true };
}
