/**
 * What one commit changed in one entry, in terms of the entry's fields: two versions of an entry file compared by
 * their parsed frontmatter and their body text, so that a change of formatting (YAML quoting or layout, blank lines,
 * a trailing newline) is no change at all. Language-neutral data: change-text.ts says it in a page's language.
 */
import { parseYaml, splitFrontmatter, type FieldKind } from '../catalogue/source.ts';

/** One thing a commit changed in an entry. */
export type ChangeItem =
  | { kind: 'added' }
  | { kind: 'removed' }
  /** The `status` field: from and to as written (capped), absent when the version had none. */
  | { kind: 'status'; from?: string; to?: string }
  /**
   * A field with one value (or one value per language): `title`, `summary`, `version`, `dates.published` … Short
   * values (dates, versions, releases, designations) are given; texts are not.
   */
  | { kind: 'field'; field: string; how: 'set' | 'changed' | 'removed'; from?: string; to?: string }
  /** A list field (`sectors`, `sources`, `references` …): how many items came and went. */
  | { kind: 'list'; field: string; added: number; removed: number }
  /** Requirement rows, matched by their id. */
  | { kind: 'requirements'; added: number; changed: number; removed: number }
  /** The body's text (not its formatting). */
  | { kind: 'text' }
  /** A version that cannot be read as an entry (no frontmatter, broken YAML): changed, but not said how. */
  | { kind: 'edited' };

/** Values longer than this are not shown (a designation, a version, a date or a state is far shorter). */
const VALUE_MAX = 40;

/** Fields whose values are short facts worth naming in a change (the rest are texts or structures). */
const VALUED = new Set([
  'code',
  'version',
  'release',
  'dates.published',
  'dates.effective',
  'updated',
  'tier',
  'scope',
  'level',
  'body',
  'authority',
  'committee',
  'doctype',
  'lang',
  'key',
]);

/** Fields whose changes are read as lists of items. */
const LISTS = new Set([
  'topics',
  'sectors',
  'references',
  'supersedes',
  'related',
  'adopts',
  'ics',
  'ccs',
  'plan',
  'sources',
  'versions',
]);

/** The order changes are told in: what a reader looks for first. */
const ORDER = [
  'code',
  'status',
  'title',
  'version',
  'versions',
  'release',
  'dates.published',
  'dates.effective',
  'summary',
  'requirements',
  'sources',
];

const rank = (key: string) => {
  const i = ORDER.indexOf(key);
  return i < 0 ? ORDER.length : i;
};

/** JSON with object keys sorted: equal data gives equal text, whatever the order the YAML wrote it in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A short value as it may be shown, or undefined (absent, not a scalar, or too long to be a short fact). */
function shortValue(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value);
  return Array.from(text).length <= VALUE_MAX ? text : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The fields of a frontmatter, with `dates` split into its two dates. */
function flatten(data: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) {
    if (key === 'dates' && isRecord(value)) {
      for (const [d, v] of Object.entries(value)) fields.set(`dates.${d}`, v);
    } else fields.set(key, value);
  }
  return fields;
}

/** How many items of `before` and `after` are not in the other (items compared as data). */
function listDelta(before: unknown, after: unknown): { added: number; removed: number } {
  const keys = (v: unknown) => (Array.isArray(v) ? v.map(stableJson) : v === undefined ? [] : [stableJson(v)]);
  const a = keys(before);
  const b = keys(after);
  const inA = new Set(a);
  const inB = new Set(b);
  return { added: b.filter((k) => !inA.has(k)).length, removed: a.filter((k) => !inB.has(k)).length };
}

/** Requirement rows added, changed and removed, matched by id (rows without one by their data). */
function requirementDelta(before: unknown, after: unknown) {
  const rows = (v: unknown) => {
    const map = new Map<string, string>();
    (Array.isArray(v) ? v : []).forEach((row, i) => {
      const json = stableJson(row);
      const id = isRecord(row) && typeof row.id === 'string' ? `id:${row.id}` : `row:${json}:${i}`;
      map.set(id, json);
    });
    return map;
  };
  const a = rows(before);
  const b = rows(after);
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const [id, json] of b) {
    const old = a.get(id);
    if (old === undefined) added++;
    else if (old !== json) changed++;
  }
  for (const id of a.keys()) if (!b.has(id)) removed++;
  return { added, changed, removed };
}

/** Parsed frontmatter, or undefined when it cannot be read as a mapping. */
function parsed(frontmatter: string | undefined, kind: FieldKind): Record<string, unknown> | undefined {
  if (frontmatter === undefined) return undefined;
  const yaml = parseYaml(frontmatter, kind);
  return yaml.errors.length === 0 && isRecord(yaml.data) ? yaml.data : undefined;
}

/** Whether two values are the same data (JSON first: the same key order is the common case, and far faster). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || stableJson(a) === stableJson(b);

/** A top-level field whose value is one plain or simply quoted scalar on its own line. */
const SCALAR_LINE = /^([A-Za-z][\w-]*):[ \t]+(?:"([^"\\]*)"|'([^']*)'|([^\s"'#&*!|>{}[\],%@`][^#]*?))[ \t]*$/;

/**
 * The common edit read without a YAML parser: exactly one line of the frontmatter differs, and on both sides it is a
 * top-level `key: value` with a scalar value that no indented line continues, of a field that appears once (`status:
 * drafting` → `status: published`, a version, a date). Else undefined, and the frontmatter is parsed. Booleans and
 * numbers (the `key` field) always take the parser, which reads them as the check does.
 */
export function oneLineChange(before: string, after: string): { key: string; from: string; to: string } | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return undefined;
  let at = -1;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i]) {
      if (at >= 0) return undefined;
      at = i;
    }
  if (at < 0 || /^[ \t-]/.test(a[at + 1] ?? '')) return undefined;
  const x = SCALAR_LINE.exec(a[at]!);
  const y = SCALAR_LINE.exec(b[at]!);
  if (!x || !y || x[1] !== y[1] || x[1] === 'key') return undefined;
  const key = x[1]!;
  // `a: b` as a plain value is not YAML; a repeated key is refused by the check: both are for the parser to say.
  if (x[4]?.includes(': ') || y[4]?.includes(': ')) return undefined;
  if (a.filter((l) => l.startsWith(`${key}:`)).length !== 1) return undefined;
  return { key, from: (x[2] ?? x[3] ?? x[4])!, to: (y[2] ?? y[3] ?? y[4])! };
}

/** The words of a body: its text with every run of whitespace as one space. */
const words = (body: string) => body.split(/\s+/).join(' ').trim();

/**
 * What changed from `before` to `after` (the texts of two versions of one entry file): nothing when only the
 * formatting did. `kind` says which fields are numbers and booleans, as the check reads them. The frontmatter is
 * parsed only when its text changed, the body compared word by word only when its text did.
 */
export function describeEntryChange(before: string, after: string, kind: FieldKind): ChangeItem[] {
  if (before === after) return [];
  const a = splitFrontmatter(before);
  const b = splitFrontmatter(after);
  const items: ChangeItem[] = [];
  if (a?.frontmatter !== b?.frontmatter) {
    const line = a && b ? oneLineChange(a.frontmatter, b.frontmatter) : undefined;
    if (line) items.push(...fieldChanges({ [line.key]: line.from }, { [line.key]: line.to }));
    else {
      const fa = parsed(a?.frontmatter, kind);
      const fb = parsed(b?.frontmatter, kind);
      if (!fa || !fb) return [{ kind: 'edited' }];
      items.push(...fieldChanges(fa, fb));
    }
  }
  const bodyA = a ? a.body : before;
  const bodyB = b ? b.body : after;
  if (bodyA !== bodyB && words(bodyA) !== words(bodyB)) items.push({ kind: 'text' });
  return items;
}

/** The changes between two parsed frontmatters, in the order a reader looks for them. */
function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>): ChangeItem[] {
  const items: ChangeItem[] = [];
  const fa = flatten(a);
  const fb = flatten(b);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
  for (const key of keys) {
    const from = fa.get(key);
    const to = fb.get(key);
    if (same(from, to)) continue;
    if (key === 'status') {
      const f = shortValue(from);
      const t = shortValue(to);
      items.push({ kind: 'status', ...(f !== undefined ? { from: f } : {}), ...(t !== undefined ? { to: t } : {}) });
    } else if (key === 'requirements') {
      const delta = requirementDelta(from, to);
      if (delta.added || delta.changed || delta.removed) items.push({ kind: 'requirements', ...delta });
    } else if (LISTS.has(key)) {
      // Items only reordered: said as a change of the list with nothing added or removed.
      items.push({ kind: 'list', field: key, ...listDelta(from, to) });
    } else {
      const how = from === undefined ? 'set' : to === undefined ? 'removed' : 'changed';
      const f = VALUED.has(key) ? shortValue(from) : undefined;
      const t = VALUED.has(key) ? shortValue(to) : undefined;
      items.push({
        kind: 'field',
        field: key,
        how,
        ...(f !== undefined ? { from: f } : {}),
        ...(t !== undefined ? { to: t } : {}),
      });
    }
  }
  return items;
}
