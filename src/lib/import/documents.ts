/**
 * From records to documents: the records of one document's versions are grouped, and the record-owned fields of
 * its catalogue entry are worked out from them (designation, English title, kind of document, version history,
 * dates, the versions it replaces, a link to the record).
 */
import type { VersionEntry } from '../catalogue/schemas/standard.ts';
import { RELEASES } from '../catalogue/schemas/standard.ts';
import type { BibRecord, RecordKind } from './relaton.ts';

/** What the records say about one catalogue entry: the fields the importer owns. */
export interface RecordFields {
  kind: RecordKind;
  /** The catalogue's designation (the entry's `code`). */
  code: string;
  /** English title of the newest version. */
  title: string;
  /** Kind of document, where the records say. */
  doctype?: BibRecord['doctype'];
  /** The newest version, where the designation does not already name the edition (3GPP, ETSI, ITU). */
  version?: string;
  /** 3GPP: the release of the first approved version (the release the specification first belongs to). */
  release?: (typeof RELEASES)[number];
  /** The first version's publication day, when its record gives the day. */
  published?: string;
  /** Every version or edition the records list, oldest first. */
  versions: VersionEntry[];
  /** Designations of documents this one replaces. */
  obsoletes: string[];
  /** What the record says of the document's state, when it is withdrawn or replaced. */
  state?: BibRecord['state'];
  /** The records that gave the newest and the first version (one when they are the same). */
  newest: BibRecord;
  first: BibRecord;
}

/** Kinds whose designation carries the year of the edition (each edition is an entry of its own). */
const EDITION_IN_DESIGNATION: ReadonlySet<RecordKind> = new Set(['ieee', 'iso', 'iec']);

const compareVersions = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
};

/** Orders versions of one document: by version number where it has one, else by date. */
function byAge(a: BibRecord, b: BibRecord): number {
  if (a.version && b.version && /^[\d.]+$/.test(a.version) && /^[\d.]+$/.test(b.version))
    return compareVersions(a.version, b.version);
  return (a.date ?? '').localeCompare(b.date ?? '') || a.code.localeCompare(b.code);
}

/** Groups records by document series; a record given twice (same identifier) counts once. */
export function groupRecords(records: readonly BibRecord[]): Map<string, BibRecord[]> {
  const groups = new Map<string, BibRecord[]>();
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.docid)) continue;
    seen.add(record.docid);
    const group = groups.get(record.series) ?? [];
    group.push(record);
    groups.set(record.series, group);
  }
  for (const group of groups.values()) group.sort(byAge);
  return groups;
}

/** The designations (entry codes) a group of records can describe: one for most kinds, one per edition for ISO, IEC, IEEE. */
export function codesOf(group: readonly BibRecord[]): string[] {
  return [...new Set(group.map((r) => r.code))];
}

/** The record-owned fields of the entry with designation `code`, from the records of its series. */
export function recordFields(group: readonly BibRecord[], code: string): RecordFields {
  const own = group.filter((r) => r.code === code);
  if (own.length === 0) throw new Error(`no record of ${code} in its group`);
  const newest = own[own.length - 1]!;
  const first = own[0]!;
  const kind = newest.kind;
  const editions = EDITION_IN_DESIGNATION.has(kind);
  const versions: VersionEntry[] = [];
  if (kind !== 'ietf')
    for (const r of group) {
      if (r.version === undefined) continue;
      const item: VersionEntry = { version: r.version };
      if (editions && r.code !== code) item.code = r.code;
      if (r.date) item.date = r.date;
      if (r.release) item.release = r.release;
      versions.push(item);
    }
  const release = first.release && (RELEASES as readonly string[]).includes(first.release) ? first.release : undefined;
  return {
    kind,
    code,
    title: newest.title,
    doctype: newest.doctype,
    version: editions ? undefined : newest.version,
    release: release as RecordFields['release'],
    published: first.date && /^\d{4}-\d{2}-\d{2}$/.test(first.date) ? first.date : undefined,
    versions,
    obsoletes: [...new Set(own.flatMap((r) => r.obsoletes))],
    state: newest.state,
    newest,
    first,
  };
}
