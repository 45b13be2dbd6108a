/**
 * The form's checks: what `npm run check` would say of a value, said while it is typed, with the check's own
 * words. A field's value is checked with the field's own schema; rules between fields (an industry-tier entry
 * needs a sector, an effective date not before the published one) with the whole schema; a designation against
 * the other entries' designations with the check's uniqueness rule; a whole file, before it is saved, with the
 * code that checks one file in `npm run check`.
 */
import type { z } from 'astro/zod';
import { checkBody } from '../catalogue/body/index.ts';
import { problemText, type Problem } from '../catalogue/problems.ts';
import { crossCheck } from '../catalogue/rules.ts';
import { LineMap } from '../catalogue/source.ts';
import {
  issuesToProblems,
  validateReferenceFile,
  validateStandardFile,
  type ValidStandard,
} from '../catalogue/validate.ts';
import { BODIES_KEY, fileData } from './entry-file.ts';
import { schemaFields, type FieldNode } from '../authoring/fields.ts';
import { COLLECTION_SCHEMAS, EDITOR_COLLECTIONS, type EditorCollection } from './collections.ts';
import { isEmptyValue } from '../authoring/yaml-patch.ts';

type Plain = Record<string, unknown>;

const NO_LINES = new LineMap('', 1);

/** Where a form field is in the schema: `standards:title.en` → the collection and the path. */
export function parseSpec(spec: string): { collection: EditorCollection; path: string } | undefined {
  const at = spec.indexOf(':');
  const collection = spec.slice(0, at) as EditorCollection;
  if (at < 1 || !EDITOR_COLLECTIONS.includes(collection)) return undefined;
  return { collection, path: spec.slice(at + 1) };
}

const treeCache = new Map<EditorCollection, FieldNode[]>();
const tree = (collection: EditorCollection) => {
  let fields = treeCache.get(collection);
  if (!fields) treeCache.set(collection, (fields = schemaFields(COLLECTION_SCHEMAS[collection])));
  return fields;
};

/** The field at a path with its ancestors, outermost first. */
function lineage(collection: EditorCollection, path: string): FieldNode[] | undefined {
  const chain: FieldNode[] = [];
  let level: readonly FieldNode[] = tree(collection);
  let node: FieldNode | undefined;
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    node = level.find((f) => f.name === part.replace(/\[\]$/, ''));
    if (!node) return undefined;
    chain.push(node);
    if (list && node.item) {
      chain.push(node.item);
      node = node.item;
    }
    level = node.fields ?? [];
  }
  return chain;
}

/** The value at a plain path (no list items) of the form's values. */
function valueAt(values: Plain | undefined, path: readonly string[]): unknown {
  let v: unknown = values;
  for (const key of path) v = v && typeof v === 'object' ? (v as Plain)[key] : undefined;
  return v;
}

/** The check's problems for issues of a schema, placed at the field's path. */
function problemsOf(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], path: string): Problem[] {
  const prefix = path.split('.');
  return issuesToProblems(
    schema,
    issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
    'form',
    NO_LINES,
    1,
  );
}

/**
 * What the check says of one field's value, or undefined when it accepts it. `values` are the form's values of
 * the whole record, for the rules between fields.
 */
export function fieldProblem(spec: string, value: unknown, values?: Plain): string | undefined {
  const where = parseSpec(spec);
  if (!where) return undefined;
  const { collection, path } = where;
  if (collection === 'standards' && path.startsWith(`${BODIES_KEY}.`))
    return bodyProblem(value, path.slice(BODIES_KEY.length + 1));
  if (path.endsWith('{key}')) return typeof value === 'string' && value.trim() ? undefined : 'non-empty text';
  const chain = lineage(collection, path);
  const node = chain?.at(-1);
  if (!chain || !node) return undefined;
  if (isEmptyValue(value)) {
    // Required when every enclosing object is required or already has a value (a row of a list always does).
    const plainPath: string[] = [];
    const needed = chain.every((f, i) => {
      if (f.name === '[]') return true;
      plainPath.push(f.name);
      if (i === chain.length - 1) return f.required;
      return f.required || chain[i + 1]?.name === '[]' || !isEmptyValue(valueAt(values, plainPath));
    });
    if (!needed) return rulesBetweenFields(collection, path, values);
    if (node.kind === 'list' && node.min) {
      const issues = node.schema.safeParse([]).error?.issues ?? [];
      return issues.length ? problemsOf(node.schema, issues, path).map((p) => problemText(p))[0] : undefined;
    }
    const issues = node.schema.safeParse(undefined).error?.issues ?? [];
    return problemsOf(node.schema, issues, path).map((p) => problemText(p))[0];
  }
  if (node.kind === 'list' && node.item?.kind === 'object') return rulesBetweenFields(collection, path, values);
  const parsed = node.schema.safeParse(value, { reportInput: true });
  if (!parsed.success) return problemsOf(node.schema, parsed.error.issues, path).map((p) => problemText(p))[0];
  return rulesBetweenFields(collection, path, values);
}

/** Problems of the whole record's schema that belong to this field (a rule between fields). */
function rulesBetweenFields(collection: EditorCollection, path: string, values: Plain | undefined): string | undefined {
  if (!values || path.includes('[]')) return undefined;
  const schema = COLLECTION_SCHEMAS[collection];
  const parsed = schema.safeParse(fileData(collection, values), { reportInput: true });
  if (parsed.success) return undefined;
  const mine = parsed.error.issues.filter((issue) => issue.code === 'custom' && issue.path.join('.') === path);
  return mine.length ? problemText(issuesToProblems(schema, mine, 'form', NO_LINES, 1)[0]!) : undefined;
}

/** What the check says of one language's body text. */
function bodyProblem(value: unknown, lang: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const issues = checkBody(value, { full: true, lang: lang === 'en' ? 'en' : 'zh' });
  return issues.length
    ? issues.map((i) => `line ${i.line}: ${i.message}${i.suggestion ? `; ${i.suggestion}` : ''}`).join('\n')
    : undefined;
}

/** Another entry's id and designation, as the form knows them. */
export interface OtherEntry {
  id: string;
  code: string;
}

/**
 * The check's problem with a designation used by another entry (spacing, width, dashes and look-alike letters
 * aside), or undefined. Runs the check's own uniqueness rule on this entry and the others' designations.
 */
export function designationProblem(
  code: unknown,
  id: string | undefined,
  others: readonly OtherEntry[],
): string | undefined {
  if (typeof code !== 'string' || !code.trim()) return undefined;
  const self = id ?? '\u0000new';
  const entry = (entryId: string, entryCode: string): ValidStandard =>
    ({
      id: entryId,
      file: `content/standards/${entryId}.mdx`,
      data: {
        code: entryCode,
        sectors: [],
        topics: [],
        references: [],
        supersedes: [],
        related: [],
        adopts: [],
        requirements: [],
        ics: [],
        ccs: [],
        plan: [],
      },
      body: '',
      bodyLine: 1,
      lines: NO_LINES,
      links: [],
    }) as unknown as ValidStandard;
  const standards = [entry(self, code), ...others.filter((o) => o.id !== self).map((o) => entry(o.id, o.code))];
  const problems = crossCheck({
    standards,
    standardIds: new Set(standards.map((s) => s.id)),
    sectorIds: new Set(),
    topicIds: new Set(),
    bodyIds: new Set(),
    metrics: new Map(),
    targets: [],
  }).filter((p) => p.rule === 'duplicate-code' && p.file === `content/standards/${self}.mdx`);
  return problems[0] && problemText(problems[0]).replace(`content/standards/${self}.mdx`, 'this entry');
}

/** The check's errors in one file as it would be saved (everything `npm run check` checks within one file). */
export function fileProblems(collection: EditorCollection, id: string, text: string): Problem[] {
  const source = {
    path: `content/${collection}/${id}.${collection === 'standards' ? 'mdx' : 'yaml'}`,
    id,
    text,
  };
  const { problems } =
    collection === 'standards' ? validateStandardFile(source) : validateReferenceFile(collection, source);
  return problems.filter((p) => p.severity === 'error');
}

/** Whether values are a record's (a mapping), for callers holding unknown data. */
export const isValues = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
