import { jsonText, oneLine } from './characters.ts';
import type { RuleId } from './rule-ids.ts';
/** One thing wrong with the catalogue, located for the author who has to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line of the frontmatter key or body node, where one exists. */
  line?: number;
  /** Field path in the frontmatter (`sectors[0]`, `title.zh`), or `body` for the MDX body. */
  field?: string;
  /** Stable id of the rule that found the problem, for tools. */
  rule: RuleId;
  /** What is wrong, in a sentence. */
  message: string;
  /** What would have been valid. */
  expected?: string;
  /** What was found. */
  got?: string;
  /** The closest valid value, or another concrete fix. */
  suggestion?: string;
  /** Errors fail the check and the build; warnings are reported only. */
  severity: 'error' | 'warning';
}

/** Turns a field path such as ['requirements', 0, 'unit'] into `requirements[0].unit`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Quotes a value for a message the way YAML would show it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/** Sorts problems by file, then line, so a run reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      a.message.localeCompare(b.message),
  );
}

/**
 * One problem as one line: `path:line  field  message (expected …, got …); did you mean …?`. Names and values come
 * from contributed files (a file name, a key, a value), so every control, format and direction character is written
 * out (`\u001B`, `\u202E`): nothing a contributor writes can move the cursor, colour the terminal or print a line
 * of its own (such as "catalogue is valid").
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return oneLine(`${where}  ${problem.field ?? '-'}  ${problemText(problem)}`);
}

/** What a problem says, without where it is: `message (expected …, got …); did you mean …?` */
export function problemText(problem: Problem): string {
  let text = problem.message;
  const detail = [
    problem.expected !== undefined ? `expected ${problem.expected}` : '',
    problem.got !== undefined ? `got ${problem.got}` : '',
  ].filter(Boolean);
  if (detail.length) text += ` (${detail.join(', ')})`;
  if (problem.suggestion) text += `; ${problem.suggestion}`;
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${tag}${text}`;
}

/**
 * Problems as JSON for tools (`npm run check -- --json`), with the same characters written out as JSON escapes:
 * the document means the same, and printing it to a terminal is as safe as printing the lines.
 */
export function problemsJson(value: unknown): string {
  return jsonText(JSON.stringify(value, null, 2));
}

/** Counts errors (not warnings). */
export function errorCount(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity === 'error').length;
}

/** How many warnings of one rule a person is shown before the rest are counted. */
export const WARNINGS_SHOWN = 10;

/**
 * The problems as lines for a person to read: every error, and of each rule's warnings the first ten, then one
 * line that counts the rest (a thousand single-language bodies are one fact, not a thousand lines). Tools read
 * every problem from `npm run check -- --json`.
 */
export function formatProblems(problems: readonly Problem[], shown = WARNINGS_SHOWN): string[] {
  const lines: string[] = [];
  const warnings = new Map<RuleId, number>();
  for (const problem of problems) {
    if (problem.severity === 'warning') {
      const n = (warnings.get(problem.rule) ?? 0) + 1;
      warnings.set(problem.rule, n);
      if (n > shown) continue;
    }
    lines.push(formatProblem(problem));
  }
  for (const [rule, n] of warnings)
    if (n > shown)
      lines.push(
        `… and ${n - shown} more warning${n - shown === 1 ? '' : 's'} of the same kind (${rule}: ${n} in all); npm run check -- --json lists every one`,
      );
  return lines;
}

/** `1 error`, `3 warnings`: a count and its noun. */
export const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * What a run found, in words, the one way the check, the build and the dev server say it: `3 errors in 2 files,
 * 1 warning`, or `1 warning` when there is no error.
 */
export function problemSummary(problems: readonly Problem[]): string {
  const errors = errorCount(problems);
  const warnings = problems.length - errors;
  const files = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file)).size;
  const parts = [
    errors ? `${countOf(errors, 'error')} in ${countOf(files, 'file')}` : '',
    warnings ? countOf(warnings, 'warning') : '',
  ];
  return parts.filter(Boolean).join(', ') || 'no problems';
}
