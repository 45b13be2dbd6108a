/** Progress of a target: which entries its filter selects, and how that adds up over time. */
import type { EntryNode, EntryState, Record_ } from './graph.ts';
import type { StandardData, TargetData, TargetFilter } from './schemas/index.ts';

/** How far a target has come. */
export interface TargetProgress {
  id: string;
  data: TargetData;
  threshold: number;
  deadline: string;
  /** Ids of the entries counted, oldest publication first (undated last). */
  ids: string[];
  count: number;
  /** Entries counted that were published on or before the deadline. */
  countByDeadline: number;
  /** Counted entries without a publication date (they cannot be placed against the deadline). */
  undated: number;
  /** count / threshold, in percent (may exceed 100). */
  percent: number;
  /** The date the threshold-th counted entry was published, when the target is met. */
  completedOn?: string;
  /** Met, and met by the deadline. */
  completedByDeadline: boolean;
  /** Counted entries per sector (an entry with several sectors counts in each). */
  bySector: Record<string, number>;
  /** Entries the filter selects if status is ignored, per state: the pipeline. */
  byState: Partial<Record<EntryState, number>>;
  /** Counted entries per year of publication, with the running total. */
  byYear: Array<{ year: number; count: number; cumulative: number }>;
}

const FIELDS = ['tier', 'status', 'level', 'sectors', 'topics', 'body'] as const;

/** Whether an entry passes a target's filter; `ignore` leaves one field out. */
export function matchesFilter(data: StandardData, filter: TargetFilter, ignore?: keyof TargetFilter): boolean {
  if (filter.key !== undefined && ignore !== 'key' && data.key !== filter.key) return false;
  for (const field of FIELDS) {
    const allowed = filter[field] as readonly string[] | undefined;
    if (!allowed || field === ignore) continue;
    const value = data[field];
    const values: readonly string[] = Array.isArray(value) ? value : [value as string];
    if (!values.some((v) => allowed.includes(v))) return false;
  }
  return true;
}

/** Computes a target's progress over the (ordered) entries. */
export function computeProgress(target: Record_<TargetData>, entries: readonly EntryNode[], sectorIds: readonly string[]): TargetProgress {
  const { filter, threshold, deadline } = target.data;
  const counted = entries.filter((e) => matchesFilter(e.data, filter));
  const dated = counted
    .filter((e) => e.data.dates?.published)
    .sort((a, b) => (a.data.dates!.published! < b.data.dates!.published! ? -1 : a.data.dates!.published! > b.data.dates!.published! ? 1 : 0));
  const undated = counted.filter((e) => !e.data.dates?.published);

  const bySector: Record<string, number> = Object.fromEntries(sectorIds.map((s) => [s, 0]));
  for (const e of counted) for (const s of new Set(e.data.sectors)) if (s in bySector) bySector[s]! += 1;

  const byState: TargetProgress['byState'] = {};
  for (const e of entries) if (matchesFilter(e.data, filter, 'status')) byState[e.state] = (byState[e.state] ?? 0) + 1;

  const years = new Map<number, number>();
  for (const e of dated) years.set(e.year!, (years.get(e.year!) ?? 0) + 1);
  let cumulative = 0;
  const byYear = [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, count: n, cumulative: (cumulative += n) }));

  const countByDeadline = dated.filter((e) => e.data.dates!.published! <= deadline).length;
  const completedOn = dated.length >= threshold ? dated[threshold - 1]!.data.dates!.published : undefined;
  return {
    id: target.id,
    data: target.data,
    threshold,
    deadline,
    ids: [...dated, ...undated].map((e) => e.id),
    count: counted.length,
    countByDeadline,
    undated: undated.length,
    percent: Math.round((counted.length / threshold) * 1000) / 10,
    ...(completedOn ? { completedOn } : {}),
    completedByDeadline: countByDeadline >= threshold,
    bySector,
    byState,
    byYear,
  };
}
