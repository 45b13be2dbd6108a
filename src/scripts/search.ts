/**
 * The search page: loads pagefind (over http, or from the embedded bundle of the offline export under file://:
 * fetch answered from memory, pagefind.js imported from a data: URL, no worker), hands queries to the search engine
 * (src/lib/search/engine.ts) and shows what it finds. `?q=` and facet parameters in the address run on load; results
 * link to the entry pages in the page's language. A newer query aborts the one before it.
 */
import { ConceptMatcher, fromPageConcepts, type PageConcept } from '../lib/catalogue/concepts.ts';
import {
  SearchEngine,
  namedSectors,
  pagesShown,
  resultExcerpt,
  type Excerpt,
  type FacetCounts,
  type Filters,
  type Pagefind,
  type PagefindFragment,
  type PagefindResult,
  type SearchOutcome,
} from '../lib/search/engine.ts';
import { mergeParts, type Mergeable } from '../lib/search/parts.ts';
import { FACET_TABLE, type FacetTable } from '../lib/search/facet-table.ts';
import { planQuery, type QueryPlan } from '../lib/search/tokens.ts';
import {
  shardOf,
  shardPath,
  stateGroup,
  type DesignationEntry,
  type DesignationShard,
} from '../lib/search/designations.ts';
import { DRAFT_STATUSES } from '../lib/catalogue/vocabulary.ts';

import type { Lang } from '../lib/catalogue/vocabulary.ts';

interface PagefindModule extends Pagefind, Mergeable {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
}
interface OfflineBundle {
  files: Record<string, string>;
}
interface PageData {
  lang: Lang;
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
    | 'body'
    | 'shortened'
    | 'metric'
    | 'partial'
    | 'otherLang',
    string
  >;
  concepts: PageConcept[];
  /** How many parts the search index has (parts.ts). */
  parts: number;
  /** How many entries the index holds. */
  entries: number;
  /** How many shards the designation index has (designations.ts). */
  shards: number;
}

const PAGE = 20;
/** A pause in typing this long runs the query (each newer query aborts the one before). */
const TYPING_PAUSE_MS = 120;
/** A name looked up in the page's data: own properties only, never one inherited by every object. */
const own = (table: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
const byId = <T extends HTMLElement>(id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the search page has no #${id}`);
  return found as T;
};
const data = JSON.parse(byId('search-data').textContent ?? '{}') as PageData;
const app = byId('search-app');
const facetsForm = byId<HTMLFormElement>('search-facets');
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-q');
const status = byId('search-status');
const list = byId('search-results');
const more = byId<HTMLButtonElement>('search-more');
const pagesList = byId('search-pages');
const notice = byId('search-notice');
const browseBlock = byId('search-browse');

/** The language home from the header link (rewritten to a file path in the offline export). */
const langHome = new URL('.', document.querySelector<HTMLAnchorElement>('a.brand')?.href ?? location.href);
const siteRoot = data.lang === 'en' ? new URL('../', langHome) : langHome;
const offline = location.protocol === 'file:';
const entryUrl = (id: string) => new URL(`standards/${id}/${offline ? 'index.html' : ''}`, langHome).href;

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Loads pagefind for this page; the engine calls it again after a failure. */
async function loadPagefind(): Promise<Pagefind> {
  const base = new URL('pagefind/', siteRoot).href;
  const bundle = (window as unknown as { __pagefindBundle?: OfflineBundle }).__pagefindBundle;
  let pagefind: PagefindModule;
  if (bundle) {
    const realFetch = window.fetch.bind(window);
    window.fetch = (request: RequestInfo | URL, init?: RequestInit) => {
      // Pagefind strips what it takes for the origin ("file://" in Chromium), so resolve first.
      const url = new URL(
        typeof request === 'string' ? request : request instanceof URL ? request.href : request.url,
        location.href,
      ).href;
      if (url.startsWith(base)) {
        const file = url.slice(base.length).split('?')[0] ?? '';
        const bytes = bundle.files[file];
        return Promise.resolve(
          bytes === undefined ? new Response(null, { status: 404 }) : new Response(decode(bytes) as BodyInit),
        );
      }
      return realFetch(request, init);
    };
    pagefind = (await import(
      /* @vite-ignore */ `data:text/javascript;base64,${bundle.files['pagefind.js']}`
    )) as PagefindModule;
    await pagefind.options({ basePath: base, noWorker: true });
  } else {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as PagefindModule;
    await pagefind.options({ basePath: base });
  }
  // Pagefind reads the page language once, synchronously, when it starts. Our index is language-neutral ('en', with
  // Chinese pre-split into character pairs), so it must start as English; the page's own language is restored
  // before anything else can run.
  const lang = document.documentElement.lang;
  document.documentElement.lang = 'en';
  const started = pagefind.init();
  document.documentElement.lang = lang;
  await started;
  await mergeParts(pagefind, base, data.parts);
  return pagefind;
}

const matcher = new ConceptMatcher(fromPageConcepts(data.concepts));
const engine = new SearchEngine(loadPagefind, matcher, {
  entries: data.entries,
  // After pagefind, so that the export's embedded copy answers it from disk too.
  facets: async () => (await fetch(new URL(FACET_TABLE, new URL('pagefind/', siteRoot)))).json() as Promise<FacetTable>,
});

/**
 * A designation's entries from the designation index (one small file), before pagefind is loaded: what a search
 * opened with a designation shows first. Empty when the query is no designation, the file cannot be fetched (the
 * offline export, where fetch does not work, searches with pagefind alone) or no entry has it.
 */
async function designationEntries(query: string): Promise<DesignationEntry[]> {
  const designation = query ? planQuery(query, matcher).designation : undefined;
  if (!designation || offline) return [];
  try {
    const response = await fetch(new URL(shardPath(shardOf(designation, data.shards)), siteRoot));
    if (!response.ok) return [];
    const found = ((await response.json()) as DesignationShard)[designation] ?? [];
    return [...found].sort(
      (a, b) => stateGroup(a.state, DRAFT_STATUSES) - stateGroup(b.state, DRAFT_STATUSES) || (a.code < b.code ? -1 : 1),
    );
  } catch {
    return [];
  }
}

/** A designation index entry as a result (its excerpt comes with pagefind's results). */
const asFragment = (e: DesignationEntry): PagefindFragment => ({
  url: '',
  content: '',
  meta: {
    title: e.code,
    id: e.id,
    state: e.state,
    sectors: e.sectors.join(' '),
    title_zh: e.title.zh,
    title_en: e.title.en,
  },
});

function selectedFilters(): Filters {
  const filters: Filters = {};
  for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'))
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  return filters;
}

function showCounts(counts: FacetCounts): void {
  for (const fieldset of facetsForm.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const facet = fieldset.dataset.facet ?? '';
    let any = false;
    for (const label of fieldset.querySelectorAll<HTMLLabelElement>('label[data-value]')) {
      const n = counts[facet]?.[label.dataset.value ?? ''] ?? 0;
      const box = label.querySelector('input');
      const count = label.querySelector('.n');
      if (count) count.textContent = String(n);
      label.hidden = n === 0 && !box?.checked;
      if (!label.hidden) any = true;
    }
    fieldset.hidden = !any;
  }
}

function syncAddress(query: string): void {
  // The query and the filters follow the search; any other parameter of the address stays.
  const params = new URLSearchParams(location.search);
  params.delete('q');
  for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) params.delete(box.name);
  if (query) params.set('q', query);
  for (const [name, { any }] of Object.entries(selectedFilters())) for (const v of any) params.append(name, v);
  const search = params.size ? `?${params.toString()}` : '';
  try {
    history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    // file:// pages may refuse history changes.
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

function excerptElement(excerpt: Excerpt): HTMLParagraphElement {
  const p = element('p', 'r-text');
  // From the other language's text (nothing in the page's matched): said before it, in the page's language.
  if (excerpt.other) p.append(element('span', 'tag lang-tag', data.strings.otherLang), ' ');
  for (const part of excerpt.parts) p.append(part.mark ? element('mark', '', part.text) : part.text);
  if (excerpt.lang) p.lang = excerpt.lang;
  return p;
}

function renderResult(fragment: PagefindFragment, plan: QueryPlan | undefined): HTMLLIElement {
  const meta = fragment.meta;
  const li = element('li', '');
  const head = element('div', 'r-head');
  const code = meta.title ?? '';
  const link = element('a', /\p{Script=Han}/u.test(code) ? 'designation wraps' : 'designation', code);
  link.href = entryUrl(meta.id ?? '');
  const state = meta.state ?? '';
  head.append(link, element('span', `badge state-${state}`, own(data.states, state) ?? state));
  const named = namedSectors(plan);
  for (const id of (meta.sectors ?? '').split(' ').filter(Boolean)) {
    const tag = element('span', 'tag');
    // A sector the query named is why the result matched: marked like matched words.
    if (named.has(id)) tag.append(element('mark', '', own(data.sectors, id) ?? id));
    else tag.textContent = own(data.sectors, id) ?? id;
    head.append(tag);
  }
  const other = data.lang === 'zh' ? 'en' : 'zh';
  const titleText = meta[`title_${data.lang}`] || meta[`title_${other}`] || '';
  const summary = meta[`summary_${data.lang}`] || meta[`summary_${other}`];
  li.append(head);
  // Drafts without a number carry their title in the designation; do not say it twice.
  if (!code.includes(titleText)) li.append(element('p', 'r-title', titleText));
  const why = plan && (plan.units.length || plan.fallback) ? resultExcerpt(fragment, plan, data.lang) : undefined;
  if (why) li.append(excerptElement(why));
  else if (summary) {
    const p = element('p', 'r-text', summary);
    if (!meta[`summary_${data.lang}`]) p.lang = other === 'zh' ? 'zh-CN' : 'en';
    li.append(p);
  }
  return li;
}

/** The sector, topic and issuer pages the query names, listed before the standards. */
function renderPages(pages: NonNullable<QueryPlan['pages']>): void {
  pagesList.replaceChildren();
  for (const c of pages) {
    const li = element('li', '');
    const a = element('a', 'r-page', c.name ? c.name[data.lang] : c.id);
    a.href = new URL(`${c.page}${offline ? 'index.html' : ''}`, langHome).href;
    li.append(element('span', 'badge', data.strings[c.kind as 'sector' | 'topic' | 'body' | 'metric']), ' ', a);
    pagesList.append(li);
  }
  pagesList.hidden = pagesList.childElementCount === 0;
}

/** The search on screen: what is left to show, and the signal that ends it when a newer one starts. */
let current: { controller: AbortController; pending: PagefindResult[]; plan?: QueryPlan } | undefined;

async function showMore(): Promise<void> {
  const shown = current;
  if (!shown) return;
  const batch = shown.pending.splice(0, PAGE);
  const loading = batch.map((r) => r.data());
  // The first result is shown as soon as its own data is in; the others of the batch follow.
  for (const next of loading) {
    const d = await next;
    if (shown.controller.signal.aborted) return;
    list.append(renderResult(d, shown.plan));
  }
  more.hidden = shown.pending.length === 0;
}

async function search(moveFocus = false): Promise<void> {
  current?.controller.abort();
  const controller = new AbortController();
  const { signal } = controller;
  const query = input.value.trim();
  const filters = selectedFilters();
  syncAddress(query);
  status.textContent = data.strings.loading;
  delete list.dataset.query;
  delete facetsForm.dataset.counted;
  try {
    // A designation's entries first, from the designation index; pagefind is loaded only once they are shown.
    const early = Object.keys(filters).length ? [] : await designationEntries(query);
    signal.throwIfAborted();
    if (early.length) {
      browseBlock.hidden = true;
      renderPages([]);
      list.replaceChildren(...early.slice(0, PAGE).map((e) => renderResult(asFragment(e), undefined)));
    }
    const outcome: SearchOutcome = await engine.search(query, filters, signal);
    current = { controller, pending: [...outcome.results], plan: outcome.plan };
    browseBlock.hidden = true;
    list.replaceChildren();
    notice.hidden = true;
    if (outcome.browsing) {
      renderPages([]);
      showCounts(outcome.counts ?? {});
      status.textContent = data.strings.browse;
      more.hidden = true;
      list.dataset.query = '';
      facetsForm.dataset.counted = '';
      return;
    }
    renderPages(pagesShown(outcome));
    // No standard has every word: one line says so, and the results are those with most of them.
    notice.textContent = outcome.partial
      ? data.strings.partial.replace(
          '{words}',
          outcome.partial.units.map((u) => `“${u.typed}”`).join(data.lang === 'zh' ? '、' : ', '),
        )
      : '';
    notice.hidden = !outcome.partial;
    await showMore();
    signal.throwIfAborted();
    const n = outcome.results.length;
    status.textContent = n
      ? (n === 1 ? data.strings.resultsOne : data.strings.resultsMany).replace('{n}', String(n))
      : data.strings.noResults;
    if (outcome.plan?.shortened) status.textContent += ` ${data.strings.shortened}`;
    // Nothing matched: offer browsing by sector and topic instead.
    browseBlock.hidden = n > 0;
    list.dataset.query = query;
    if (moveFocus) status.focus();
    // The filter counts come after the first results are shown.
    showCounts(await engine.counts(outcome, filters, signal));
    facetsForm.dataset.counted = query;
  } catch (error) {
    if (signal.aborted) return;
    console.error(error);
    status.textContent = data.strings.error;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void search(true);
});
facetsForm.addEventListener('change', () => void search());
facetsForm.addEventListener('reset', () => setTimeout(() => void search()));
more.addEventListener('click', () => void showMore());

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
  box.checked = params.getAll(box.name).includes(box.value);
// On narrow screens the filters start folded, unless some are in use.
const filtersBox = byId<HTMLDetailsElement>('search-filters');
if (matchMedia('(max-width: 60rem)').matches && !facetsForm.querySelector('input:checked')) filtersBox.open = false;
byId('search-nojs').hidden = true;
app.hidden = false;
// Arriving with a query (from the header search box, a link, the language switch): focus goes to the result count.
void search(input.value.trim() !== '');
