/** Progress of a target: which entries its filter selects, and how that adds up over time. */
import type { EntryNode, EntryState, Record_ } from './graph.ts';
import type { StandardData, TargetData, TargetFilter } from './schemas/index.ts';
import { placeInWindow, publicationOf, publicationSortKey, publishedBy, type Placement } from './publication.ts';
import { DRAFT_STATUSES } from './vocabulary.ts';

/** A condition of a target's filter, named by its field. */
export type FilterField = Exclude<keyof TargetFilter, never>;

/** Why an entry of the key industries is not counted by a target. */
export type ExclusionReason =
  | 'background'
  | 'international'
  | 'level'
  | 'before-window'
  | 'after-window'
  | 'no-date'
  | 'not-key'
  | 'tier'
  | 'status'
  | 'other';

/** An entry the target does not count, with every reason. */
export interface Exclusion {
  id: string;
  reasons: ExclusionReason[];
  /**
   * With `no-date`, when the entry's designation carries a year that is the year of the window's bound `from`
   * or `to`: the year alone cannot say on which side of the bound it was published.
   */
  boundYear?: { year: number; bound: 'from' | 'to' };
  /** With `before-window` or `after-window`, `year` when only the designation's year placed it there. */
  datedBy?: 'year';
}

/** How far a target has come. */
export interface TargetProgress {
  id: string;
  data: TargetData;
  threshold: number;
  deadline: string;
  /** Ids of the entries counted, oldest publication first. */
  ids: string[];
  count: number;
  /** Entries counted that were published on or before the deadline (a year alone: see `publishedBy`). */
  countByDeadline: number;
  /** Entries counted on the year of their designation alone, their day of publication being unknown. */
  countedByYear: number;
  /** Of those, the ones counted by the deadline. */
  countedByYearByDeadline: number;
  /**
   * Entries that meet every other condition but have no date (or only a designation year on a bound's year)
   * that places them in the window: they may belong to the count, which is why it is a lower bound.
   */
  undated: number;
  /** count / threshold, in percent (may exceed 100). */
  percent: number;
  /**
   * When the threshold-th counted entry was published, when the target is met: its day, or the year
   * (YYYY) when only its designation's year is known.
   */
  completedOn?: string;
  /** Met, and met by the deadline. */
  completedByDeadline: boolean;
  /** Counted entries per sector (an entry with several sectors counts in each). */
  bySector: Record<string, number>;
  /** Drafts that would count once published: the filter without its status and date conditions. */
  inDevelopment: string[];
  /** In-development drafts per sector. */
  inDevelopmentBySector: Record<string, number>;
  /** Entries of the key industries (with a sector) neither counted nor in development, with the reasons. */
  excluded: Exclusion[];
  /** The target needs entries marked key and no entry of the catalogue is: nothing can be counted yet. */
  noKeyList: boolean;
  /** Entries the filter selects if status and date are ignored, per state: the pipeline. */
  byState: Partial<Record<EntryState, number>>;
  /** Counted entries per year of publication (a designation's year included), with the running total. */
  byYear: Array<{ year: number; count: number; cumulative: number }>;
}

const LIST_FIELDS = ['tier', 'status', 'level', 'scope', 'sectors', 'topics', 'body'] as const;
const DRAFT_STATES: ReadonlySet<EntryState> = new Set(DRAFT_STATUSES);

/** The conditions of `filter` that an entry fails; empty when the target counts it. */
export function failedConditions(data: StandardData, filter: TargetFilter): FilterField[] {
  return evaluate(data, filter).failed;
}

/** The conditions an entry fails, and where its publication falls against the filter's window. */
function evaluate(data: StandardData, filter: TargetFilter): { failed: FilterField[]; placement?: Placement } {
  const failed: FilterField[] = [];
  for (const field of LIST_FIELDS) {
    const allowed = filter[field] as readonly string[] | undefined;
    if (!allowed) continue;
    const value = data[field];
    const values: readonly string[] = Array.isArray(value) ? value : [value];
    if (!values.some((v) => allowed.includes(v))) failed.push(field);
  }
  if (filter.key !== undefined && data.key !== filter.key) failed.push('key');
  if (!filter.published) return { failed };
  const placement = placeInWindow(publicationOf(data), filter.published);
  if (placement.at !== 'in') failed.push('published');
  return { failed, placement };
}

/** Whether an entry passes a target's filter. */
export function matchesFilter(data: StandardData, filter: TargetFilter): boolean {
  return failedConditions(data, filter).length === 0;
}

function exclusionOf(entry: EntryNode, failed: readonly FilterField[], placement: Placement | undefined): Exclusion {
  const reasons: ExclusionReason[] = [];
  const exclusion: Exclusion = { id: entry.id, reasons };
  for (const field of failed) {
    if (field === 'scope') reasons.push('background');
    else if (field === 'level') reasons.push(entry.data.level === 'international' ? 'international' : 'level');
    else if (field === 'published' && placement) {
      if (placement.at === 'before' || placement.at === 'after') {
        reasons.push(placement.at === 'before' ? 'before-window' : 'after-window');
        if (entry.datedBy) exclusion.datedBy = entry.datedBy;
      } else {
        reasons.push('no-date');
        if (placement.at === 'unknown' && placement.bound && entry.year !== undefined)
          exclusion.boundYear = { year: entry.year, bound: placement.bound };
      }
    } else if (field === 'key') reasons.push('not-key');
    else if (field === 'tier') reasons.push('tier');
    else if (field === 'status') reasons.push('status');
    else reasons.push('other');
  }
  return exclusion;
}

const byPublished = (a: EntryNode, b: EntryNode) => {
  const x = publicationSortKey(publicationOf(a.data));
  const y = publicationSortKey(publicationOf(b.data));
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Computes a target's progress over the (ordered) entries: one pass, then sorting. */
export function computeProgress(
  target: Record_<TargetData>,
  entries: readonly EntryNode[],
  sectorIds: readonly string[],
): TargetProgress {
  const { filter, threshold, deadline } = target.data;
  const counted: EntryNode[] = [];
  const inDevelopment: EntryNode[] = [];
  const excluded: Exclusion[] = [];
  const byState: TargetProgress['byState'] = {};
  const zeroes = () => Object.fromEntries(sectorIds.map((s) => [s, 0])) as Record<string, number>;
  const bySector = zeroes();
  const inDevelopmentBySector = zeroes();
  const tally = (into: Record<string, number>, e: EntryNode) => {
    for (const s of new Set(e.data.sectors)) if (Object.hasOwn(into, s)) into[s]! += 1;
  };

  let undated = 0;
  for (const e of entries) {
    const { failed, placement } = evaluate(e.data, filter);
    const pipeline = failed.every((f) => f === 'status' || f === 'published');
    if (pipeline) byState[e.state] = (Object.hasOwn(byState, e.state) ? byState[e.state]! : 0) + 1;
    if (failed.length === 0) {
      counted.push(e);
      tally(bySector, e);
    } else if (pipeline && DRAFT_STATES.has(e.state)) {
      inDevelopment.push(e);
      tally(inDevelopmentBySector, e);
    } else if (e.data.sectors.length > 0) {
      // A draft has no date and is not published yet: what keeps it out is the rest.
      const decisive = DRAFT_STATES.has(e.state) ? failed.filter((f) => f !== 'status' && f !== 'published') : failed;
      excluded.push(exclusionOf(e, decisive, placement));
    }
    if (failed.length === 1 && failed[0] === 'published' && placement?.at === 'unknown') undated += 1;
  }
  counted.sort(byPublished);

  const years = new Map<number, number>();
  for (const e of counted) if (e.year !== undefined) years.set(e.year, (years.get(e.year) ?? 0) + 1);
  let cumulative = 0;
  const byYear = [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, n]) => ({ year, count: n, cumulative: (cumulative += n) }));

  const byDeadline = counted.filter((e) => publishedBy(publicationOf(e.data), deadline));
  const countByDeadline = byDeadline.length;
  const completing = counted.length >= threshold ? publicationOf(counted[threshold - 1]!.data) : undefined;
  const completedOn = completing?.date ?? (completing?.year !== undefined ? String(completing.year) : undefined);
  return {
    id: target.id,
    data: target.data,
    threshold,
    deadline,
    ids: counted.map((e) => e.id),
    count: counted.length,
    countByDeadline,
    countedByYear: counted.filter((e) => e.datedBy === 'year').length,
    countedByYearByDeadline: byDeadline.filter((e) => e.datedBy === 'year').length,
    undated,
    percent: Math.round((counted.length / threshold) * 1000) / 10,
    ...(completedOn ? { completedOn } : {}),
    completedByDeadline: countByDeadline >= threshold,
    bySector,
    inDevelopment: inDevelopment.map((e) => e.id),
    inDevelopmentBySector,
    excluded,
    noKeyList: filter.key === true && !entries.some((e) => e.data.key),
    byState,
    byYear,
  };
}
