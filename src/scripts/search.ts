/**
 * The search page: pagefind over http, or the embedded bundle of the offline export under
 * file:// (fetch answered from memory, pagefind.js imported from a data: URL, no worker).
 * `?q=` and facet parameters in the address run on load; results link to the entry pages in
 * the page's language.
 */
import { CONCEPT_KEY, ConceptMatcher, fromPageConcepts, type PageConcept } from '../lib/search/concepts.ts';
import { designationKeys, planQuery, toIndexText, type QueryPlan, type QueryUnit } from '../lib/search/tokens.ts';

interface PagefindFragment {
  url: string;
  meta: Record<string, string>;
  content: string;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
interface OfflineBundle {
  files: Record<string, string>;
}
interface PageData {
  lang: 'zh' | 'en';
  states: Record<string, string>;
  sectors: Record<string, string>;
  strings: Record<
    | 'resultsOne'
    | 'resultsMany'
    | 'noResults'
    | 'loading'
    | 'browse'
    | 'error'
    | 'more'
    | 'pageKinds'
    | 'sector'
    | 'topic'
    | 'body',
    string
  >;
  concepts: PageConcept[];
}

const PAGE = 20;
const data = JSON.parse(document.getElementById('search-data')!.textContent) as PageData;
const app = document.getElementById('search-app')!;
const facetsForm = document.getElementById('search-facets') as HTMLFormElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;
const pagesList = document.getElementById('search-pages')!;
const browseBlock = document.getElementById('search-browse')!;
const matcher = new ConceptMatcher(fromPageConcepts(data.concepts));

/** The language home from the header link (rewritten to a file path in the offline export). */
const langHome = new URL('.', (document.querySelector('a.brand') as HTMLAnchorElement).href);
const siteRoot = data.lang === 'en' ? new URL('../', langHome) : langHome;
const offline = location.protocol === 'file:';
const entryUrl = (id: string) => new URL(`standards/${id}/${offline ? 'index.html' : ''}`, langHome).href;

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function loadPagefind(): Promise<Pagefind> {
  const base = new URL('pagefind/', siteRoot).href;
  const bundle = (window as unknown as { __pagefindBundle?: OfflineBundle }).__pagefindBundle;
  let pagefind: Pagefind;
  if (bundle) {
    const realFetch = window.fetch.bind(window);
    window.fetch = (request: RequestInfo | URL, init?: RequestInit) => {
      // Pagefind strips what it takes for the origin ("file://" in Chromium), so resolve first.
      const url = new URL(
        typeof request === 'string' ? request : request instanceof URL ? request.href : request.url,
        location.href,
      ).href;
      if (url.startsWith(base)) {
        const file = url.slice(base.length).split('?')[0]!;
        const bytes = bundle.files[file];
        return Promise.resolve(
          bytes === undefined ? new Response(null, { status: 404 }) : new Response(decode(bytes) as BodyInit),
        );
      }
      return realFetch(request, init);
    };
    pagefind = (await import(
      /* @vite-ignore */ `data:text/javascript;base64,${bundle.files['pagefind.js']}`
    )) as Pagefind;
    await pagefind.options({ basePath: base, noWorker: true });
  } else {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
    await pagefind.options({ basePath: base });
  }
  // Pagefind reads the page language once, synchronously, when it starts. Our index is
  // language-neutral ('en', with Chinese pre-split into character pairs), so it must start
  // as English; the page's own language is restored before anything else can run.
  const lang = document.documentElement.lang;
  document.documentElement.lang = 'en';
  const started = pagefind.init();
  document.documentElement.lang = lang;
  await started;
  // Loads every filter's index, so result counts cover all facets from the first search; the counts of the
  // whole catalogue do not change while the page is open.
  catalogueCounts = await pagefind.filters();
  return pagefind;
}

/** Every filter value's count over the whole catalogue, read once when pagefind starts. */
let catalogueCounts: Record<string, Record<string, number>> = {};

/** Rank of each state in the result order (README, "Search"): in force first, then drafts, then superseded and withdrawn. */
const STATE_GROUPS: string[][] = [
  ['planned', 'drafting', 'consultation', 'approval'],
  ['superseded', 'withdrawn'],
];
let stateRank: Promise<Map<string, number>> | undefined;
/**
 * Result id → state group (0 when absent) for the whole catalogue, from filter-only searches (loaded once;
 * used for queries that match a large part of the catalogue, where it costs no more than asking the query).
 */
function wholeStateRank(pagefind: Pagefind): Promise<Map<string, number>> {
  return (stateRank ??= (async () => {
    const rank = new Map<string, number>();
    for (const [i, states] of STATE_GROUPS.entries())
      for (const r of (await pagefind.search(null, { filters: { status: { any: states } } })).results)
        rank.set(r.id, i + 1);
    return rank;
  })());
}
interface Hit {
  result: PagefindResult;
  score: number;
}
type Filters = Record<string, { any: string[] }>;

/** The results meeting one unit, with the score that ranks them. */
async function evaluate(
  pagefind: Pagefind,
  unit: QueryUnit,
  filters: Filters,
): Promise<{ hits: Map<string, Hit>; counts?: Record<string, Record<string, number>> }> {
  const queries =
    unit.kind === 'concept'
      ? unit.concepts.map((c) => ({ find: `"${c.key}"`, score: c.key }))
      : [{ find: unit.find, score: unit.score }];
  const hits = new Map<string, Hit>();
  let counts: Record<string, Record<string, number>> | undefined;
  for (const q of queries) {
    const [found, scored] = await Promise.all([
      pagefind.search(q.find, { filters }),
      q.find === q.score ? undefined : pagefind.search(q.score, { filters }),
    ]);
    const scores = new Map((scored ?? found).results.map((r) => [r.id, r.score]));
    for (const r of found.results) {
      const score = scores.get(r.id) ?? 0;
      const had = hits.get(r.id);
      if (!had || had.score < score) hits.set(r.id, { result: r, score });
    }
    counts = queries.length === 1 ? found.filters : undefined;
  }
  return { hits, counts };
}

/** Every result meeting all units (scores added), or undefined when a unit finds nothing. */
async function evaluateAll(
  pagefind: Pagefind,
  units: QueryUnit[],
  filters: Filters,
): Promise<{ hits: Map<string, Hit>; counts?: Record<string, Record<string, number>> }> {
  let hits: Map<string, Hit> | undefined;
  let counts: Record<string, Record<string, number>> | undefined;
  for (const unit of units) {
    const next = await evaluate(pagefind, unit, filters);
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
  return { hits: hits ?? new Map(), counts };
}

function selectedFilters(): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'))
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  return filters;
}

function showCounts(counts: Record<string, Record<string, number>>): void {
  for (const fieldset of facetsForm.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const facet = fieldset.dataset.facet!;
    let any = false;
    for (const label of fieldset.querySelectorAll<HTMLLabelElement>('label[data-value]')) {
      const n = counts[facet]?.[label.dataset.value!] ?? 0;
      const box = label.querySelector('input')!;
      label.querySelector('.n')!.textContent = String(n);
      label.hidden = n === 0 && !box.checked;
      if (!label.hidden) any = true;
    }
    fieldset.hidden = !any;
  }
}

function syncAddress(query: string): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, { any }] of Object.entries(selectedFilters())) for (const v of any) params.append(name, v);
  const search = params.size ? `?${params}` : '';
  try {
    history.replaceState(null, '', `${location.pathname}${search}`);
  } catch {
    // file:// pages may refuse history changes.
  }
  // The language switch keeps the query and the filters.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch[href]')) {
    const url = new URL(a.href);
    url.search = search;
    a.href = url.href;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The indexed text made readable again: character pairs joined back into runs, concept tokens removed. */
function readable(content: string): string {
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
 * The readable body of a result: the indexed text between its designation (first, with the forms it is
 * searched by) and its titles (which follow the body; see entryRecord).
 */
function bodyText(fragment: PagefindFragment): string {
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
function unitPatterns(plan: QueryPlan): RegExp[] {
  const units = plan.fallback ?? plan.units;
  return units.map((u) => {
    const forms = u.kind === 'concept' ? [u.typed, ...u.concepts.flatMap((c) => c.forms)] : [u.typed];
    const parts = [...new Set(forms.filter((f) => f.trim()))].sort((a, b) => b.length - a.length).map(formPattern);
    return new RegExp(parts.join('|'), 'giu');
  });
}

/** Whether the text around `at` is written in the page's language (Chinese: has Chinese characters; English: next to none). */
function inPageLanguage(text: string, at: number): boolean {
  const around = text.slice(Math.max(0, at - 40), at + 40);
  const han = around.match(/\p{Script=Han}/gu)?.length ?? 0;
  return data.lang === 'zh' ? han > 0 : han * 10 < around.length;
}

/**
 * A paragraph with the matched words marked, from the text that matches the most units of the
 * query, around the first match of the least frequent one; undefined when nothing matches.
 */
function excerptOf(texts: string[], patterns: RegExp[], className: string): HTMLParagraphElement | undefined {
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
        // Entries carry bodies in both languages: show a match in the page's language when there is one.
        const first = all.find((m) => inPageLanguage(text, m.index)) ?? all[0]!;
        at = first.index;
        length = first[0].length;
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
  const p = element('p', className);
  if (start > 0) p.append('… ');
  let from = 0;
  for (const m of slice.matchAll(all)) {
    if (!m[0]) continue;
    p.append(slice.slice(from, m.index));
    p.append(element('mark', '', m[0]));
    from = m.index + m[0].length;
  }
  p.append(slice.slice(from));
  if (end < text.length) p.append(' …');
  const han = (slice.match(/\p{Script=Han}/gu) ?? []).length;
  if (han > slice.length / 3) p.lang = 'zh-CN';
  else if (data.lang === 'zh') p.lang = 'en';
  return p;
}

function renderResult(fragment: PagefindFragment, plan: QueryPlan | undefined): HTMLLIElement {
  const meta = fragment.meta;
  const li = element('li', '');
  const head = element('div', 'r-head');
  const link = element('a', /\p{Script=Han}/u.test(meta.title ?? '') ? 'designation wraps' : 'designation', meta.title);
  link.href = entryUrl(meta.id!);
  head.append(link, element('span', `badge state-${meta.state}`, data.states[meta.state!] ?? meta.state));
  const named = new Set((plan?.pages ?? []).filter((c) => c.kind === 'sector').map((c) => c.id));
  for (const id of (meta.sectors ?? '').split(' ').filter(Boolean)) {
    const tag = element('span', 'tag');
    // A sector the query named is why the result matched: marked like matched words.
    if (named.has(id)) tag.append(element('mark', '', data.sectors[id] ?? id));
    else tag.textContent = data.sectors[id] ?? id;
    head.append(tag);
  }
  const other = data.lang === 'zh' ? 'en' : 'zh';
  const titleText = meta[`title_${data.lang}`] || meta[`title_${other}`] || '';
  const summary = meta[`summary_${data.lang}`] || meta[`summary_${other}`];
  li.append(head);
  // Drafts without a number carry their title in the designation; do not say it twice.
  if (!(meta.title ?? '').includes(titleText)) li.append(element('p', 'r-title', titleText));
  const why =
    plan?.units.length || plan?.fallback
      ? excerptOf(
          [meta[`summary_${data.lang}`] ?? '', bodyText(fragment), meta[`summary_${other}`] ?? ''],
          unitPatterns(plan),
          'r-text',
        )
      : undefined;
  if (why) li.append(why);
  else if (summary) {
    const p = element('p', 'r-text', summary);
    if (!meta[`summary_${data.lang}`]) p.lang = other === 'zh' ? 'zh-CN' : 'en';
    li.append(p);
  }
  return li;
}

/** The sector, topic and issuer pages the query names, listed before the standards. */
function renderPages(plan: QueryPlan | undefined): void {
  pagesList.replaceChildren();
  for (const c of plan?.pages ?? []) {
    const li = element('li', '');
    const a = element('a', 'r-page', c.name ? c.name[data.lang] : c.id);
    a.href = new URL(`${c.page}${offline ? 'index.html' : ''}`, langHome).href;
    li.append(element('span', 'badge', data.strings[c.kind as 'sector' | 'topic' | 'body']), ' ', a);
    pagesList.append(li);
  }
  pagesList.hidden = pagesList.childElementCount === 0;
}

let pagefindPromise: Promise<Pagefind> | undefined;
let run = 0;
let pending: PagefindResult[] = [];
let shownPlan: QueryPlan | undefined;

async function showMore(token: number): Promise<void> {
  const batch = pending.splice(0, PAGE);
  const loaded = await Promise.all(batch.map((r) => r.data()));
  if (token !== run) return;
  for (const d of loaded) list.append(renderResult(d, shownPlan));
  more.hidden = pending.length === 0;
}

/**
 * The results of a plan, ranked: an exact designation first; then state (in force, to take
 * effect and issued; drafts; superseded and withdrawn); then where it matched (pagefind's score,
 * whose weights put the title above the summary above the body).
 */
async function runPlan(
  pagefind: Pagefind,
  plan: QueryPlan,
  filters: Filters,
): Promise<{ results: PagefindResult[]; counts: Record<string, Record<string, number>> }> {
  let units = plan.units;
  let { hits, counts } = units.length
    ? await evaluateAll(pagefind, units, filters)
    : { hits: new Map<string, Hit>(), counts: undefined };
  if (hits.size === 0 && plan.fallback)
    ({ hits, counts } = await evaluateAll(pagefind, (units = plan.fallback), filters));
  const exact = new Set<string>();
  if (plan.designation) {
    const [prefix, whole] = await Promise.all([
      pagefind.search(plan.designation, { filters }),
      pagefind.search(`"${plan.designation}"`, { filters }),
    ]);
    for (const r of whole.results) exact.add(r.id);
    // Designation prefixes (`23.50` → 23.501) count; pagefind's fallback to shorter words does not.
    const combined = new Map(hits);
    for (const r of prefix.results) if (!combined.has(r.id)) combined.set(r.id, { result: r, score: r.score });
    if (hits.size === 0) counts = prefix.filters;
    else if (combined.size !== hits.size) counts = undefined;
    hits = combined;
  }
  /**
   * How many of the results have `value` in `facet`: the plan run again with that filter in place of the
   * reader's own for the facet, then met with the results. It searches only what the query matches; a
   * filter-only search goes through the whole index (a quarter of a second at 10,000 entries).
   */
  const idsWith = async (facet: string, values: string[]): Promise<string[]> => {
    const only = { ...filters, [facet]: { any: values } };
    const found = new Set(units.length ? (await evaluateAll(pagefind, units, only)).hits.keys() : []);
    if (plan.designation)
      for (const r of (await pagefind.search(plan.designation, { filters: only })).results) found.add(r.id);
    return [...found].filter((id) => hits.has(id));
  };
  let rank = new Map<string, number>();
  const total = Object.values(catalogueCounts.status ?? {}).reduce((sum, n) => sum + n, 0);
  if (hits.size * 4 > total) rank = await wholeStateRank(pagefind);
  else if (hits.size > 1)
    for (const [i, states] of STATE_GROUPS.entries())
      for (const id of await idsWith('status', states)) rank.set(id, i + 1);
  const results = [...hits.values()]
    .sort(
      (a, b) =>
        Number(exact.has(b.result.id)) - Number(exact.has(a.result.id)) ||
        (rank.get(a.result.id) ?? 0) - (rank.get(b.result.id) ?? 0) ||
        b.score - a.score,
    )
    .map((h) => h.result);
  if (!counts) {
    counts = {};
    if (hits.size)
      for (const [facet, values] of Object.entries(catalogueCounts))
        for (const value of Object.keys(values)) {
          const n = (await idsWith(facet, [value])).length;
          if (n) (counts[facet] ??= {})[value] = n;
        }
  }
  return { results, counts };
}

async function search(moveFocus = false): Promise<void> {
  const token = ++run;
  const query = input.value.trim();
  const filters = selectedFilters();
  syncAddress(query);
  status.textContent = data.strings.loading;
  delete list.dataset.query;
  try {
    const pagefind = await (pagefindPromise ??= loadPagefind());
    let results: PagefindResult[];
    let counts: Record<string, Record<string, number>>;
    const plan = query ? planQuery(query, matcher) : undefined;
    browseBlock.hidden = true;
    if (!plan || (!plan.units.length && !plan.designation)) {
      renderPages(undefined);
      if (Object.keys(filters).length === 0) {
        counts = catalogueCounts;
        if (token !== run) return;
        list.replaceChildren();
        showCounts(counts);
        status.textContent = data.strings.browse;
        more.hidden = true;
        list.dataset.query = '';
        return;
      }
      const all = await pagefind.search(null, { filters, sort: { code: 'asc' } });
      results = all.results;
      counts = all.filters;
    } else {
      ({ results, counts } = await runPlan(pagefind, plan, filters));
    }
    if (token !== run) return;
    showCounts(counts);
    list.replaceChildren();
    pending = [...results];
    shownPlan = plan;
    renderPages(results.length || !plan ? plan : undefined);
    await showMore(token);
    if (token !== run) return;
    status.textContent = results.length
      ? (results.length === 1 ? data.strings.resultsOne : data.strings.resultsMany).replace(
          '{n}',
          String(results.length),
        )
      : data.strings.noResults;
    // Nothing matched: offer browsing by sector and topic instead.
    browseBlock.hidden = results.length > 0;
    list.dataset.query = query;
    if (moveFocus) status.focus();
  } catch (error) {
    console.error(error);
    status.textContent = data.strings.error;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(search, 250);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void search(true);
});
facetsForm.addEventListener('change', () => void search());
facetsForm.addEventListener('reset', () => setTimeout(search));
more.addEventListener('click', () => void showMore(run));

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
  box.checked = params.getAll(box.name).includes(box.value);
// On narrow screens the filters start folded, unless some are in use.
const filters = document.getElementById('search-filters') as HTMLDetailsElement;
if (matchMedia('(max-width: 60rem)').matches && !facetsForm.querySelector('input:checked')) filters.open = false;
document.getElementById('search-nojs')!.hidden = true;
app.hidden = false;
// Arriving with a query (from the header search box, a link, the language switch): focus goes to the result count.
void search(input.value.trim() !== '');
