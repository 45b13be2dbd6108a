/**
 * The compare page's own logic, free of the page: which entry the picker's text names, and how the requirement rows
 * of the standards compared line up. No imports, so that the page's script stays one self-contained chunk (the
 * offline export inlines it); unit tests hold `compactDesignation` equal to search's `compact` (tokens.ts) and the
 * picker's keys equal to search's `designationKeys`.
 */

/** A designation reduced to letters and digits, as search compacts it: `YD/T 3627-2019` → `ydt36272019`. */
export const compactDesignation = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** One entry as the picker knows it: id, designation, titles, and the compact forms search finds it by. */
export type PickerEntry = [id: string, code: string, zh: string, en: string, keys: string[]];

/**
 * The entries a picker's text names: the id or the designation as written; else every entry one of whose compact
 * designation forms (`22261`, `ts22261`, `ydt3627`) the text is, compacted. Several when the text is ambiguous.
 */
export function pickEntries(entries: readonly PickerEntry[], text: string): PickerEntry[] {
  const value = text.trim();
  if (!value) return [];
  const exact = entries.filter(([id, code]) => id === value || code === value);
  if (exact.length) return exact;
  const key = compactDesignation(value);
  if (!key) return [];
  const whole = entries.filter(([, code]) => compactDesignation(code) === key);
  if (whole.length) return whole;
  return entries.filter(([, , , , keys]) => keys.includes(key));
}

/** A requirement row as the compare data gives it. */
export interface CompareRow {
  metric: string;
  /** The figure in canonical units: `≤ 1 ms`, `99.999–99.9999 %`. */
  figure: string;
  /** What lines the row up with other standards' rows of the metric: its use case, else its scenario. */
  key: string;
  /** The row's use case or scenario, per language. */
  label?: { zh?: string; en?: string };
}

/** One line of the compared requirements: a metric and use case, with each standard's figures (none: a gap). */
export interface AlignedRow {
  metric: string;
  key: string;
  label?: { zh?: string; en?: string };
  /** Per standard compared, in their order: its rows for this metric and use case. */
  cells: CompareRow[][];
}

/**
 * Lines up the requirement rows of the standards compared: one line per metric (in `metricOrder`) and use case, each
 * standard's rows of that metric and use case in its column, an empty cell where it states none. Lines appear in the
 * order the standards first give them.
 */
export function alignRequirements(
  standards: ReadonlyArray<{ requirements: readonly CompareRow[] }>,
  metricOrder: readonly string[],
): AlignedRow[] {
  const lines = new Map<string, AlignedRow>();
  standards.forEach((s, column) => {
    for (const row of s.requirements) {
      const id = `${row.metric}\u0000${row.key}`;
      let line = lines.get(id);
      if (!line) {
        line = {
          metric: row.metric,
          key: row.key,
          ...(row.label ? { label: row.label } : {}),
          cells: standards.map(() => []),
        };
        lines.set(id, line);
      }
      line.cells[column]!.push(row);
    }
  });
  const rank = new Map(metricOrder.map((m, i) => [m, i]));
  return [...lines.values()]
    .map((line, i) => ({ line, i }))
    .sort(
      (a, b) =>
        (rank.get(a.line.metric) ?? metricOrder.length) - (rank.get(b.line.metric) ?? metricOrder.length) || a.i - b.i,
    )
    .map(({ line }) => line);
}

/** What lines up a row: `case:<id>` for a use case, `scenario:<words>` for a named scenario, else the metric alone. */
export function rowKey(row: { case?: string; scenario?: { zh?: string; en?: string } }): string {
  if (row.case) return `case:${row.case}`;
  const words = (row.scenario?.en ?? row.scenario?.zh ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return words ? `scenario:${words}` : '';
}
