/**
 * Changes fields of an entry's YAML frontmatter in place: the `yaml` Document API finds each field's exact place in
 * the text, and only that text is replaced or a line inserted, so the rest of the file (its comments, quoting, flow
 * or block style, field order) stays byte for byte as its author wrote it.
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';

/** A value the importer writes: text, a list of ids, a list of flat mappings, or a mapping of text. */
export type PatchValue = string | string[] | Array<Record<string, string>> | Record<string, string>;

/** One change to the frontmatter: set a field (top level, or one level down such as `title.en`), or append to a list. */
export type FieldEdit =
  | { op: 'set'; path: [string] | [string, string]; value: PatchValue }
  | { op: 'append'; path: [string]; items: Array<string | Record<string, string>> };

/** Where the order of the authoring format puts each top-level field (new fields go after their predecessor). */
export const FIELD_ORDER = [
  'code',
  'title',
  'summary',
  'lang',
  'scope',
  'scopeNote',
  'doctype',
  'tier',
  'topics',
  'sectors',
  'body',
  'authority',
  'committee',
  'level',
  'status',
  'key',
  'release',
  'version',
  'versions',
  'dates',
  'references',
  'supersedes',
  'related',
  'adopts',
  'ics',
  'ccs',
  'plan',
  'requirements',
  'sources',
  'updated',
];

const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A scalar as YAML text: ids and release names plain, everything else double-quoted (JSON strings are valid YAML). */
function scalar(value: string): string {
  return PLAIN_SAFE.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value) &&
    !/^[\d.+-]+$/.test(value) &&
    !/^\d{4}-\d{2}/.test(value)
    ? value
    : JSON.stringify(value);
}

/** A flat mapping as one flow line: `{ version: "15.0.0", date: "2017-03", release: R15 }` (text quoted, releases plain). */
function flowMap(map: Record<string, string>): string {
  return `{ ${Object.entries(map)
    .map(([k, v]) => `${k}: ${/^R\d+$/.test(v) ? v : JSON.stringify(v)}`)
    .join(', ')} }`;
}

/** A value written as the YAML of one field at `indent`; the first line continues after `key:`. */
function render(value: PatchValue, indent: string): string {
  if (typeof value === 'string') return ` ${scalar(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    const items: ReadonlyArray<string | Record<string, string>> = value;
    if (items.every((v) => typeof v === 'string')) return ` [${items.map(scalar).join(', ')}]`;
    return items.map((v) => `\n${indent}  - ${typeof v === 'string' ? scalar(v) : flowMap(v)}`).join('');
  }
  return Object.entries(value)
    .map(([k, v]) => `\n${indent}  ${k}: ${scalar(v)}`)
    .join('');
}

/** The offset just after the line on which `offset` (exclusive end of a node) ends. */
function endOfLine(text: string, end: number): number {
  let p = end;
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  const nl = text.indexOf('\n', p);
  return nl === -1 ? text.length : nl + 1;
}

function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isScalar(p.key) && p.key.value === key);
}

/** The text range of a pair, from the start of its key's line to the end of its value's last line. */
function pairRange(text: string, pair: Pair): [number, number] {
  const key = pair.key as { range?: [number, number, number] };
  const value = pair.value as { range?: [number, number, number] } | null;
  const start = startOfLine(text, key.range![0]);
  const end = endOfLine(text, value?.range ? value.range[1] : key.range![1]);
  return [start, end];
}

/**
 * Applies edits to frontmatter text (without its `---` fences) and returns the new text. Unchanged fields keep
 * every byte; a changed field is rewritten on its own lines; a new field is inserted where the authoring order puts it.
 */
export function patchFrontmatter(frontmatter: string, edits: readonly FieldEdit[]): string {
  let text = frontmatter;
  // One edit at a time on fresh text: each edit's offsets come from a parse of the text it changes.
  for (const edit of edits) {
    const doc = parseDocument(text, { keepSourceTokens: false });
    if (!isMap(doc.contents)) throw new Error('the frontmatter is not a mapping');
    const root = doc.contents;
    const [top, sub] = edit.path;
    const pair = pairOf(root, top);
    let splice: Splice;
    if (edit.op === 'append') {
      const seq = pair?.value;
      if (!pair || !isSeq(seq)) {
        splice = insertField(text, root, top, edit.items as PatchValue);
      } else if (seq.flow) {
        const all = [...seq.items.map((i) => (isScalar(i) ? String(i.value) : String(i))), ...(edit.items as string[])];
        splice = { from: seq.range![0], to: seq.range![1], text: `[${all.map(scalar).join(', ')}]` };
      } else {
        const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
        const at = endOfLine(text, last.range![1]);
        const itemLine = text.slice(startOfLine(text, last.range![0]), last.range![0]);
        const indent = itemLine.replace(/-\s*$/, '');
        splice = {
          from: at,
          to: at,
          text: edit.items.map((i) => `${indent}- ${typeof i === 'string' ? scalar(i) : flowMap(i)}\n`).join(''),
        };
      }
    } else if (sub === undefined) {
      if (!pair) splice = insertField(text, root, top, edit.value);
      else {
        const [from, to] = pairRange(text, pair);
        const indent = text.slice(from, (pair.key as { range: [number] }).range[0]);
        splice = { from, to, text: `${indent}${top}:${render(edit.value, indent)}\n` };
      }
    } else {
      const inner = pair?.value;
      if (!pair || !isMap(inner)) {
        splice = pair
          ? (() => {
              const [from, to] = pairRange(text, pair);
              return { from, to, text: `${top}:${render({ [sub]: edit.value as string }, '')}\n` };
            })()
          : insertField(text, root, top, { [sub]: edit.value as string });
      } else {
        const child = pairOf(inner, sub);
        if (child && isScalar(child.value)) {
          const range = child.value.range!;
          splice = { from: range[0], to: range[1], text: scalar(edit.value as string) };
        } else if (inner.flow) {
          const entries: Array<[string, string]> = inner.items.map((p) => [
            isScalar(p.key) ? String(p.key.value) : '',
            isScalar(p.value) ? String(p.value.value) : '',
          ]);
          entries.push([sub, edit.value as string]);
          splice = { from: inner.range![0], to: inner.range![1], text: flowMap(Object.fromEntries(entries)) };
        } else {
          const last = inner.items[inner.items.length - 1]!;
          const at = pairRange(text, last)[1];
          const indent = text.slice(
            startOfLine(text, (last.key as { range: [number] }).range[0]),
            (last.key as { range: [number] }).range[0],
          );
          splice = { from: at, to: at, text: `${indent}${sub}: ${scalar(edit.value as string)}\n` };
        }
      }
    }
    text = text.slice(0, splice.from) + splice.text + text.slice(splice.to);
  }
  return text;
}

/** Inserts a new top-level field after the nearest field that precedes it in the authoring order. */
function insertField(text: string, root: YAMLMap, key: string, value: PatchValue): Splice {
  const order = FIELD_ORDER.indexOf(key);
  let after: Pair | undefined;
  for (let i = order - 1; i >= 0 && !after; i--) after = pairOf(root, FIELD_ORDER[i]!);
  const at = after ? pairRange(text, after)[1] : 0;
  return { from: at, to: at, text: `${key}:${render(value, '')}\n` };
}
