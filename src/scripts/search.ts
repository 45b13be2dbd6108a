/**
 * The search page: pagefind over http, or the embedded bundle of the offline export under
 * file:// (fetch answered from memory, pagefind.js imported from a data: URL, no worker).
 * `?q=` and facet parameters in the address run on load; results link to the entry pages in
 * the page's language.
 */
import { compact, planSearch } from '../lib/search/tokens.ts';

interface PagefindResult { id: string; data: () => Promise<{ url: string; meta: Record<string, string> }> }
interface PagefindSearch { results: PagefindResult[]; filters: Record<string, Record<string, number>>; unfilteredResultCount: number }
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
interface OfflineBundle { files: Record<string, string> }
interface PageData {
  lang: 'zh' | 'en';
  states: Record<string, string>;
  sectors: Record<string, string>;
  strings: Record<'resultsOne' | 'resultsMany' | 'noResults' | 'loading' | 'browse' | 'error' | 'more', string>;
}

const PAGE = 20;
const data = JSON.parse(document.getElementById('search-data')!.textContent!) as PageData;
const app = document.getElementById('search-app')!;
const facetsForm = document.getElementById('search-facets') as HTMLFormElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const more = document.getElementById('search-more') as HTMLButtonElement;

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
        const url = new URL(typeof request === 'string' ? request : request instanceof URL ? request.href : request.url, location.href).href;
        if (url.startsWith(base)) {
          const file = url.slice(base.length).split('?')[0]!;
          const bytes = bundle.files[file];
          return Promise.resolve(bytes === undefined ? new Response(null, { status: 404 }) : new Response(decode(bytes) as BodyInit));
        }
        return realFetch(request, init);
      };
      pagefind = (await import(/* @vite-ignore */ `data:text/javascript;base64,${bundle.files['pagefind.js']}`)) as Pagefind;
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
    // Loads every filter's index, so result counts cover all facets from the first search.
    await pagefind.filters();
  return pagefind;
}

function selectedFilters(): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) (filters[box.name] ??= { any: [] }).any.push(box.value);
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
  try {
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  } catch {
    // file:// pages may refuse history changes.
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(meta: Record<string, string>): HTMLLIElement {
  const li = element('li', '');
  const head = element('div', 'r-head');
  const link = element('a', /\p{Script=Han}/u.test(meta.title ?? '') ? 'designation wraps' : 'designation', meta.title);
  link.href = entryUrl(meta.id!);
  head.append(link, element('span', `badge state-${meta.state}`, data.states[meta.state!] ?? meta.state));
  const sectors = (meta.sectors ?? '').split(' ').filter(Boolean).map((s) => data.sectors[s] ?? s);
  for (const s of sectors) head.append(element('span', 'tag', s));
  const other = data.lang === 'zh' ? 'en' : 'zh';
  const titleText = meta[`title_${data.lang}`] || meta[`title_${other}`] || '';
  const summary = meta[`summary_${data.lang}`] || meta[`summary_${other}`];
  li.append(head);
  // Drafts without a number carry their title in the designation; do not say it twice.
  if (!(meta.title ?? '').includes(titleText)) li.append(element('p', 'r-title', titleText));
  if (summary) {
    const p = element('p', 'r-text', summary);
    if (!meta[`summary_${data.lang}`]) p.lang = other === 'zh' ? 'zh-CN' : 'en';
    li.append(p);
  }
  return li;
}

let pagefindPromise: Promise<Pagefind> | undefined;
let run = 0;
let pending: PagefindResult[] = [];
/** The designation the current query looks like, if any; it ranks every batch shown. */
let designation: string | undefined;

async function showMore(token: number): Promise<void> {
  const batch = pending.splice(0, PAGE);
  const loaded = await Promise.all(batch.map((r) => r.data()));
  if (token !== run) return;
  // Within a batch, an exact designation match goes first.
  const rank = (meta: Record<string, string>) => (designation && compact(meta.title ?? '').endsWith(designation) ? 0 : 1);
  const ordered = loaded.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d.meta) - rank(b.d.meta) || a.i - b.i);
  for (const { d } of ordered) list.append(renderResult(d.meta));
  more.hidden = pending.length === 0;
}

async function search(): Promise<void> {
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
    const plan = query ? planSearch(query) : undefined;
    if (!plan || !plan.text) {
      if (Object.keys(filters).length === 0) {
        counts = await pagefind.filters();
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
      const [byCode, byText] = await Promise.all([
        plan.designation ? pagefind.search(plan.designation, { filters }) : Promise.resolve(undefined),
        pagefind.search(plan.text, { filters }),
      ]);
      const seen = new Set<string>();
      results = [...(byCode?.results ?? []), ...byText.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
      counts = byText.filters;
      if (byCode) for (const [facet, values] of Object.entries(byCode.filters)) for (const [v, n] of Object.entries(values)) (counts[facet] ??= {})[v] = Math.max(counts[facet][v] ?? 0, n);
    }
    if (token !== run) return;
    showCounts(counts);
    list.replaceChildren();
    pending = [...results];
    designation = plan?.designation;
    await showMore(token);
    if (token !== run) return;
    status.textContent = results.length
      ? (results.length === 1 ? data.strings.resultsOne : data.strings.resultsMany).replace('{n}', String(results.length))
      : data.strings.noResults;
    list.dataset.query = query;
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
  void search();
});
facetsForm.addEventListener('change', () => void search());
facetsForm.addEventListener('reset', () => setTimeout(search));
more.addEventListener('click', () => void showMore(run));

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const box of facetsForm.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = params.getAll(box.name).includes(box.value);
// On narrow screens the filters start folded, unless some are in use.
const filters = document.getElementById('search-filters') as HTMLDetailsElement;
if (matchMedia('(max-width: 60rem)').matches && !facetsForm.querySelector('input:checked')) filters.open = false;
document.getElementById('search-nojs')!.hidden = true;
app.hidden = false;
void search();
