/**
 * Layout of the requirement plots drawn at build time as SVG (no JavaScript): an axis for the
 * figures of a metric (logarithmic where they span decades, "nines" for percentages near 100),
 * strip plots with one mark per requirement stacked in lanes, and the latency-versus-reliability
 * chart of use cases. Positions are fractions of the plot's width (0..1) so the components can draw
 * them in percent and the SVG stays readable at any width; the components only render this.
 */
import type { RequirementView } from '../catalogue/graph.ts';
import { displayUnit, formatNumber } from './format.ts';

/** How figures map to the axis. */
export type AxisKind = 'linear' | 'log' | 'nines';

export interface Tick {
  value: number;
  /** Position, 0..1. */
  at: number;
  label: string;
}

export interface Axis {
  kind: AxisKind;
  /** Position of a figure, 0..1 (clamped). */
  at: (value: number) => number;
  ticks: Tick[];
}

/** Units a metric accepts, with their factor to the canonical unit. */
export interface UnitScale {
  unit: string;
  units: Record<string, number>;
}

/** Figures spanning this ratio or more are drawn on a logarithmic axis. */
export const LOG_RATIO = 100;

const nines = (v: number) => -Math.log10(1 - v / 100);

/**
 * The axis for a metric's figures: `nines` for percentages of 90 and above (99.9 → 3, 99.9999 → 6),
 * `log` when all are positive and the largest is at least {@link LOG_RATIO} times the smallest,
 * else linear from zero.
 */
export function axisFor(values: readonly number[], scale: UnitScale): Axis {
  const finite = values.filter((v) => Number.isFinite(v));
  // Reduced, not spread: a metric of a large catalogue has more figures than a call takes arguments.
  const lo = finite.length ? finite.reduce((a, b) => Math.min(a, b)) : 0;
  const hi = finite.length ? finite.reduce((a, b) => Math.max(a, b)) : 1;
  if (scale.unit === '%' && lo >= 90 && hi < 100) {
    const from = Math.floor(nines(lo));
    const to = Math.max(from + 1, Math.ceil(nines(hi) - 1e-9));
    const at = (v: number) => clamp((nines(Math.min(v, 99.9999999999)) - from) / (to - from));
    const ticks: Tick[] = [];
    for (let n = from; n <= to; n++) {
      const value = Number((100 - 100 * 10 ** -n).toPrecision(12));
      ticks.push({ value, at: (n - from) / (to - from), label: `${formatNumber(value)}%` });
    }
    return { kind: 'nines', at, ticks };
  }
  if (lo > 0 && hi / lo >= LOG_RATIO) {
    const from = Math.floor(Math.log10(lo) + 1e-9);
    const to = Math.ceil(Math.log10(hi) - 1e-9);
    const at = (v: number) => clamp((Math.log10(Math.max(v, 10 ** from)) - from) / (to - from));
    const step = to - from > 8 ? 2 : 1;
    const ticks: Tick[] = [];
    for (let e = from; e <= to; e += step) {
      const value = Number((10 ** e).toPrecision(12));
      ticks.push({ value, at: at(value), label: tickLabel(value, scale) });
    }
    return { kind: 'log', at, ticks };
  }
  const top = niceCeil(Math.max(hi, lo < 0 ? 0 : hi, 1e-12));
  const bottom = lo < 0 ? -niceCeil(-lo) : 0;
  const span = top - bottom || 1;
  const at = (v: number) => clamp((v - bottom) / span);
  const step = niceStep(span / 4);
  const ticks: Tick[] = [];
  for (let v = bottom; v <= top + step / 1e6; v += step) {
    const value = Number(v.toPrecision(12));
    ticks.push({ value, at: at(value), label: tickLabel(value, scale) });
  }
  return { kind: 'linear', at, ticks };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

function niceCeil(v: number): number {
  const step = niceStep(v / 4);
  return Math.ceil(v / step - 1e-9) * step;
}

/**
 * A tick label in the unit people would use for it: 0.001 ms reads "1 µs", 1000 ms "1 s",
 * 1000 Mbit/s "1 Gbit/s" (the first accepted unit that puts the figure between 1 and 1000).
 */
export function tickLabel(value: number, scale: UnitScale): string {
  if (scale.unit === '%') return `${formatNumber(value)}%`;
  if (value !== 0) {
    const candidates: Array<[string, number]> = [[scale.unit, 1], ...Object.entries(scale.units)];
    for (const [unit, factor] of candidates) {
      const n = value / factor;
      if (Math.abs(n) >= 1 && Math.abs(n) < 1000)
        return `${formatNumber(Number(n.toPrecision(6)))}\u00a0${displayUnit(unit)}`;
    }
  }
  return `${formatNumber(value)}\u00a0${displayUnit(scale.unit)}`;
}

/** A requirement as a plot mark. */
export interface Mark {
  /** Link to the row on its entry page. */
  href: string;
  /** What the mark is: designation, scenario, figure (the SVG `<title>`). */
  title: string;
  comparator: RequirementView['comparator'];
  /** Position of the value (or the range's min), 0..1. */
  at: number;
  /** Position of the range's max. */
  to?: number;
  /** Colour class. */
  tone: string;
}

export interface Lane {
  label: string;
  tone: string;
  marks: Array<Mark & { row: number }>;
  rows: number;
}

/** How much room a mark takes either side, and how far its comparator's arrow reaches. */
const HALF = 0.012;
const ARROW = 0.03;

/**
 * Stacks each lane's marks into as few rows as keep them apart: marks ordered by position go to the
 * first row whose last mark ends before they start (greedy interval packing, linear after the sort).
 */
export function stackLanes(lanes: ReadonlyArray<{ label: string; tone: string; marks: readonly Mark[] }>): Lane[] {
  return lanes.map((lane) => {
    const ends: number[] = [];
    const span = (m: Mark): [number, number] => [
      m.at - HALF - (m.comparator === '<=' ? ARROW : 0),
      (m.to ?? m.at) + HALF + (m.comparator === '>=' ? ARROW : 0),
    ];
    const placed = [...lane.marks]
      .sort((a, b) => span(a)[0] - span(b)[0])
      .map((m) => {
        const [start, end] = span(m);
        let row = ends.findIndex((e) => e <= start);
        if (row < 0) row = ends.push(end) - 1;
        else ends[row] = end;
        return { ...m, row };
      });
    return { label: lane.label, tone: lane.tone, marks: placed, rows: Math.max(1, ends.length) };
  });
}

/** Every figure of requirements in canonical units (value, or min and max). */
export const figuresOf = (rows: readonly RequirementView[]) =>
  rows.flatMap((r) =>
    [r.canonical.value, r.canonical.min, r.canonical.max].filter((v): v is number => v !== undefined),
  );

/** A requirement's position(s) on an axis. */
export function placeOf(r: RequirementView, axis: Axis): Pick<Mark, 'at' | 'to'> {
  if (r.comparator === 'range') return { at: axis.at(r.canonical.min!), to: axis.at(r.canonical.max!) };
  return { at: axis.at(r.canonical.value!) };
}

/** One use case on the latency-versus-reliability chart. */
export interface CasePoint {
  href: string;
  title: string;
  tone: string;
  /** Latency extent (min..max of its latency figures), 0..1. */
  x: [number, number];
  /** Reliability or availability extent, 0..1 (0 at the bottom). */
  y: [number, number];
  /** Reliability stated (filled mark) or only availability (hollow). */
  kind: 'reliability' | 'availability';
}

/** Lowest and highest figure of rows. */
export function extentOf(rows: readonly RequirementView[]): [number, number] | undefined {
  const values = figuresOf(rows);
  return values.length ? [values.reduce((a, b) => Math.min(a, b)), values.reduce((a, b) => Math.max(a, b))] : undefined;
}
