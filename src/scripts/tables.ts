/**
 * Progressive enhancement for tables that already work without JavaScript:
 * filter forms (`form[data-filters-for]`) and sortable columns (`table[data-sortable]`).
 * Filters start from the page's query string (`?tier=industry&sector=ports`).
 */
const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: 'base' });
const normalize = (s: string) => s.normalize('NFKC').toLowerCase();

function enhanceFilters(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.filtersFor ?? '');
  const body = table?.querySelector('tbody');
  if (!body) return;
  const rows = Array.from(body.rows);
  const texts = new Map(rows.map((row) => [row, normalize(row.textContent ?? '')]));
  const output = form.querySelector('output');
  const params = new URLSearchParams(location.search);
  for (const field of Array.from(form.elements) as HTMLInputElement[]) {
    const value = field.name ? params.get(field.name) : null;
    if (
      value !== null &&
      (field.tagName !== 'SELECT' ||
        Array.from((field as unknown as HTMLSelectElement).options).some((o) => o.value === value))
    )
      field.value = value;
  }

  const apply = () => {
    const data = new FormData(form);
    const asText = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
    const text = normalize(asText(data.get('text')).trim());
    let shown = 0;
    for (const row of rows) {
      let visible = true;
      for (const [name, raw] of data.entries()) {
        const value = asText(raw);
        if (!value || name === 'text') continue;
        const tokens = (row.dataset[name] ?? '').split(' ');
        if (!tokens.includes(value)) visible = false;
      }
      if (visible && text && !texts.get(row)!.includes(text)) visible = false;
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (output) output.textContent = (output.dataset.template ?? '{n}').replace('{n}', String(shown));
    // The form's own fields follow it; any other parameter of the address stays (the language switch carries them).
    const query = new URLSearchParams(location.search);
    for (const field of Array.from(form.elements) as HTMLInputElement[]) if (field.name) query.delete(field.name);
    for (const [name, value] of data.entries()) if (asText(value)) query.set(name, asText(value));
    try {
      history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
    } catch {
      // file:// pages may refuse history changes; filtering still works.
    }
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
}

function enhanceSorting(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
  if (!body) return;
  headers.forEach((th, column) => {
    const kind = th.dataset.sort;
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...Array.from(th.childNodes));
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row: HTMLTableRowElement) => {
        const cell = row.cells[column];
        return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
      };
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = kind === 'number' ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filters-for]')) enhanceFilters(form);
for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) enhanceSorting(table);
