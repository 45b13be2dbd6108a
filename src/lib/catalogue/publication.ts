/**
 * When a standard was published, as far as the evidence goes: its publication day when the entry gives one;
 * else, for a standard that has been published, the year its designation carries (`GB/T 42126.5-2024` → 2024),
 * which is evidence of the year and of nothing finer. Targets decide with it whether an entry falls in their
 * window; pages show such a year as the year, never as an invented day.
 */
import type { StandardData } from './schemas/index.ts';

/** Statuses of a standard that has been published at some time (a draft's designation year is no publication year). */
const WAS_PUBLISHED: ReadonlySet<StandardData['status']> = new Set(['published', 'superseded', 'withdrawn']);

/**
 * The year a designation ends with, after a hyphen, dash or colon: `GB/T 42126.5-2024`, `YD/T 3627—2019`,
 * `IEEE 802.1Q-2018`, `ISO/IEC 27001:2022` give 2024, 2019, 2018, 2022; `3GPP TS 22.104`, `ETSI EN 302 637-2`
 * and `T/ITS 0147.2` give nothing.
 */
export function designationYear(code: string): number | undefined {
  const m = /[-‐‑‒–—―:](\d{4})$/.exec(code.normalize('NFKC').trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 1900 && year < 2100 ? year : undefined;
}

/** What an entry says about its publication. */
export interface Publication {
  /** The publication day, YYYY-MM-DD, when the entry gives it. */
  date?: string;
  /** The year of publication: the day's year, else the designation's year (published standards only). */
  year?: number;
  /** `year` when only the designation's year is known (the day is not). */
  datedBy?: 'year';
}

/** The publication evidence of an entry. */
export function publicationOf(data: Pick<StandardData, 'code' | 'status' | 'dates'>): Publication {
  const date = data.dates?.published;
  if (date) return { date, year: Number(date.slice(0, 4)) };
  const year = WAS_PUBLISHED.has(data.status) ? designationYear(data.code) : undefined;
  return year === undefined ? {} : { year, datedBy: 'year' };
}

/**
 * Where a publication falls against a window `{ from, to }` (inclusive dates): `in`, `before`, `after`, or
 * `unknown` when there is no evidence or, for a year alone, the year is a bound's own year (it could fall on
 * either side of the bound); `bound` then says which.
 */
export type Placement = { at: 'in' | 'before' | 'after' } | { at: 'unknown'; bound?: 'from' | 'to' };

/** Places a publication in a window: a day exactly; a year only when the whole year lies on one side of each bound. */
export function placeInWindow(p: Publication, window: { from?: string; to?: string }): Placement {
  const { from, to } = window;
  if (p.date !== undefined) {
    if (from !== undefined && p.date < from) return { at: 'before' };
    if (to !== undefined && p.date > to) return { at: 'after' };
    return { at: 'in' };
  }
  if (p.year === undefined) return { at: 'unknown' };
  const fromYear = from === undefined ? undefined : Number(from.slice(0, 4));
  const toYear = to === undefined ? undefined : Number(to.slice(0, 4));
  if (fromYear !== undefined && p.year < fromYear) return { at: 'before' };
  if (toYear !== undefined && p.year > toYear) return { at: 'after' };
  if (fromYear !== undefined && p.year === fromYear) return { at: 'unknown', bound: 'from' };
  if (toYear !== undefined && p.year === toYear) return { at: 'unknown', bound: 'to' };
  return { at: 'in' };
}

/**
 * Whether a publication is known to fall on or before a deadline: a day by comparison; a year when it is
 * before the deadline's year, or is that year and the deadline is 31 December.
 */
export function publishedBy(p: Publication, deadline: string): boolean {
  if (p.date !== undefined) return p.date <= deadline;
  if (p.year === undefined) return false;
  const year = Number(deadline.slice(0, 4));
  return p.year < year || (p.year === year && deadline.slice(5) === '12-31');
}

/** A key that orders publications in time: a year alone sorts at the end of its year (it is known no later). */
export function publicationSortKey(p: Publication): string {
  return p.date ?? (p.year !== undefined ? `${p.year}-12-31~` : '9999');
}
