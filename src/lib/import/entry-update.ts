/**
 * What the records would change in an existing entry. Only record-owned fields change: the English title, the kind
 * of document, the version, release and version history, the publication date, the versions it replaces and the link
 * to the record. Everything a person wrote (Chinese title, body, requirement rows, sectors, tier, scope, status,
 * notes) is left alone; where a record disagrees with it, the disagreement is reported, not applied.
 */
import { doctypeOf } from '../catalogue/graph.ts';
import { normalizeCode } from '../catalogue/rules.ts';
import type { StandardData, VersionEntry } from '../catalogue/schemas/standard.ts';
import type { RecordFields } from './documents.ts';
import type { FieldEdit } from './entry-write.ts';
import type { BibRecord } from './relaton.ts';

/** One field the importer changes (or would change, in a dry run). */
export interface FieldChange {
  field: string;
  from?: string;
  to: string;
}

/** A disagreement between a record and what a person wrote, reported and not applied. */
export interface Conflict {
  field: string;
  entry: string;
  record: string;
  note: string;
}

/** The importer's plan for one existing entry. */
export interface EntryPlan {
  id: string;
  code: string;
  /** `update`: fields change; `unchanged`: the entry already says what the records say; `conflict`: nothing changed. */
  outcome: 'update' | 'unchanged' | 'conflict';
  changes: FieldChange[];
  conflicts: Conflict[];
  edits: FieldEdit[];
}

/** What the planner needs from the catalogue and the command line. */
export interface PlanContext {
  /** Entry id by normalised designation, for `supersedes` links. */
  idByCode: ReadonlyMap<string, string>;
  /** Where a reader can see a record (its page in the public repository), if known. */
  recordUrl: (record: BibRecord) => string | undefined;
}

/** Titles compared as a reader reads them: dashes, spacing and case do not count. */
export const sameTitle = (a: string, b: string) => {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/\s*[-‐‑‒–—―]+\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
};

const numeric = (v: string) => /^\d+(\.\d+)*$/.test(v);
const versionKey = (v: VersionEntry) => `${v.code ?? ''}|${v.version}`;

/** Oldest first: by version number within one designation, else by date. */
export function orderVersions(a: VersionEntry, b: VersionEntry): number {
  if ((a.code ?? '') === (b.code ?? '') && numeric(a.version) && numeric(b.version)) {
    const pa = a.version.split('.').map(Number);
    const pb = b.version.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d) return d;
    }
    return 0;
  }
  return (a.date ?? '9999').localeCompare(b.date ?? '9999');
}

/** The version history after an import: the records' versions, plus any a person listed that no record has. */
export function mergeVersions(
  fromRecords: readonly VersionEntry[],
  authored: readonly VersionEntry[],
): { versions: VersionEntry[]; kept: VersionEntry[] } {
  const keys = new Set(fromRecords.map(versionKey));
  const kept = authored.filter((v) => !keys.has(versionKey(v)));
  return { versions: [...fromRecords, ...kept].sort(orderVersions), kept };
}

const sameVersions = (a: readonly VersionEntry[], b: readonly VersionEntry[]) =>
  a.length === b.length &&
  a.every((v, i) => {
    const w = b[i]!;
    return v.version === w.version && v.code === w.code && v.date === w.date && v.release === w.release;
  });

const versionItem = (v: VersionEntry): Record<string, string> => {
  const out: Record<string, string> = { version: v.version };
  if (v.code) out.code = v.code;
  if (v.date) out.date = v.date;
  if (v.release) out.release = v.release;
  return out;
};

const recordFileName = (record: BibRecord) => record.file.split(/[\\/]/).pop() ?? record.file;

/** The `sources` items that link the records the entry's fields come from, unless the entry already links them. */
export function recordSources(
  fields: RecordFields,
  sources: ReadonlyArray<{ label: string; url: string }>,
  ctx: Pick<PlanContext, 'recordUrl'>,
  /** The publication date comes from the first version's record: link that record too. */
  datedByFirst: boolean,
): Array<{ label: string; url: string }> {
  const wanted = datedByFirst && fields.first !== fields.newest ? [fields.newest, fields.first] : [fields.newest];
  const out: Array<{ label: string; url: string }> = [];
  for (const record of wanted) {
    const url = ctx.recordUrl(record);
    if (!url) continue;
    const name = recordFileName(record);
    if (sources.some((s) => s.url === url || s.url.endsWith(`/${name}`))) continue;
    out.push({ label: `Bibliographic record of ${record.docid} (relaton)`, url });
  }
  return out;
}

/** Plans the update of one entry from the records of its document. */
export function planUpdate(
  entry: { id: string; data: StandardData },
  fields: RecordFields,
  ctx: PlanContext,
): EntryPlan {
  const d = entry.data;
  const changes: FieldChange[] = [];
  const conflicts: Conflict[] = [];
  const edits: FieldEdit[] = [];
  const plan = (outcome?: EntryPlan['outcome']): EntryPlan => ({
    id: entry.id,
    code: d.code,
    outcome: outcome ?? (edits.length ? 'update' : 'unchanged'),
    changes,
    conflicts,
    edits,
  });

  // A record of another kind of document under the same number (Report ITU-R M.2083 and Recommendation ITU-R
  // M.2083) is not this entry's document: nothing of it is applied.
  const entryDoctype = doctypeOf(d);
  if (fields.doctype !== undefined && entryDoctype !== fields.doctype) {
    conflicts.push({
      field: 'doctype',
      entry: entryDoctype,
      record: fields.doctype,
      note: `the record ${fields.newest.docid} describes a ${fields.doctype}, the entry a ${entryDoctype}: they may be two documents with one number, so nothing was changed`,
    });
    return plan('conflict');
  }

  if (!sameTitle(d.title.en, fields.title)) {
    changes.push({ field: 'title.en', from: d.title.en, to: fields.title });
    edits.push({ op: 'set', path: ['title', 'en'], value: fields.title });
  }

  if (fields.version !== undefined && d.version !== fields.version) {
    changes.push({ field: 'version', from: d.version, to: fields.version });
    edits.push({ op: 'set', path: ['version'], value: fields.version });
  }

  if (fields.release !== undefined) {
    if (d.release === undefined) {
      changes.push({ field: 'release', to: fields.release });
      edits.push({ op: 'set', path: ['release'], value: fields.release });
    } else if (d.release !== fields.release)
      conflicts.push({
        field: 'release',
        entry: d.release,
        record: fields.release,
        note: `the first approved version (${fields.first.version}) belongs to ${fields.release}; the entry's release was kept`,
      });
  }

  const merged = mergeVersions(fields.versions, d.versions ?? []);
  if (merged.versions.length && !sameVersions(merged.versions, d.versions ?? [])) {
    const count = (d.versions ?? []).length;
    changes.push({
      field: 'versions',
      from: count ? `${count} version${count === 1 ? '' : 's'}` : undefined,
      to: `${merged.versions.length} version${merged.versions.length === 1 ? '' : 's'}, ${merged.versions[0]!.version} to ${merged.versions[merged.versions.length - 1]!.version}${merged.kept.length ? ` (kept ${merged.kept.map((v) => v.version).join(', ')}, which no record lists)` : ''}`,
    });
    edits.push({ op: 'set', path: ['versions'], value: merged.versions.map(versionItem) });
  }

  const published = d.dates?.published;
  let datedByFirst = false;
  const recordDates = new Set(fields.versions.map((v) => v.date).filter(Boolean));
  if (fields.published !== undefined) {
    if (published === undefined) {
      datedByFirst = true;
      changes.push({ field: 'dates.published', to: fields.published });
      edits.push({ op: 'set', path: ['dates', 'published'], value: fields.published });
    } else if (published !== fields.published && !recordDates.has(published))
      conflicts.push({
        field: 'dates.published',
        entry: published,
        record: fields.published,
        note: `the entry's date is the date of no version the records list (the first, ${fields.first.version ?? fields.first.docid}, is dated ${fields.published}); the entry's date was kept`,
      });
  } else if (published !== undefined && fields.first.date && !published.startsWith(fields.first.date))
    conflicts.push({
      field: 'dates.published',
      entry: published,
      record: fields.first.date,
      note: 'the record gives only the month or year, which does not agree with the entry; the entry was kept',
    });

  for (const code of fields.obsoletes) {
    const id = ctx.idByCode.get(normalizeCode(code));
    if (id && id !== entry.id && !d.supersedes.includes(id)) {
      changes.push({ field: 'supersedes', to: `+ ${id} (${code})` });
      edits.push({ op: 'append', path: ['supersedes'], items: [id] });
    }
  }

  if (fields.state === 'withdrawn' && d.status !== 'withdrawn')
    conflicts.push({
      field: 'status',
      entry: d.status,
      record: 'withdrawn',
      note: 'the record marks the document withdrawn; status is the entry author’s to change',
    });
  else if (fields.state === 'superseded' && d.status === 'published')
    conflicts.push({
      field: 'status',
      entry: d.status,
      record: 'superseded',
      note: 'the record marks the document replaced; status is the entry author’s to change',
    });

  const links = recordSources(fields, d.sources, ctx, datedByFirst);
  if (links.length) {
    for (const link of links) changes.push({ field: 'sources', to: `+ ${link.url}` });
    edits.push({ op: 'append', path: ['sources'], items: links });
  }
  return plan();
}
