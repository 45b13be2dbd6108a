/**
 * An entry's versions as pages, compare data and citations show them: the history (oldest first), the version the
 * entry describes, and the versions its requirement rows were read from.
 */
import type { StandardData, VersionEntry } from '../catalogue/schemas/standard.ts';

/** One row of the version history on an entry's page. */
export interface VersionRow extends VersionEntry {
  /** The version the entry describes (its `version`, or the edition its own designation names). */
  described: boolean;
  /** Requirement rows of the entry were read from it. */
  readFrom: boolean;
}

type Versioned = Pick<StandardData, 'version' | 'versions' | 'requirements' | 'code'>;

/** The versions the requirement rows name, in the order of the history (unlisted ones last), each once. */
export function rowVersions(d: Pick<StandardData, 'versions' | 'requirements'>): string[] {
  const named = new Set((d.requirements ?? []).flatMap((r) => (r.version ? [r.version] : [])));
  const ordered = (d.versions ?? []).map((v) => v.version).filter((v) => named.delete(v));
  return [...ordered, ...named];
}

/** The history item the entry describes: the one numbered `version`, or the edition without a designation of its own. */
export function describedVersion(d: Pick<StandardData, 'version' | 'versions'>): VersionEntry | undefined {
  const versions = d.versions ?? [];
  if (d.version !== undefined) return versions.find((v) => v.version === d.version && v.code === undefined);
  const own = versions.filter((v) => v.code === undefined);
  return own.length === 1 ? own[0] : undefined;
}

/** The rows of the version history table. */
export function versionRows(d: Versioned): VersionRow[] {
  const described = describedVersion(d);
  const read = new Set(rowVersions(d));
  return (d.versions ?? []).map((v) => ({ ...v, described: v === described, readFrom: read.has(v.version) }));
}

/** A version as one line of text: `19.0.0 (2025-10-15, R19)`. */
export function versionText(v: Pick<VersionEntry, 'version' | 'date' | 'release'>): string {
  const extra = [v.date, v.release].filter(Boolean).join(', ');
  return extra ? `${v.version} (${extra})` : v.version;
}

/** The version an entry describes as text, with its date and release when the history has them. */
export function describedVersionText(d: Pick<StandardData, 'version' | 'versions'>): string | undefined {
  const v = describedVersion(d);
  return v ? versionText(v) : d.version;
}
