/** Validation of one file against its schema, with problems placed on lines and fields. */
import type { z } from 'astro/zod';
import { analyseBody } from './body/index.ts';
import { fieldPath, show, type Problem } from './problems.ts';
import {
  type ReferenceCollection,
  REFERENCE_SCHEMAS,
  standardSchema,
  type StandardData,
  ID_PATTERN,
} from './schemas/index.ts';
import { LIMITS } from './limits.ts';
import { fieldAtLine, type FieldKind, type LineMap, parseYaml, splitFrontmatter, type YamlSource } from './source.ts';
import { didYouMean } from './suggest.ts';

/** A file of the catalogue as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  /** File name without extension. */
  id: string;
  text: string;
}

/** A standard whose frontmatter passed its schema. */
export interface ValidStandard {
  id: string;
  file: string;
  data: StandardData;
  /** The MDX body, untouched. */
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** Line of each frontmatter field. */
  lines: LineMap;
  /** Root-relative links of the body, with their line in the file: each must lead to a page. */
  links: Array<{ line: number; url: string }>;
}

/** A reference record (sector, topic, …) that passed its schema. */
export interface ValidRecord<T> {
  id: string;
  file: string;
  data: T;
  lines: LineMap;
}

/** Which frontmatter fields of an entry are numbers or booleans (the rest is text), as the check reads them. */
export const STANDARD_FIELDS: FieldKind = (path) =>
  path.length === 3 && path[0] === 'requirements' && ['value', 'min', 'max'].includes(String(path[2]))
    ? 'number'
    : path.length === 1 && path[0] === 'key'
      ? 'boolean'
      : 'text';

const REFERENCE_FIELDS: FieldKind = (path) =>
  (path.length === 1 && ['article', 'order', 'threshold'].includes(String(path[0]))) ||
  (path.length === 2 && (path[0] === 'units' || path[0] === 'range'))
    ? 'number'
    : path.length === 2 && path[0] === 'filter' && path[1] === 'key'
      ? 'boolean'
      : 'text';

/** Describes what a schema expects at a path, for messages about unknown fields. */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } };
    for (let i = 0; i < 10; i++) {
      const def = node?._zod?.def;
      if (!def) break;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
        node = def.innerType as typeof node;
      else if (def.type === 'pipe') node = def.in as typeof node;
      else break;
    }
    return node;
  };
  for (const part of path) {
    current = unwrap(current);
    const def = (
      current as {
        _zod?: { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } };
      }
    )._zod?.def;
    if (!def) return [];
    if (def.type === 'object' && typeof part === 'string') current = def.shape?.[part];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  const def = (unwrap(current) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Fields renamed in the authoring format: the old name → the new one. */
const RENAMED: Record<string, string> = { links: 'sources' };

/** Where to point when a field is missing: the field that makes it necessary. */
const NEEDED_BY: Record<string, string> = { sectors: 'tier' };

function lineFor(lines: LineMap, path: ReadonlyArray<PropertyKey>, fallback: number): number {
  for (let n = path.length; n > 0; n--) {
    const key = fieldPath(path.slice(0, n));
    const line = lines.get(key) ?? (NEEDED_BY[key] ? lines.get(NEEDED_BY[key]) : undefined);
    if (line !== undefined) return line;
  }
  return fallback;
}

/** Turns zod issues into problems an author can act on. */
export function issuesToProblems(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lines: LineMap,
  fallbackLine: number,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const input = (issue as { input?: unknown }).input;
    const base = { file, severity: 'error' as const };
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          const keyPath = [...path, key];
          problems.push({
            ...base,
            line: lineFor(lines, keyPath, fallbackLine),
            field: fieldPath(keyPath),
            rule: 'unknown-field',
            message: `unknown field "${key}"`,
            expected: known.length ? `one of ${known.join(', ')}` : undefined,
            suggestion:
              RENAMED[key] && known.includes(RENAMED[key])
                ? `"${key}" is now called "${RENAMED[key]}"; rename the field`
                : didYouMean(key, known),
          });
        }
        break;
      }
      case 'invalid_type': {
        const missing = input === undefined;
        problems.push({
          ...base,
          line: lineFor(lines, path, fallbackLine),
          field: fieldPath(path),
          rule: missing ? 'missing-field' : 'wrong-type',
          message: missing
            ? `missing required field "${fieldPath(path)}"`
            : input === null
              ? 'the field is empty'
              : 'wrong type of value',
          expected: typeName(issue.expected),
          got: missing ? undefined : show(input),
        });
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        problems.push({
          ...base,
          line: lineFor(lines, path, fallbackLine),
          field: fieldPath(path),
          rule: 'invalid-value',
          message: 'value not allowed',
          expected: values.length === 1 ? show(values[0]) : `one of ${values.join(' | ')}`,
          got: show(input),
          suggestion:
            typeof input === 'string' || typeof input === 'number' ? didYouMean(String(input), values) : undefined,
        });
        break;
      }
      default: {
        const expectation =
          issue.code === 'invalid_format' ||
          (issue as { params?: { expectation?: boolean } }).params?.expectation === true;
        const at = { ...base, line: lineFor(lines, path, fallbackLine), field: fieldPath(path) };
        if (expectation)
          problems.push({
            ...at,
            rule: 'invalid-value',
            message: 'value not allowed',
            expected: issue.message,
            got: show(input),
          });
        else if (issue.code === 'too_small') problems.push({ ...at, rule: 'invalid-value', message: tooSmall(issue) });
        else if (issue.code === 'too_big') {
          const limit = (issue as { maximum?: number | bigint }).maximum;
          const length = typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
          problems.push({
            ...at,
            rule: 'size',
            message: `too long: ${length ?? 'more than the limit'}${length !== undefined ? ((issue as { origin?: string }).origin === 'array' ? ' items' : ' characters') : ''}; the limit is ${String(limit)}`,
            suggestion: 'shorten it; the full text belongs in the standard itself',
          });
        } else problems.push({ ...at, rule: 'invalid-entry', message: issue.message });
      }
    }
  }
  return problems;
}

function tooSmall(issue: z.core.$ZodIssue): string {
  const origin = (issue as { origin?: string }).origin;
  if (origin === 'string') return 'the text is empty';
  if (origin === 'array') return 'the list is empty';
  return issue.message;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping of fields';
    case 'array':
      return 'a list, e.g. [a, b]';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

/** YAML errors as problems, each on the field its line belongs to. */
function yamlProblems(file: string, text: string, firstLine: number, errors: YamlSource['errors']): Problem[] {
  return errors.map((error) => ({
    file,
    line: error.line,
    field: error.field ?? fieldAtLine(text, error.line, firstLine) ?? 'yaml',
    rule: error.rule ?? 'yaml',
    severity: 'error' as const,
    message: error.message,
    ...(error.suggestion ? { suggestion: error.suggestion } : {}),
  }));
}

/** The file name is the id: lower-case letters, digits and hyphens. */
function fileNameProblems(source: SourceFile, what: string, extension: string): Problem[] {
  if (ID_PATTERN.test(source.id)) return [];
  return [
    {
      file: source.path,
      line: 1,
      field: 'id',
      rule: 'file-name',
      severity: 'error',
      message: `the file name is the ${what} and must use lower-case letters, digits and hyphens`,
      got: JSON.stringify(source.id),
      suggestion: `rename the file to ${suggestId(source.id)}${extension}`,
    },
  ];
}

/** Validates one `content/standards/<id>.mdx`: file name, frontmatter, body safety. */
export function validateStandardFile(source: SourceFile): {
  entry?: ValidStandard;
  partial?: ValidStandard;
  problems: Problem[];
} {
  const problems: Problem[] = fileNameProblems(source, 'entry id', '.mdx');
  const file = source.path;
  const split = splitFrontmatter(source.text);
  if (!split) {
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      rule: 'frontmatter',
      severity: 'error',
      message: 'the file must start with YAML frontmatter between two lines of ---',
      suggestion: 'run `npm run new` to start from a valid entry',
    });
    return { problems };
  }
  if (source.text.length > LIMITS.standardFileBytes || split.body.length > LIMITS.bodyChars) {
    const body = split.body.length > LIMITS.bodyChars;
    problems.push({
      file,
      line: body ? split.bodyLine : 1,
      field: body ? 'body' : 'file',
      rule: 'size',
      severity: 'error',
      message: body
        ? `the body is ${split.body.length} characters long; the limit is ${LIMITS.bodyChars}`
        : `the file is ${source.text.length} characters long; the limit is ${LIMITS.standardFileBytes}`,
      suggestion: 'an entry describes a standard in a few pages; link to the standard for its full text',
    });
    return { problems };
  }
  const yaml = parseYaml(split.frontmatter, STANDARD_FIELDS, split.frontmatterLine);
  problems.push(...yamlProblems(file, split.frontmatter, split.frontmatterLine, yaml.errors));
  if (yaml.data === undefined) return { problems };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      rule: 'frontmatter',
      severity: 'error',
      message: 'the frontmatter must be a mapping of fields (key: value)',
    });
    return { problems };
  }
  const result = standardSchema.safeParse(yaml.data, { reportInput: true });
  if (!result.success) problems.push(...issuesToProblems(standardSchema, result.error.issues, file, yaml.lines, 1));
  const lang = result.success ? result.data.lang : (yaml.data as { lang?: unknown }).lang === 'en' ? 'en' : 'zh';
  const body = analyseBody(split.body, lang);
  const bodyIssues = body.issues;
  const links: ValidStandard['links'] = body.links.map((link) => ({ ...link, line: link.line + split.bodyLine - 1 }));
  for (const issue of bodyIssues)
    problems.push({
      file,
      line: issue.line + split.bodyLine - 1,
      field: 'body',
      rule: issue.rule,
      severity: 'error',
      message: issue.message,
      suggestion: issue.suggestion,
    });
  if (
    /\bTODO\b/.test(split.body) ||
    (result.success && /\bTODO\b/.test(`${result.data.summary?.zh ?? ''} ${result.data.summary?.en ?? ''}`))
  )
    problems.push({
      file,
      line: split.bodyLine,
      field: 'body',
      rule: 'template-text',
      severity: 'warning',
      message: 'the entry still has TODO text from `npm run new`',
      suggestion: 'replace it with the scope of the standard in your own words',
    });
  if (result.success && bodyIssues.length === 0 && split.body.trim() !== '') {
    const langs = body.languages;
    if (langs.length === 1)
      problems.push({
        file,
        line: split.bodyLine,
        field: 'body',
        rule: 'body-one-language',
        severity: 'warning',
        message: `the body is only in ${langs[0] === 'zh' ? 'Chinese' : 'English'}; the ${langs[0] === 'zh' ? 'English' : 'Chinese'} page shows it with a note`,
        suggestion: `add the translation: wrap the body in <Body lang="${langs[0]}">…</Body> and add <Body lang="${langs[0] === 'zh' ? 'en' : 'zh'}">…</Body> (see CONTRIBUTING.md)`,
      });
  }
  if (result.success && problems.every((p) => p.severity === 'warning'))
    return {
      entry: {
        id: source.id,
        file,
        data: result.data,
        body: split.body,
        bodyLine: split.bodyLine,
        lines: yaml.lines,
        links,
      },
      problems,
    };
  // Still cross-check the fields that are valid on their own, so one run reports every problem.
  const partial = {
    id: source.id,
    file,
    data: result.success ? result.data : partialData(yaml.data as Record<string, unknown>),
    body: split.body,
    bodyLine: split.bodyLine,
    lines: yaml.lines,
    links,
  };
  return { partial, problems };
}

/** The fields of invalid frontmatter that pass their own schema, with list defaults filled. */
function partialData(raw: Record<string, unknown>): StandardData {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(standardSchema.shape)) {
    if (!(key in raw)) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
    else if (Array.isArray(raw[key])) {
      // Keep the items that are usable on their own, at their own index (a sparse list).
      const items = raw[key] as unknown[];
      const kept: unknown[] = new Array(items.length);
      items.forEach((item, i) => {
        if (key === 'requirements') {
          const r = item as { metric?: unknown; unit?: unknown } | null;
          if (r && typeof r.metric === 'string' && typeof r.unit === 'string')
            kept[i] = { metric: r.metric, unit: r.unit };
        } else if ((fieldSchema as z.ZodType).safeParse([item]).success) kept[i] = item;
      });
      out[key] = kept;
    }
  }
  for (const key of [
    'topics',
    'sectors',
    'references',
    'supersedes',
    'related',
    'adopts',
    'requirements',
    'plan',
    'ics',
    'ccs',
    'versions',
  ])
    out[key] ??= [];
  return out as StandardData;
}

/** Validates one reference record, `content/<collection>/<id>.yaml`. */
export function validateReferenceFile<C extends ReferenceCollection>(
  collection: C,
  source: SourceFile,
): { record?: ValidRecord<z.infer<(typeof REFERENCE_SCHEMAS)[C]>>; problems: Problem[] } {
  const problems: Problem[] = fileNameProblems(source, 'id', '.yaml');
  const file = source.path;
  if (source.text.length > LIMITS.referenceFileBytes) {
    problems.push({
      file,
      line: 1,
      field: 'file',
      rule: 'size',
      severity: 'error',
      message: `the file is ${source.text.length} characters long; the limit is ${LIMITS.referenceFileBytes}`,
    });
    return { problems };
  }
  const yaml = parseYaml(source.text, REFERENCE_FIELDS, 1);
  problems.push(...yamlProblems(file, source.text, 1, yaml.errors));
  if (yaml.data === undefined) return { problems };
  const schema = REFERENCE_SCHEMAS[collection];
  const result = schema.safeParse(yaml.data ?? {}, { reportInput: true });
  if (!result.success) problems.push(...issuesToProblems(schema, result.error.issues, file, yaml.lines, 1));
  if (!result.success || problems.length) return { problems };
  return {
    record: { id: source.id, file, data: result.data as z.infer<(typeof REFERENCE_SCHEMAS)[C]>, lines: yaml.lines },
    problems,
  };
}

/** A valid id close to a file name: `YD_T 3627.mdx` → `yd-t-3627`. */
export function suggestId(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'new-entry'
  );
}
