/**
 * Writes changed values into a YAML text without touching anything else: each change replaces only the text of the
 * value that changed (a scalar keeps its quoting style), a new field is inserted where the schema orders it, a
 * removed one takes its lines with it. Unchanged lines, comments and formatting stay byte for byte. The browser
 * editor saves through it and the importer writes its edits through it; what it knows of a schema comes from
 * `patch-schema.ts`.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type Scalar } from 'yaml';

/** A path into the data: keys and list indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** What the patcher needs to know of the schema: key order, defaults, and how to write a new scalar. */
export interface PatchSchema {
  /** The keys of the mapping at a path, in the order the schema lists them. */
  keys(path: DataPath): readonly string[];
  /** The value the check assumes when the field at a path is absent (`[]`, `false`), if any. */
  defaultValue(path: DataPath): unknown;
  /** Whether a new string at a path is free text (written quoted) or a code such as an id, enum or date (plain). */
  isText(path: DataPath): boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among insertions at one place, the schema rank of the field (applied last = written first). */
  order?: number;
}

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value stands for "nothing given": undefined, null, empty text, an empty list or mapping. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

/** Deep equality of plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameData(a[k], b[k]));
  }
  return false;
}

/**
 * The value as the check reads it, with "nothing given" and defaults dropped, so that `sectors: []`, an absent
 * `sectors` and an emptied list in the form compare equal.
 */
export function normalizeData(value: unknown, schema: PatchSchema, path: DataPath = []): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v, i) => normalizeData(v, schema, [...path, i]) ?? null);
    return items.length ? items : undefined;
  }
  if (isObject(value)) {
    const out: Plain = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalizeData(v, schema, [...path, k]);
      if (n === undefined) continue;
      const fallback = schema.defaultValue([...path, k]);
      if (fallback !== undefined && sameData(normalizeData(fallback, schema, [...path, k]) ?? null, n)) continue;
      out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === undefined || value === null || value === '') return undefined;
  return value;
}

const same = (a: unknown, b: unknown, schema: PatchSchema, path: DataPath) =>
  sameData(normalizeData(a, schema, path) ?? null, normalizeData(b, schema, path) ?? null);

// Characters a YAML double-quoted scalar must escape beyond what JSON escapes.
const YAML_UNPRINTABLE = /[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A string as a YAML double-quoted scalar. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(YAML_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const RESERVED_PLAIN = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
/** Text a YAML 1.2 reader would take for a number. */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-f]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:e[-+]?[0-9]+)?|\.inf|\.nan)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string can be written without quotes and read back as the same text, in a block or flow context. */
export function plainSafe(value: string, inFlow: boolean): boolean {
  if (!value || value !== value.trim() || RESERVED_PLAIN.test(value)) return false;
  if (/[\n\r\t]/.test(value) || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  return true;
}

/** A string as a plain scalar when the original was plain and it stays safe, else double-quoted. */
function scalarText(value: unknown, style: Scalar['type'] | 'CODE' | 'TEXT', inFlow: boolean, indent: number): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return '';
  const text = value;
  // Paragraphs of plain text are written as a literal block; anything with control characters stays quoted.
  const literal = text.includes('\n') && !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);
  if (literal && !inFlow && (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED' || style === 'TEXT')) {
    const pad = ' '.repeat(indent + 2);
    const chomp = text.endsWith('\n') ? (text.endsWith('\n\n') ? '+' : '') : '-';
    if (!/^[ \t]/.test(text))
      return `|${chomp}\n${text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => (line ? pad + line : ''))
        .join('\n')}`;
  }
  if (style === 'PLAIN' && plainSafe(text, inFlow) && (!NUMBER_LIKE.test(text) || ISO_DATE.test(text))) return text;
  // A new id, enum value or date is written plain, as authors write them; anything else is quoted.
  if (
    style === 'CODE' &&
    plainSafe(text, inFlow) &&
    (ISO_DATE.test(text) || (/^[A-Za-z0-9][\w./-]*$/.test(text) && !NUMBER_LIKE.test(text)))
  )
    return text;
  if (style === 'QUOTE_SINGLE' && !/[\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text))
    return `'${text.replace(/'/g, "''")}'`;
  return doubleQuoted(text);
}

/** Renders a new value: lists of scalars and small mappings in flow style, as `npm run new` writes them. */
function render(value: unknown, schema: PatchSchema, path: DataPath, indent: number, inFlow = false): string {
  const styleOf = (p: DataPath) => (schema.isText(p) ? 'TEXT' : 'CODE');
  if (Array.isArray(value)) {
    if (value.every((v) => !Array.isArray(v) && !isObject(v)) || inFlow)
      return `[${value.map((v, i) => render(v, schema, [...path, i], indent, true)).join(', ')}]`;
    const pad = ' '.repeat(indent + 2);
    return value
      .map((item, i) => {
        const at = [...path, i];
        if (isObject(item) && !flowable(item)) {
          const body = renderMap(item, schema, at, indent + 4);
          return `\n${pad}- ${body.slice(indent + 4)}`;
        }
        return `\n${pad}- ${render(item, schema, at, indent + 2, isObject(item)).replace(/^ /, '')}`;
      })
      .join('');
  }
  if (isObject(value)) {
    const keys = orderedKeys(value, schema, path);
    if (inFlow)
      return `{ ${keys.map((k) => `${keyText(k)}: ${render(value[k], schema, [...path, k], indent, true)}`).join(', ')} }`;
    return `\n${renderMap(value, schema, path, indent + 2)}`;
  }
  return scalarText(value, styleOf(path), inFlow, indent);
}

/** A list item of a few one-line values (a source: label and URL; an adoption; a version) is written on one line. */
function flowable(value: Plain): boolean {
  const values = Object.values(value).filter((v) => v !== undefined);
  return (
    values.length > 0 &&
    values.length <= 4 &&
    values.every(
      (v) =>
        (typeof v === 'string' && !v.includes('\n')) ||
        typeof v === 'number' ||
        typeof v === 'boolean' ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    )
  );
}

function renderMap(value: Plain, schema: PatchSchema, path: DataPath, indent: number): string {
  const pad = ' '.repeat(indent);
  return orderedKeys(value, schema, path)
    .map((k) => {
      const text = render(value[k], schema, [...path, k], indent);
      return `${pad}${keyText(k)}:${text.startsWith('\n') ? '' : ' '}${text}`;
    })
    .join('\n');
}

const keyText = (key: string) => (plainSafe(key, true) && !NUMBER_LIKE.test(key) ? key : doubleQuoted(key));

function orderedKeys(value: Plain, schema: PatchSchema, path: DataPath): string[] {
  const order = schema.keys(path);
  const present = Object.keys(value).filter((k) => value[k] !== undefined);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return present.sort((a, b) => rank(a) - rank(b));
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const nextLine = (text: string, pos: number) => {
  const at = text.indexOf('\n', pos);
  return at === -1 ? text.length : at + 1;
};
/** The start of the line after a node that ends at `pos` (a block node's end may already be there). */
const afterNode = (text: string, pos: number) => (pos > 0 && text[pos - 1] === '\n' ? pos : nextLine(text, pos));

/** The key of a pair as text. */
const pairKey = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

/** Where a value ends: after its text, before a trailing comment. */
const valueEnd = (node: YamlNode) => node.range![1];

class Patcher {
  edits: Edit[] = [];
  readonly text: string;
  readonly schema: PatchSchema;
  constructor(text: string, schema: PatchSchema) {
    this.text = text;
    this.schema = schema;
  }

  /** The column of the keys of a block mapping. */
  column(pos: number) {
    return pos - lineStart(this.text, pos);
  }

  /** Replaces a pair's value with a rendering of the new one. */
  replaceValue(pair: Pair, value: unknown, path: DataPath, indent: number, inFlow: boolean) {
    const key = pair.key as YamlNode;
    const colon = this.text.indexOf(':', key.range![1]);
    const node = pair.value as YamlNode | null;
    const end = node?.range ? valueEnd(node) : colon + 1;
    const rendered = render(value, this.schema, path, indent, inFlow);
    this.edits.push({ start: colon + 1, end, text: rendered.startsWith('\n') ? rendered : ` ${rendered}` });
  }

  /** Patches a mapping node from `before` to `after`. */
  map(node: YamlNode, before: Plain, after: Plain, path: DataPath) {
    if (!isMap(node)) throw new Error(`expected a mapping at ${path.join('.') || 'the top'}`);
    const pairs = new Map(node.items.filter(isPair).map((p) => [pairKey(p), p]));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...pairs.keys()])];
    const inFlow = node.flow === true;
    const firstKey = node.items[0]?.key as YamlNode | undefined;
    const indent = firstKey?.range ? this.column(firstKey.range[0]) : 0;
    if (
      inFlow &&
      keys.some(
        (k) => !pairs.has(k) !== (after[k] === undefined) && !same(before[k], after[k], this.schema, [...path, k]),
      )
    ) {
      // A key added to or removed from a one-line mapping: write the mapping again.
      this.edits.push({
        start: node.range![0],
        end: valueEnd(node),
        text: render(after, this.schema, path, indent, true),
      });
      return;
    }
    for (const key of keys) {
      const at = [...path, key];
      const pair = pairs.get(key);
      const old = before[key];
      const now = after[key];
      if (same(old, now, this.schema, at)) continue;
      if (!pair) {
        if (now !== undefined) this.insert(node, key, now, at, indent);
        continue;
      }
      if (now === undefined || now === null || now === '') {
        this.remove(pair);
        continue;
      }
      this.value(pair, old, now, at, indent, inFlow);
    }
  }

  /** Patches the value of one pair. */
  value(pair: Pair, old: unknown, now: unknown, path: DataPath, indent: number, inFlow: boolean) {
    const node = pair.value as YamlNode | null;
    if (node && isMap(node) && isObject(old) && isObject(now)) return this.map(node, old, now, path);
    if (node && isSeq(node) && !node.flow && Array.isArray(old) && Array.isArray(now))
      return this.seq(node, pair, old, now, path, indent);
    if (node && isScalar(node) && !Array.isArray(now) && !isObject(now)) {
      const text = scalarText(now, node.type ?? 'PLAIN', inFlow, indent);
      this.edits.push({ start: node.range![0], end: valueEnd(node), text });
      return;
    }
    this.replaceValue(pair, now, path, indent, inFlow);
  }

  /** Patches a block sequence item by item when it keeps its length or grows at the end. */
  seq(node: YamlNode, pair: Pair, old: unknown[], now: unknown[], path: DataPath, indent: number) {
    if (!isSeq(node)) return;
    const common = Math.min(old.length, now.length);
    const grows = now.length >= old.length;
    if (!grows || node.items.length !== old.length) return this.replaceValue(pair, now, path, indent, false);
    for (let i = 0; i < common; i++) {
      const item = node.items[i] as YamlNode;
      const at = [...path, i];
      if (same(old[i], now[i], this.schema, at)) continue;
      if (isMap(item) && isObject(old[i]) && isObject(now[i])) this.map(item, old[i] as Plain, now[i] as Plain, at);
      else if (isScalar(item) && !isObject(now[i]) && !Array.isArray(now[i]))
        this.edits.push({
          start: item.range![0],
          end: valueEnd(item),
          text: scalarText(now[i], item.type ?? 'PLAIN', false, indent + 2),
        });
      else return this.replaceValue(pair, now, path, indent, false);
    }
    if (now.length > old.length) {
      // New rows go after the last one, with its dash in the same column.
      const last = node.items.at(-1) as YamlNode | undefined;
      if (!last?.range) return this.replaceValue(pair, now, path, indent, false);
      const column = this.column(this.text.lastIndexOf('-', last.range[0]));
      const at = afterNode(this.text, valueEnd(last));
      const added = render(now.slice(old.length), this.schema, path, column - 2, false);
      this.edits.push({ start: at, end: at, text: `${added.slice(1)}\n`, order: 0 });
    }
  }

  /**
   * Inserts a new pair after the key the schema puts nearest before it (in a file whose keys are out of the schema's
   * order too: `versions` goes after `key`, wherever `key` is), or before the first key when the schema puts none
   * before it.
   */
  insert(node: YamlNode, key: string, value: unknown, path: DataPath, indent: number) {
    if (!isMap(node)) return;
    const keys = this.schema.keys(path.slice(0, -1));
    const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
    const pairs = node.items.filter(isPair);
    let before: Pair | undefined;
    for (const pair of pairs) {
      const r = rank(pairKey(pair));
      if (r <= rank(key) && (!before || r >= rank(pairKey(before)))) before = pair;
    }
    const rendered = render(value, this.schema, path, indent);
    const line = `${' '.repeat(indent)}${keyText(key)}:${rendered.startsWith('\n') ? '' : ' '}${rendered}\n`;
    // Several new fields at one place go in the schema's order.
    const order = rank(key);
    let at: number;
    if (before) {
      const end = before.value ? valueEnd(before.value as YamlNode) : (before.key as YamlNode).range![1];
      at = afterNode(this.text, end);
    } else if (pairs[0]) at = lineStart(this.text, (pairs[0].key as YamlNode).range![0]);
    else at = nextLine(this.text, node.range![0]);
    this.edits.push({ start: at, end: at, text: line, order });
  }

  /** Removes a pair with its lines. */
  remove(pair: Pair) {
    const key = pair.key as YamlNode;
    const start = lineStart(this.text, key.range![0]);
    const end = pair.value ? valueEnd(pair.value as YamlNode) : key.range![1];
    this.edits.push({ start, end: afterNode(this.text, end), text: '' });
  }

  apply(): string {
    let out = this.text;
    for (const edit of [...this.edits].sort(
      (a, b) => b.start - a.start || b.end - a.end || (b.order ?? 0) - (a.order ?? 0),
    ))
      out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
  }
}

/**
 * Writes `after` into the YAML mapping `text` (whose data is `before`), changing only the text of what differs.
 * An empty text gets every field rendered in schema order.
 */
export function patchYaml(text: string, before: Plain, after: Plain, schema: PatchSchema): string {
  if (!text.trim()) {
    const rendered = renderMap(after, schema, [], 0);
    return rendered ? `${rendered}\n` : '';
  }
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (!doc.contents || !isMap(doc.contents)) throw new Error('the YAML is not a mapping of fields');
  const patcher = new Patcher(text, schema);
  patcher.map(doc.contents, before, after, []);
  return patcher.apply();
}
