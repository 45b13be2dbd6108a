/** Validation of one file against its schema, with problems placed on lines and fields. */
import type { z } from 'astro/zod';
import { analyseBody } from './body/index.ts';
import { fieldPath, show, type Problem } from './problems.ts';
import {
  ADOPTION_DEGREES,
  type ReferenceCollection,
  REFERENCE_SCHEMAS,
  requirementSchema,
  standardSchema,
  type StandardData,
  ID_PATTERN,
} from './schemas/index.ts';
import { LIMITS } from './limits.ts';
import { isRuleId, type RuleId } from './rule-ids.ts';
import { fieldAtLine, type FieldKind, type LineMap, parseYaml, splitFrontmatter, type YamlSource } from './source.ts';
import { didYouMean, type IdCandidates, unknownIdText } from './suggest.ts';
import { entryRules, requirementRules } from './schemas/standard.ts';

/** The records an id field can name, per folder of content/: the check matches unknown ids against them. */
export type ReferenceIndex = Partial<Record<'sectors' | 'topics' | 'bodies' | 'metrics' | 'standards', IdCandidates>>;

/** What validating one file needs besides the file. */
export interface ValidateContext {
  /** YYYY-MM-DD: dates more than five years after it are refused as likely typos. */
  today?: string;
  /** The ids (and names) id fields may name, for unknown ids written in a form no id can have (`智慧港口`, `Ports`). */
  references?: ReferenceIndex;
  /**
   * Leave ids written in a form no id can have to the cross-check, which reports every unknown id of an entry
   * (set by the catalogue's loader, which runs it).
   */
  deferReferences?: boolean;
}

/** The folder of content/ an id field names, and what its records are called; undefined for other fields. */
export function referenceFolder(
  path: ReadonlyArray<PropertyKey>,
): { folder: keyof ReferenceIndex; what: string } | undefined {
  const [head, i, sub, k] = path;
  const index = (v: PropertyKey | undefined) => typeof v === 'number';
  if (head === 'filter') return referenceFolder(path.slice(1));
  if ((head === 'sectors' || head === 'topics') && index(i) && path.length === 2)
    return { folder: head, what: head === 'sectors' ? 'sector' : 'topic' };
  if (
    (head === 'body' || head === 'authority' || head === 'committee') &&
    (path.length === 1 || (head === 'body' && index(i) && path.length === 2))
  )
    return { folder: 'bodies', what: 'issuing body' };
  if ((head === 'references' || head === 'supersedes' || head === 'related') && index(i) && path.length === 2)
    return { folder: 'standards', what: 'standard' };
  if (head === 'adopts' && index(i) && sub === 'id' && path.length === 3)
    return { folder: 'standards', what: 'standard' };
  if (head === 'requirements' && index(i) && sub === 'metric' && path.length === 3)
    return { folder: 'metrics', what: 'metric' };
  if (head === 'requirements' && index(i) && sub === 'sectors' && index(k) && path.length === 4)
    return { folder: 'sectors', what: 'sector' };
  return undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const isDay = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1]!);

/**
 * What is wrong with a date the schema refused: a day that does not exist (`2025-02-30`: no such day), or a date
 * not written YYYY-MM-DD (`2025-3-15`), with the form meant where it can be told.
 */
export function dateFault(input: unknown): { message: string; expected: string; got?: string; suggestion?: string } {
  const got = show(input);
  const text = typeof input === 'string' ? input.trim() : String(input);
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (full) {
    const [y, m] = [Number(full[1]), Number(full[2])];
    const days = m >= 1 && m <= 12 ? (m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1]!) : undefined;
    return {
      message: `no such day: ${text}`,
      expected:
        days === undefined
          ? 'a month from 01 to 12'
          : `a day from 01 to ${days}: ${full[1]}-${full[2]} has ${days} days`,
    };
  }
  const loose = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const padded = loose && `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
  const valid = loose !== null && isDay(Number(loose[1]), Number(loose[2]), Number(loose[3]));
  return {
    message: 'not a date written YYYY-MM-DD',
    expected: 'YYYY-MM-DD with a four-digit year and two-digit month and day, e.g. 2021-06-25',
    got,
    ...(padded && valid ? { suggestion: `did you mean "${padded}"?` } : {}),
  };
}

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

/** Which frontmatter fields of a standard are numbers or booleans (every other scalar is read as text). */
export const STANDARD_FIELDS: FieldKind = (path) =>
  path.length === 3 && path[0] === 'requirements' && ['value', 'min', 'max'].includes(String(path[2]))
    ? 'number'
    : path.length === 1 && path[0] === 'key'
      ? 'boolean'
      : 'text';

/** Which fields of a reference file are numbers or booleans. */
export const REFERENCE_FIELDS: FieldKind = (path) =>
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

/** Frontmatter fields that hold an id of another record, and lists of such ids (the cross-check resolves them). */
const ID_FIELDS: ReadonlySet<string> = new Set(['body', 'authority', 'committee']);
const ID_LISTS: ReadonlySet<string> = new Set(['sectors', 'topics', 'references', 'supersedes', 'related']);

/** Fields renamed in the authoring format: the old name → the new one. */
const RENAMED = new Map([['links', 'sources']]);

/** Where to point when a field is missing: the field that makes it necessary. */
const NEEDED_BY = new Map([['sectors', 'tier']]);

function lineFor(lines: LineMap, path: ReadonlyArray<PropertyKey>, fallback: number): number {
  for (let n = path.length; n > 0; n--) {
    const key = fieldPath(path.slice(0, n));
    const neededBy = NEEDED_BY.get(key);
    const line = lines.get(key) ?? (neededBy ? lines.get(neededBy) : undefined);
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
  context: ValidateContext = {},
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const input = (issue as { input?: unknown }).input;
    const base = { file, severity: 'error' as const };
    if (issue.code === 'invalid_format' && issue.format === 'date') {
      problems.push({
        ...base,
        line: lineFor(lines, path, fallbackLine),
        field: fieldPath(path),
        rule: 'date-format',
        ...dateFault(input),
      });
      continue;
    }
    // An id field holding text no id can have (`智慧港口`, `Ports`): what it most likely names, as for any unknown
    // id. An entry's are left to the cross-check, which knows every entry's designation and titles.
    const reference = referenceFolder(path);
    if (
      reference &&
      issue.code === 'invalid_format' &&
      issue.format === 'regex' &&
      (issue as { pattern?: string }).pattern === String(ID_PATTERN) &&
      typeof input === 'string'
    ) {
      if (context.deferReferences) continue;
      const candidates = context.references?.[reference.folder];
      if (candidates) {
        problems.push({
          ...base,
          line: lineFor(lines, path, fallbackLine),
          field: fieldPath(path),
          rule: 'unknown-id',
          ...unknownIdText(input, reference.what, reference.folder, candidates),
        });
        continue;
      }
    }
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          const keyPath = [...path, key];
          const renamed = RENAMED.get(key);
          problems.push({
            ...base,
            line: lineFor(lines, keyPath, fallbackLine),
            field: fieldPath(keyPath),
            rule: 'unknown-field',
            message: `unknown field "${key}"`,
            expected: known.length ? `one of ${known.join(', ')}` : undefined,
            suggestion:
              renamed && known.includes(renamed)
                ? `"${key}" is now called "${renamed}"; rename the field`
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
        else if (issue.code === 'custom' && isRuleId(customParams(issue).rule))
          problems.push({
            ...at,
            rule: customParams(issue).rule as RuleId,
            message: issue.message,
            ...(customParams(issue).suggestion ? { suggestion: customParams(issue).suggestion } : {}),
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

/** The rule and suggestion a schema's own refinement names (`params: { rule, suggestion }`). */
const customParams = (issue: z.core.$ZodIssue) =>
  (issue as { params?: { rule?: string; suggestion?: string } }).params ?? {};

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

/**
 * Where most of an over-long YAML text is: its longest line, the field that line belongs to, and how long it is;
 * so that a file over its size limit is refused at the field to shorten, with the limit a text has.
 */
function longestLine(text: string, firstLine: number): { line: number; field?: string; length: number } {
  let best = { index: 0, length: -1 };
  text.split('\n').forEach((l, index) => {
    if (l.length > best.length) best = { index, length: l.length };
  });
  const line = best.index + firstLine;
  return { line, field: fieldAtLine(text, line, firstLine), length: best.length };
}

/** The problem of a file over its size limit, placed on the field that holds most of it. */
function fileSizeProblem(file: string, size: number, limit: number, yaml: string, firstLine: number): Problem {
  const longest = longestLine(yaml, firstLine);
  const where =
    longest.field !== undefined && longest.length > LIMITS.longText
      ? `; most of it is in ${longest.field} (line ${longest.line}, ${longest.length} characters; a text holds at most ${LIMITS.longText})`
      : '';
  return {
    file,
    line: where ? longest.line : 1,
    field: where ? longest.field : 'file',
    rule: 'size',
    severity: 'error',
    message: `the file is ${size} characters long; the limit is ${limit}${where}`,
    suggestion: 'shorten it: a record describes in a few sentences, and links to the source for the full text',
  };
}

/** The file name is the id: lower-case letters, digits and hyphens. */
function fileNameProblems(source: SourceFile, what: string, extension: string): Problem[] {
  if (ID_PATTERN.test(source.id) && source.id.length > LIMITS.id)
    return [
      {
        file: source.path,
        line: 1,
        field: 'id',
        rule: 'file-name',
        severity: 'error',
        message: `the file name is the ${what}, and it is ${source.id.length} characters long; the limit is ${LIMITS.id} (each id names files of the built site, and file systems limit the length of a name)`,
        suggestion: `rename the file to a shorter id, e.g. ${source.id.slice(0, LIMITS.id).replace(/-[^-]*$/, '')}${extension}`,
      },
    ];
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
export function validateStandardFile(
  source: SourceFile,
  context: ValidateContext = {},
): {
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
  if (source.text.length > LIMITS.standardFileBytes && split.body.length <= LIMITS.bodyChars) {
    problems.push(
      fileSizeProblem(file, source.text.length, LIMITS.standardFileBytes, split.frontmatter, split.frontmatterLine),
    );
    return { problems };
  }
  if (split.body.length > LIMITS.bodyChars) {
    problems.push({
      file,
      line: split.bodyLine,
      field: 'body',
      rule: 'size',
      severity: 'error',
      message: `the body is ${split.body.length} characters long; the limit is ${LIMITS.bodyChars}`,
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
  if (!result.success)
    problems.push(...issuesToProblems(standardSchema, result.error.issues, file, yaml.lines, 1, context));
  const raw = yaml.data as Record<string, unknown>;
  const data = result.success ? result.data : partialData(raw);
  if (!result.success) {
    const seen = new Set(problems.map((p) => `${p.field}|${p.message}`));
    problems.push(
      ...partialRuleProblems(raw, data, file, yaml.lines).filter((p) => !seen.has(`${p.field}|${p.message}`)),
    );
  }
  problems.push(...dateRangeProblems(data, context.today, file, yaml.lines));
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
    data,
    body: split.body,
    bodyLine: split.bodyLine,
    lines: yaml.lines,
    links,
  };
  return { partial, problems };
}

/**
 * The rules across fields, applied to what is valid of an entry the schema refused (its refinements ran on
 * nothing): an entry missing its code still hears that its effective date is before its published date. Rows of
 * `requirements` that failed on their own get their row rules from their raw fields.
 */
function partialRuleProblems(
  raw: Record<string, unknown>,
  data: StandardData,
  file: string,
  lines: LineMap,
): Problem[] {
  const issues = entryRules(data).map((issue) => ({ ...issue }));
  const rows = Array.isArray(raw.requirements) ? (raw.requirements as unknown[]) : [];
  rows.forEach((row, i) => {
    if (data.requirements[i]?.id !== undefined || row === null || typeof row !== 'object') return;
    // The row's own refinement did not run (its other fields failed): apply its rules to what is there.
    for (const issue of requirementRules(row)) issues.push({ ...issue, path: ['requirements', i, ...issue.path] });
  });
  return issues.map((issue) => ({
    file,
    line: lineFor(lines, issue.path, 1),
    field: fieldPath(issue.path),
    rule: 'invalid-entry' as const,
    severity: 'error' as const,
    message: issue.message,
  }));
}

/** How far ahead a date may be before it is refused as a likely typo, in years. */
export const FUTURE_YEARS = 5;
/** Dates before this year get a warning: older than any standard a 5G application is likely to cite. */
export const EARLY_YEAR = 1980;

/** Dates of an entry more than five years ahead of `today` (errors) or before 1980 (warnings). */
function dateRangeProblems(data: StandardData, today: string | undefined, file: string, lines: LineMap): Problem[] {
  const problems: Problem[] = [];
  const fields: Array<[Array<string>, string | undefined]> = [
    [['dates', 'published'], data.dates?.published],
    [['dates', 'effective'], data.dates?.effective],
    [['updated'], data.updated],
  ];
  const limit = today && `${Number(today.slice(0, 4)) + FUTURE_YEARS}${today.slice(4)}`;
  for (const [path, date] of fields) {
    if (date === undefined) continue;
    const at = { file, line: lineFor(lines, path, 1), field: fieldPath(path) };
    if (limit && date > limit)
      problems.push({
        ...at,
        rule: 'date-future',
        severity: 'error',
        message: `${date} is more than ${FUTURE_YEARS} years after today (${today}): a likely typo`,
        expected: `a date up to ${limit}`,
        suggestion: 'check the year against the source',
      });
    else if (Number(date.slice(0, 4)) < EARLY_YEAR)
      problems.push({
        ...at,
        rule: 'date-early',
        severity: 'warning',
        message: `${date} is before ${EARLY_YEAR}, older than any standard 5G applications usually cite`,
        suggestion: 'check the year against the source; if it is right, this warning can stay',
      });
  }
  return problems;
}

/** The fields of invalid frontmatter that pass their own schema, with list defaults filled. */
function partialData(raw: Record<string, unknown>): StandardData {
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(standardSchema.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
    // An id written as no id can be (`智慧港口`): kept, so that the cross-check says which id it means.
    else if (ID_FIELDS.has(key) && typeof raw[key] === 'string') out[key] = raw[key];
    else if (Array.isArray(raw[key])) {
      // Keep the items that are usable on their own, at their own index (a sparse list).
      const items = raw[key] as unknown[];
      const kept: unknown[] = new Array(items.length);
      items.forEach((item, i) => {
        if (key === 'requirements') {
          const row = requirementSchema.safeParse(item);
          const r = item as { metric?: unknown; unit?: unknown } | null;
          if (row.success) kept[i] = row.data;
          else if (r && typeof r.metric === 'string' && typeof r.unit === 'string')
            kept[i] = { metric: r.metric, unit: r.unit };
        } else if (key === 'adopts') {
          const a = item as { id?: unknown; degree?: unknown } | null;
          if (a && typeof a.id === 'string' && (ADOPTION_DEGREES as readonly unknown[]).includes(a.degree))
            kept[i] = { id: a.id, degree: a.degree };
        } else if ((fieldSchema as z.ZodType).safeParse([item]).success) kept[i] = item;
        else if (ID_LISTS.has(key) && typeof item === 'string') kept[i] = item;
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
  context: ValidateContext = {},
): { record?: ValidRecord<z.infer<(typeof REFERENCE_SCHEMAS)[C]>>; problems: Problem[] } {
  const problems: Problem[] = fileNameProblems(source, 'id', '.yaml');
  const file = source.path;
  if (source.text.length > LIMITS.referenceFileBytes) {
    problems.push(fileSizeProblem(file, source.text.length, LIMITS.referenceFileBytes, source.text, 1));
    return { problems };
  }
  const yaml = parseYaml(source.text, REFERENCE_FIELDS, 1);
  problems.push(...yamlProblems(file, source.text, 1, yaml.errors));
  if (yaml.data === undefined) return { problems };
  const schema = REFERENCE_SCHEMAS[collection];
  const result = schema.safeParse(yaml.data ?? {}, { reportInput: true });
  if (!result.success) problems.push(...issuesToProblems(schema, result.error.issues, file, yaml.lines, 1, context));
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
