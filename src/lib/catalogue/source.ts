import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { fieldPath } from './problems.ts';

/** A YAML document turned into plain data, with the line of every field. */
export interface YamlSource {
  /** The data, or undefined when the YAML could not be parsed. */
  data: unknown;
  /** Line (1-based, in the whole file) of each field path, e.g. `requirements[0].unit`. */
  lines: Map<string, number>;
  /** YAML syntax errors, with their line. */
  errors: Array<{ line: number; message: string }>;
}

/** Decides which field paths keep YAML numbers as numbers; every other number stays text. */
export type NumericFields = (path: ReadonlyArray<string | number>) => boolean;

/**
 * Parses YAML with the line of each key recorded. Scalars keep the text the author wrote
 * unless `numeric` says the field is a number: `clause: 5.10` stays "5.10" and `plan: [9]`
 * stays ["9"], where YAML alone would give 5.1 and 9.
 */
export function parseYaml(text: string, numeric: NumericFields, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const lines = new Map<string, number>();
  const errors = [...doc.errors, ...doc.warnings].map((error) => ({
    line: lineOf(error.pos[0]),
    message: yamlMessage(error.code, error.message),
  }));
  if (doc.errors.length) return { data: undefined, lines, errors };

  const toData = (node: unknown, path: Array<string | number>): unknown => {
    if (isAlias(node)) return toData(node.resolve(doc as Document), path);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyNode = pair.key as YamlNode | null;
        const childPath = [...path, key];
        if (keyNode?.range) lines.set(fieldPath(childPath), lineOf(keyNode.range[0]));
        out[key] = toData(pair.value, childPath);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const childPath = [...path, i];
        const range = (item as YamlNode | null)?.range;
        if (range) lines.set(fieldPath(childPath), lineOf(range[0]));
        return toData(item, childPath);
      });
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !numeric(path)) {
        return typeof node.source === 'string' && node.source !== '' ? node.source : String(node.value);
      }
      return node.value;
    }
    return node ?? null;
  };
  return { data: toData(doc.contents, []), lines, errors };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'a field is given twice (YAML map keys must be unique)';
  return `YAML syntax error: ${first}`;
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
