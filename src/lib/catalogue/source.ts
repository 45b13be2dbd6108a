import { FAILSAFE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LIMITS } from './limits.ts';
import { fieldPath } from './problems.ts';
import type { RuleId } from './rule-ids.ts';

/** A YAML document turned into plain data. */
export interface YamlSource {
  /** The data, or undefined when the YAML could not be parsed. */
  data: unknown;
  /** Line (1-based, in the whole file) of each field path, e.g. `requirements[0].unit`. */
  lines: LineMap;
  /** YAML syntax errors and limits exceeded, with their line and the field where one is known. */
  errors: Array<{ line: number; message: string; field?: string; rule?: RuleId; suggestion?: string }>;
}

/** Keys that would reach an object's prototype instead of being a field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deeply a YAML text nests, read from the text itself before any parser recurses into it: flow brackets, and
 * block indentation with `- ` markers. Quoted text is skipped. Over-estimates a little, never under.
 */
export function yamlNesting(text: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let atLineStart = true;
  let indent = 0;
  let markers = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      atLineStart = true;
      indent = 0;
      markers = 0;
      if (quote === "'") continue;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (atLineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      if (c === '-' && text[i + 1] === ' ') {
        markers++;
        indent += 2;
        i++;
        continue;
      }
      atLineStart = false;
      const depth = Math.ceil(indent / 2) + markers;
      if (depth > deepest.depth) deepest = { depth, line };
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    // A quote opens a quoted scalar only where a value starts (`key: "…"`, `[ '…'`), not as an apostrophe.
    if ((c === '"' || c === "'") && /^$|[\s:[{,-]$/.test(text[i - 1] ?? '')) quote = c;
    else if (c === '[' || c === '{') {
      flow++;
      if (flow > deepest.depth) deepest = { depth: flow, line };
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return deepest;
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
  // Parsers recurse into nesting: refuse deep nesting before one can run out of stack.
  const nesting = yamlNesting(text);
  if (nesting.depth > LIMITS.yamlDepth)
    return {
      data: undefined,
      lines,
      errors: [
        {
          line: nesting.line + firstLine - 1,
          rule: 'yaml-limit',
          message: `the YAML nests ${nesting.depth} levels deep here; the limit is ${LIMITS.yamlDepth}`,
          suggestion: 'flatten the structure; no field of the catalogue needs this depth',
        },
      ],
    };
  let raw: unknown;
  try {
    raw = load(text, { schema: FAILSAFE_SCHEMA, json: false });
  } catch (error) {
    if (error instanceof RangeError)
      return {
        data: undefined,
        lines,
        errors: [
          {
            line: firstLine,
            rule: 'yaml-limit',
            message: `the YAML nests too deeply to read (limit ${LIMITS.yamlDepth} levels)`,
          },
        ],
      };
    return { data: undefined, lines, errors: [syntaxError(text, firstLine, error as YAMLException)] };
  }
  const errors: YamlSource['errors'] = [];
  let values = 0;
  class TooLarge extends Error {
    readonly path: ReadonlyArray<string | number>;
    constructor(path: ReadonlyArray<string | number>) {
      super('too large');
      this.path = path;
    }
  }
  const convert = (node: unknown, path: Array<string | number>): unknown => {
    // Aliases are shared by reference, so a few lines can stand for billions of values: count as we expand.
    if (++values > LIMITS.yamlValues) throw new TooLarge(path);
    if (path.length > LIMITS.yamlDepth) throw new TooLarge(path);
    if (typeof node === 'string') return scalar(node, kind(path));
    if (Array.isArray(node)) return node.map((item, i) => convert(item, [...path, i]));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (PROTOTYPE_KEYS.has(key)) {
          const field = fieldPath([...path, key]);
          errors.push({
            line: lines.get(field) ?? firstLine,
            field,
            rule: 'unknown-field',
            message: `"${key}" is not a field name`,
            suggestion: 'remove it',
          });
          continue;
        }
        out[key] = convert(value, [...path, key]);
      }
      return out;
    }
    return node ?? null;
  };
  let data: unknown;
  try {
    data = convert(raw, []);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    const alias = /(?:^|[\s[{,:])\*[^\s,[\]{}]+/m.exec(text);
    // Without aliases the limit is crossed where the values are written: name that field (a requirement row's own).
    let at: { field: string; line: number } | undefined;
    for (let n = error.path.length; !alias && n > 0 && !at; n--) {
      const field = fieldPath(error.path.slice(0, n));
      const found = lines.get(field);
      if (found !== undefined) at = { field, line: found };
    }
    const line = alias ? text.slice(0, alias.index + 1).split('\n').length + firstLine - 1 : (at?.line ?? firstLine);
    return {
      data: undefined,
      lines,
      errors: [
        {
          line,
          ...(at ? { field: at.field } : {}),
          rule: 'yaml-limit',
          message:
            alias || !at
              ? `the YAML expands to more than ${LIMITS.yamlValues} values or ${LIMITS.yamlDepth} levels`
              : `the YAML holds more than ${LIMITS.yamlValues} values; this one is past the limit`,
          suggestion: alias
            ? 'aliases (*name) repeat whole blocks; write the values out instead'
            : 'split the data or shorten it',
        },
      ],
    };
  }
  return { data, lines, errors };
}

/** Explains a YAML syntax error; the position-keeping parser words most of them better. */
function syntaxError(text: string, firstLine: number, fallback: YAMLException): YamlSource['errors'][number] {
  if (/expected a single document/.test(fallback.reason ?? fallback.message))
    return {
      line: text.split('\n').findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) + firstLine,
      field: 'file',
      message: 'the file holds more than one YAML document (a second "---" line)',
      suggestion: 'keep one document: remove the extra "---" and what follows it, or merge the fields',
    };
  const counter = new LineCounter();
  const [first] = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false }).errors;
  if (first?.code === 'DUPLICATE_KEY' || /duplicated mapping key/.test(fallback.reason ?? ''))
    return {
      line: first ? counter.linePos(first.pos[0]).line + firstLine - 1 : (fallback.mark?.line ?? 0) + firstLine,
      message: 'a field is given twice (YAML map keys must be unique)',
    };
  if (first)
    return {
      line: counter.linePos(first.pos[0]).line + firstLine - 1,
      message: `YAML syntax error: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    };
  return {
    line: (fallback.mark?.line ?? 0) + firstLine,
    message: `YAML syntax error: ${fallback.reason ?? fallback.message}`,
  };
}

/**
 * The top-level field a line of YAML belongs to (the nearest key at column 0 at or above it), for messages about
 * text no parser could read; undefined above the first key.
 */
export function fieldAtLine(text: string, line: number, firstLine = 1): string | undefined {
  const rows = text.split('\n').slice(0, Math.max(0, line - firstLine + 1));
  for (let i = rows.length - 1; i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(rows[i]!);
    if (key) return key[1];
  }
  return undefined;
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
