/**
 * The import of bibliographic records as one pure step: records and entry files in, a report and the new text of
 * each file out. Reading folders, checking the result and writing files belong to `scripts/import.ts`.
 */
import { normalizeCode } from '../catalogue/rules.ts';
import type { StandardData } from '../catalogue/schemas/standard.ts';
import { codesOf, groupRecords, recordFields } from './documents.ts';
import { createEntry, missingForCreation, type Supplied } from './entry-create.ts';
import { planUpdate, type EntryPlan, type PlanContext } from './entry-update.ts';
import { patchEntry } from './entry-write.ts';
import type { BibRecord, RecordProblem, RecordResult } from './relaton.ts';

export { parseRelaton, formatRecordProblem, type BibRecord, type RecordResult, type RecordProblem } from './relaton.ts';
export { parseMapping, type Supplied } from './entry-create.ts';
export type { EntryPlan, FieldChange, Conflict } from './entry-update.ts';

/** An entry file as the importer sees it: its text and its validated frontmatter. */
export interface EntryFile {
  id: string;
  /** Path relative to the project root (`content/standards/<id>.mdx`). */
  path: string;
  text: string;
  data: StandardData;
}

/** Everything the importer needs. */
export interface ImportInput {
  records: readonly RecordResult[];
  entries: readonly EntryFile[];
  /** What people supply for new entries, by normalised designation. */
  supplied?: ReadonlyMap<string, Supplied>;
  /** Supplied for every document without an entry (command-line flags). */
  suppliedForAll?: Supplied;
  /** Where a reader can see a record; from a template such as `https://github.com/org/repo/blob/<commit>/data/{file}`. */
  recordUrl?: (record: BibRecord) => string | undefined;
  /** Only the document with this designation. */
  only?: string;
}

/** What the import found and would do. */
export interface ImportReport {
  problems: RecordProblem[];
  skipped: Array<{ file: string; why: string }>;
  plans: EntryPlan[];
  created: Array<{ id: string; code: string; path: string }>;
  notCreated: Array<{ code: string; missing: string[] }>;
  /** New text of each file that changes or is created, by path. */
  files: Map<string, string>;
}

/** Plans the import: which entries change and how, which are created, which cannot be. */
export function planImport(input: ImportInput): ImportReport {
  const report: ImportReport = { problems: [], skipped: [], plans: [], created: [], notCreated: [], files: new Map() };
  const records: BibRecord[] = [];
  for (const result of input.records) {
    if (result.ok) records.push(result.record);
    else if ('problem' in result) report.problems.push(result.problem);
    else report.skipped.push({ file: result.file, why: result.skipped });
  }
  const byCode = new Map(input.entries.map((e) => [normalizeCode(e.data.code), e]));
  const idByCode = new Map(input.entries.map((e) => [normalizeCode(e.data.code), e.id]));
  const ctx: PlanContext = { idByCode, recordUrl: input.recordUrl ?? (() => undefined) };
  const only = input.only === undefined ? undefined : normalizeCode(input.only);

  for (const group of groupRecords(records).values())
    for (const code of codesOf(group)) {
      const key = normalizeCode(code);
      if (only !== undefined && key !== only) continue;
      const fields = recordFields(group, code);
      const entry = byCode.get(key);
      if (entry) {
        const plan = planUpdate(entry, fields, ctx);
        report.plans.push(plan);
        if (plan.edits.length) report.files.set(entry.path, patchEntry(entry.path, entry.text, plan.edits));
        continue;
      }
      const supplied = input.supplied?.get(key) ?? input.suppliedForAll;
      const missing = missingForCreation(supplied);
      if (missing.length) {
        report.notCreated.push({ code, missing });
        continue;
      }
      const created = createEntry(fields, supplied!, ctx);
      report.created.push({ id: created.id, code, path: created.path });
      report.files.set(created.path, created.text);
    }
  report.plans.sort((a, b) => a.code.localeCompare(b.code));
  return report;
}

/** The report as lines for a terminal. */
export function formatReport(report: ImportReport, write: boolean): string[] {
  const out: string[] = [];
  const verb = write ? 'changed' : 'would change';
  for (const plan of report.plans) {
    if (plan.outcome === 'unchanged' && plan.conflicts.length === 0) continue;
    const head =
      plan.outcome === 'update'
        ? `${plan.code} (${plan.id}): ${verb}`
        : plan.outcome === 'conflict'
          ? `${plan.code} (${plan.id}): not changed, conflict`
          : `${plan.code} (${plan.id}): no change`;
    out.push(head);
    for (const c of plan.changes)
      out.push(`  ${c.field}: ${c.from !== undefined ? `${JSON.stringify(c.from)} → ` : ''}${JSON.stringify(c.to)}`);
    for (const c of plan.conflicts)
      out.push(
        `  conflict ${c.field}: entry ${JSON.stringify(c.entry)}, record ${JSON.stringify(c.record)}: ${c.note}`,
      );
  }
  const unchanged = report.plans.filter((p) => p.outcome === 'unchanged' && p.conflicts.length === 0);
  if (unchanged.length) out.push(`no change: ${unchanged.map((p) => p.code).join(', ')}`);
  for (const c of report.created) out.push(`${c.code}: ${write ? 'created' : 'would create'} ${c.path}`);
  for (const n of report.notCreated) out.push(`${n.code}: not created; missing ${n.missing.join(', ')}`);
  for (const s of report.skipped) out.push(`${s.file}: skipped (${s.why})`);
  return out;
}
