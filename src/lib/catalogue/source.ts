import { FAILSAFE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { fieldPath } from './problems.ts';

/** A YAML document turned into plain data. */
export interface YamlSource {
  /** The data, or undefined when the YAML could not be parsed. */
  data: unknown;
  /** Line (1-based, in the whole file) of each field path, e.g. `requirements[0].unit`. */
  lines: LineMap;
  /** YAML syntax errors, with their line. */
  errors: Array<{ line: number; message: string }>;
}

/** Decides which field paths hold numbers (or booleans); every other scalar stays text. */
export type FieldKind = (path: ReadonlyArray<string | number>) => 'number' | 'boolean' | 'text';

// YAML 1.2 core schema literals, applied only where a field is a number or a boolean.
const INT = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NULL = /^(?:~|null|Null|NULL)$/;

function scalar(value: string, kind: ReturnType<FieldKind>): unknown {
  if (NULL.test(value)) return null;
  if (kind === 'number') {
    if (INT.test(value)) return value.startsWith('0o') ? parseInt(value.slice(2), 8) : Number(value);
    if (FLOAT.test(value)) return Number(value);
    if (/^[-+]?\.inf$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  }
  if (kind === 'boolean' && /^(?:true|True|TRUE|false|False|FALSE)$/.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/**
 * Parses YAML into plain data. Scalars keep the text the author wrote unless the field is a
 * number or a boolean: `clause: 5.10` stays "5.10" and `plan: [9]` stays ["9"], where YAML's
 * core schema would give 5.1 and 9. (js-yaml's failsafe schema reads every scalar as text, ten
 * times faster than a parser that keeps positions; positions are computed only when a problem
 * needs a line, by `LineMap`.)
 */
export function parseYaml(text: string, kind: FieldKind, firstLine = 1): YamlSource {
  const lines = new LineMap(text, firstLine);
  let raw: unknown;
  try {
    raw = load(text, { schema: FAILSAFE_SCHEMA, json: false });
  } catch (error) {
    return { data: undefined, lines, errors: [syntaxError(text, firstLine, error as YAMLException)] };
  }
  const convert = (node: unknown, path: Array<string | number>): unknown => {
    if (typeof node === 'string') return scalar(node, kind(path));
    if (Array.isArray(node)) return node.map((item, i) => convert(item, [...path, i]));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) out[key] = convert(value, [...path, key]);
      return out;
    }
    return node ?? null;
  };
  return { data: convert(raw, []), lines, errors: [] };
}

/** Explains a YAML syntax error; the position-keeping parser words most of them better. */
function syntaxError(text: string, firstLine: number, fallback: YAMLException): { line: number; message: string } {
  const counter = new LineCounter();
  const [first] = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false }).errors;
  if (first?.code === 'DUPLICATE_KEY' || /duplicated mapping key/.test(fallback.reason ?? ''))
    return { line: first ? counter.linePos(first.pos[0]).line + firstLine - 1 : (fallback.mark?.line ?? 0) + firstLine, message: 'a field is given twice (YAML map keys must be unique)' };
  if (first) return { line: counter.linePos(first.pos[0]).line + firstLine - 1, message: `YAML syntax error: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
  return { line: (fallback.mark?.line ?? 0) + firstLine, message: `YAML syntax error: ${fallback.reason ?? fallback.message}` };
}

/** The line of each field of a YAML text, computed on first use (only files with problems need it). */
export class LineMap {
  #text: string;
  #firstLine: number;
  #map: Map<string, number> | undefined;

  constructor(text: string, firstLine: number) {
    this.#text = text;
    this.#firstLine = firstLine;
  }

  /** The 1-based line of a field path such as `requirements[0].unit`. */
  get(path: string): number | undefined {
    this.#map ??= fieldLines(this.#text, this.#firstLine);
    return this.#map.get(path);
  }
}

function fieldLines(text: string, firstLine: number): Map<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const lines = new Map<string, number>();
  const lineOf = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const range = (pair.key as YamlNode | null)?.range;
        const childPath = [...path, key];
        if (range && !lines.has(fieldPath(childPath))) lines.set(fieldPath(childPath), lineOf(range[0]));
        walk(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as YamlNode | null)?.range;
        if (range) lines.set(fieldPath([...path, i]), lineOf(range[0]));
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return lines;
}

/** An MDX file cut into its frontmatter and body. */
export interface MdxSource {
  /** The YAML between the two `---` lines. */
  frontmatter: string;
  /** Line (1-based) of the first frontmatter line in the file. */
  frontmatterLine: number;
  /** The MDX after the closing `---`. */
  body: string;
  /** Line (1-based) of the first body line in the file. */
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`; undefined when the file does not start with frontmatter. */
export function splitFrontmatter(text: string): MdxSource | undefined {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.startsWith('---\n')) return undefined;
  const end = source.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const afterFence = source.indexOf('\n', end + 4);
  const fenceLine = source.slice(end + 1, afterFence === -1 ? undefined : afterFence);
  if (fenceLine.trim() !== '---') return undefined;
  const frontmatter = source.slice(4, end + 1);
  const body = afterFence === -1 ? '' : source.slice(afterFence + 1);
  const bodyLine = source.slice(0, afterFence + 1).split('\n').length;
  return { frontmatter, frontmatterLine: 2, body, bodyLine };
}
