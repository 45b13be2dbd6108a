/**
 * The compare page: reads `?ids=a,b[,c,d]`, loads each entry's compare data as a classic script
 * (`compare/data/<id>.js`, which also loads from file:// in the offline export), and draws the standards
 * side by side with differences and shared references marked. The picker adds a standard and rewrites
 * the address, so a comparison can be shared. Self-contained (no imports) so the export can inline it.
 */
// A type-only import (erased) and compare-match.ts, which imports nothing: the script stays one self-contained chunk.
import type { CompareRecord as Record_ } from '../lib/site/compare.ts';
import { alignRequirements, pickEntries, type PickerEntry } from '../lib/site/compare-match.ts';

import type { Lang } from '../lib/catalogue/vocabulary.ts';

interface PageData {
  lang: Lang;
  states: Record<string, string>;
  tiers: Record<string, string>;
  scopes: Record<string, string>;
  sectors: Record<string, string>;
  topics: Record<string, string>;
  bodies: Record<string, string>;
  metrics: Array<[string, string]>;
  fields: Record<string, string>;
  strings: Record<string, string>;
}
type Globals = {
  __compareEntries?: Record<string, Record_>;
  __compareList?: { entries?: PickerEntry[] };
};

const MAX = 4;
/** A value of a lookup by a name from the address or the data: own properties only (`constructor` is no entry). */
const own = <T>(table: Partial<Record<string, T>> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const data = JSON.parse(document.getElementById('compare-data')!.textContent) as PageData;
const s = data.strings;
const g = self as unknown as Globals;
const app = document.getElementById('compare-app')!;
const form = document.getElementById('compare-form') as HTMLFormElement;
const input = document.getElementById('compare-add') as HTMLInputElement;
const options = document.getElementById('compare-options')!;
const statusLine = document.getElementById('compare-status')!;
const result = document.getElementById('compare-result')!;
const onlyDiff = document.getElementById('compare-only-diff') as HTMLInputElement;
const langHome = new URL('.', (document.querySelector('a.brand') as HTMLAnchorElement).href);
const siteRoot = data.lang === 'en' ? new URL('../', langHome) : langHome;
const offline = location.protocol === 'file:';
const entryUrl = (id: string) => new URL(`standards/${id}/${offline ? 'index.html' : ''}`, langHome).href;

/** Loads a classic script once; resolves when it has run (or failed). */
const loaded = new Map<string, Promise<void>>();
function load(path: string): Promise<void> {
  const url = new URL(path, siteRoot).href;
  let p = loaded.get(url);
  if (!p) {
    p = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => resolve();
      document.head.append(script);
    });
    loaded.set(url, p);
  }
  return p;
}

function idsFromAddress(): string[] {
  const params = new URLSearchParams(location.search);
  return [
    ...new Set(
      params
        .getAll('ids')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function setAddress(ids: string[]): void {
  // The comparison is the address; any other parameter stays.
  const params = new URLSearchParams(location.search);
  params.delete('ids');
  const rest = params.toString();
  const search = [ids.length ? `ids=${ids.join(',')}` : '', rest].filter(Boolean).join('&');
  try {
    history.pushState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  } catch {
    location.search = search;
  }
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function list(items: string[], marked?: (i: number) => boolean): HTMLElement {
  if (items.length === 0) return el('span', '—', 'muted');
  const ul = el('ul', undefined, 'compare-list');
  items.forEach((item, i) => {
    const li = el('li', item);
    if (marked?.(i)) {
      li.className = 'shared';
      li.append(' ', el('span', s.shared, 'tag'));
    }
    ul.append(li);
  });
  return ul;
}

async function render(): Promise<void> {
  const requested = idsFromAddress();
  const valid = requested.filter((id) => ID.test(id));
  const ids = valid.slice(0, MAX);
  result.replaceChildren();
  const notes: string[] = [];
  if (valid.length > MAX) notes.push(s.tooMany!);
  if (ids.length) statusLine.textContent = s.loading!;
  await Promise.all(ids.map((id) => load(`compare/data/${id}.js`)));
  const records = ids.map((id) => own(g.__compareEntries, id)).filter((r): r is Record_ => r !== undefined);
  const missing = [...requested.filter((id) => !ID.test(id)), ...ids.filter((id) => !own(g.__compareEntries, id))];
  if (missing.length) notes.push(s.unknown!.replace('{ids}', missing.join(', ')));
  if (records.length === 0) notes.push(s.empty!);
  else if (records.length === 1) notes.push(s.one!);
  statusLine.textContent = notes.join(' ');
  (onlyDiff.closest('label') as HTMLElement).hidden = records.length < 2;
  if (records.length === 0) return;

  const table = el('table', undefined, 'data compare-table');
  table.id = 'compare-table';
  const caption = el('caption', s.table, 'visually-hidden');
  const head = el('thead');
  const hr = el('tr');
  const corner = el('th', s.field);
  corner.scope = 'col';
  hr.append(corner);
  for (const r of records) {
    const th = el('th');
    th.scope = 'col';
    const a = el('a', r.code);
    a.href = entryUrl(r.id);
    const remove = el('button', '×', 'compare-remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', s.remove!.replace('{code}', r.code));
    remove.addEventListener('click', () => {
      setAddress(ids.filter((x) => x !== r.id && own(g.__compareEntries, x)));
      void render();
    });
    th.append(a, ' ', remove);
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  const row = (label: string | Node, cells: Array<string | HTMLElement>, keys: string[]) => {
    const tr = el('tr');
    const differs = new Set(keys).size > 1;
    if (differs) tr.className = 'differs';
    else tr.dataset.same = '';
    const th = el('th');
    th.append(label);
    th.scope = 'row';
    if (differs && records.length > 1) th.append(' ', el('span', s.differs, 'tag diff-tag'));
    tr.append(th);
    for (const cell of cells) {
      const td = el('td');
      td.append(cell);
      tr.append(td);
    }
    body.append(tr);
  };
  const plain = (label: string, values: string[]) =>
    row(
      label,
      values.map((v) => v || '—'),
      values,
    );
  plain(
    data.fields.titleZh!,
    records.map((r) => r.title.zh),
  );
  plain(
    data.fields.titleEn!,
    records.map((r) => r.title.en),
  );
  plain(
    data.fields.status!,
    records.map((r) => own(data.states, r.state) ?? r.state),
  );
  plain(
    data.fields.published!,
    records.map((r) => r.published ?? ''),
  );
  plain(
    data.fields.effective!,
    records.map((r) => r.effective ?? ''),
  );
  plain(
    data.fields.version!,
    records.map((r) => r.version ?? ''),
  );
  plain(
    data.fields.readFrom!,
    records.map((r) => (r.readFrom ?? []).join(', ')),
  );
  plain(
    data.fields.body!,
    records.map((r) => own(data.bodies, r.body) ?? r.body),
  );
  plain(
    data.fields.authority!,
    records.map((r) => (r.authority ? (own(data.bodies, r.authority) ?? r.authority) : '')),
  );
  plain(
    data.fields.tier!,
    records.map((r) => own(data.tiers, r.tier) ?? r.tier),
  );
  plain(
    data.fields.scope!,
    records.map((r) => own(data.scopes, r.scope) ?? r.scope),
  );
  const named = (ids: string[], names: Record<string, string>) => ids.map((x) => own(names, x) ?? x);
  row(
    data.fields.sectors!,
    records.map((r) => list(named(r.sectors, data.sectors))),
    records.map((r) => [...r.sectors].sort().join(' ')),
  );
  row(
    data.fields.topics!,
    records.map((r) => list(named(r.topics, data.topics))),
    records.map((r) => [...r.topics].sort().join(' ')),
  );
  const refCount = new Map<string, number>();
  for (const r of records) for (const [id] of r.references) refCount.set(id, (refCount.get(id) ?? 0) + 1);
  row(
    data.fields.references!,
    records.map((r) =>
      list(
        r.references.map(([, code]) => code),
        (i) => (refCount.get(r.references[i]![0]) ?? 0) > 1,
      ),
    ),
    records.map((r) =>
      r.references
        .map(([id]) => id)
        .sort()
        .join(' '),
    ),
  );
  // Requirement rows line up by metric and use case; a standard that states none for a line shows a gap.
  const lines = alignRequirements(
    records,
    data.metrics.map(([id]) => id),
  );
  const metricNames = new Map(data.metrics);
  const other = data.lang === 'zh' ? 'en' : 'zh';
  const groupRow = (text: string, className: string) => {
    const tr = el('tr', undefined, className);
    const th = el('th', text);
    th.scope = 'colgroup';
    th.colSpan = records.length + 1;
    tr.append(th);
    body.append(tr);
  };
  if (lines.length) groupRow(s.requirements!, 'compare-group');
  let metric = '';
  for (const line of lines) {
    if (line.metric !== metric) {
      metric = line.metric;
      groupRow(metricNames.get(metric) ?? metric, 'compare-metric');
    }
    // The metric is the group's heading above; a screen reader hears it with the row's name.
    const label = document.createDocumentFragment();
    label.append(
      el('span', `${metricNames.get(metric) ?? metric} · `, 'visually-hidden'),
      line.label?.[data.lang] ?? line.label?.[other] ?? s.general!,
    );
    row(
      label,
      line.cells.map((rows) => {
        if (rows.length === 0) return el('span', s.gap, 'gap');
        const ul = el('ul', undefined, 'compare-list');
        for (const q of rows) ul.append(el('li', q.figure));
        return ul;
      }),
      line.cells.map((rows) =>
        rows
          .map((q) => q.figure)
          .sort()
          .join(' '),
      ),
    );
  }
  table.append(caption, head, body);
  const scroll = el('div', undefined, 'table-scroll compare-scroll');
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', s.table!);
  scroll.append(table);
  result.append(scroll);
  applyOnlyDiff();
}

function applyOnlyDiff(): void {
  for (const tr of result.querySelectorAll<HTMLTableRowElement>('tr[data-same]')) tr.hidden = onlyDiff.checked;
}

async function fillPicker(): Promise<void> {
  await load('compare/list.js');
  const entries = g.__compareList?.entries ?? [];
  const fragment = document.createDocumentFragment();
  for (const [, code, zh, en] of entries) {
    const option = document.createElement('option');
    option.value = code;
    option.label = data.lang === 'zh' ? zh : en;
    fragment.append(option);
  }
  options.replaceChildren(fragment);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void pick(input.value);
});

/** Adds the standard the picker's text names, once the list is in (a reader may be faster than the network). */
async function pick(text: string): Promise<void> {
  await load('compare/list.js');
  // Any form search understands: `22.261`, `TS22261`, `ydt3627`, the id or the designation as printed.
  const found = pickEntries(g.__compareList?.entries ?? [], text);
  if (found.length === 0) {
    statusLine.textContent = s.notFound!;
    return;
  }
  if (found.length > 1) {
    statusLine.textContent = s.several!.replace('{codes}', found.map(([, code]) => code).join(', '));
    return;
  }
  const id = found[0]![0];
  const ids = idsFromAddress().filter((x) => ID.test(x));
  if (!ids.includes(id)) ids.push(id);
  if (ids.length > MAX) {
    statusLine.textContent = s.tooMany!;
    return;
  }
  input.value = '';
  setAddress(ids);
  void render();
}
onlyDiff.addEventListener('change', applyOnlyDiff);
addEventListener('popstate', () => void render());
document.getElementById('compare-nojs')!.hidden = true;
app.hidden = false;
void fillPicker();
void render();
