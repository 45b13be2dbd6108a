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

/**
 * The narrowest a plot is drawn, in CSS pixels: below it (a phone) the plot scrolls sideways inside its frame
 * instead of shrinking until its marks and labels can no longer be read or hit.
 */
export const PLOT_MIN_WIDTH = 640;
/** The side of a mark's hit area in CSS pixels: the least a finger or a pointer needs (WCAG 2.5.8). */
export const HIT = 24;
/** Share of a plot's width left free at each end, in percent, so the end marks and tick labels fit. */
export const PLOT_MARGIN = 5;
/** Length of a comparator's arrow in CSS pixels. */
export const ARROW_PX = 15;

/** A length in CSS pixels as a share of the narrowest plot's axis (0..1): what it is at least, whatever the width. */
const share = (px: number) => px / (PLOT_MIN_WIDTH * (1 - (2 * PLOT_MARGIN) / 100));

/**
 * Stacks each lane's marks into as few rows as keep their hit areas apart: marks ordered by position go to the
 * first row whose last mark ends before they start (greedy interval packing, linear after the sort). A mark takes
 * half a hit area either side of its figure, and its arrow's length on the side its comparator allows.
 */
export function stackLanes(lanes: ReadonlyArray<{ label: string; tone: string; marks: readonly Mark[] }>): Lane[] {
  const half = share(HIT / 2);
  const arrow = share(ARROW_PX);
  return lanes.map((lane) => {
    const ends: number[] = [];
    const span = (m: Mark): [number, number] => [
      m.at - half - (m.comparator === '<=' ? arrow : 0),
      (m.to ?? m.at) + half + (m.comparator === '>=' ? arrow : 0),
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

/** A position on the axis (0..1) as a percentage of the plot's width, its margins left free. */
export const plotPercent = (at: number) => Number((PLOT_MARGIN + at * (100 - 2 * PLOT_MARGIN)).toFixed(2));

/**
 * The hit area of a mark centred `left` percent across and `y` pixels down a plot `height` pixels tall (a range: to
 * `right` percent), as inline CSS: a box of at least HIT × HIT pixels around the figure. Its label opens toward the
 * room: to the left for marks on the right (`end`), upward for marks in the lower half (`up`).
 */
export function hitArea(
  left: number,
  y: number,
  height: number,
  right?: number,
): { style: string; end: boolean; up: boolean } {
  const width = right === undefined ? `${HIT}px` : `calc(${(right - left).toFixed(2)}% + ${HIT}px)`;
  return {
    style: `left:calc(${left.toFixed(2)}% - ${HIT / 2}px);top:${(y - HIT / 2).toFixed(1)}px;width:${width};height:${HIT}px`,
    end: (right ?? left) > 55,
    up: y > height / 2,
  };
}

/**
 * Moves apart the marks of a two-dimensional plot whose hit areas would meet at the narrowest width it is drawn
 * (`width` px; positions in percent across and pixels down): a mark that meets one placed before it moves down (else
 * up) by whole hit areas until it meets none, within `top`..`bottom`. Returns each mark's drawn `y`; the plot links
 * a moved mark to its true place with a line. Quadratic in the marks of one plot (a few dozen use cases).
 */
export function dodge(
  points: ReadonlyArray<{ left: number; y: number }>,
  width: number,
  top: number,
  bottom: number,
): number[] {
  const placed: Array<{ x: number; y: number }> = [];
  return points.map((p) => {
    const x = (p.left / 100) * width;
    const meets = (y: number) => placed.some((q) => Math.abs(q.x - x) < HIT && Math.abs(q.y - y) < HIT);
    let y = p.y;
    for (let step = 1; meets(y) && step < 40; step++) {
      const candidate = p.y + Math.ceil(step / 2) * HIT * (step % 2 ? 1 : -1);
      if (candidate >= top && candidate <= bottom) y = candidate;
    }
    placed.push({ x, y });
    return y;
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
