import type { MetricData } from './schemas/index.ts';

/** The units a metric accepts: its canonical unit and every unit convertible to it. */
export function unitsOf(metric: Pick<MetricData, 'unit' | 'units'>): string[] {
  return [metric.unit, ...Object.keys(metric.units)];
}

/** Factor that turns a value in `unit` into the metric's canonical unit, or undefined. */
export function factorOf(metric: Pick<MetricData, 'unit' | 'units'>, unit: string): number | undefined {
  if (unit === metric.unit) return 1;
  // Own units only: a unit named like an inherited property (`constructor`) is no unit of the metric.
  return Object.hasOwn(metric.units, unit) ? metric.units[unit] : undefined;
}

/**
 * Converts a value to the metric's canonical unit. Factors are decimal (0.001, 1000), so the
 * product is rounded to 12 significant digits to keep 0.5 us from becoming 0.0005000000000000001 ms.
 */
export function toCanonical(metric: Pick<MetricData, 'unit' | 'units'>, value: number, unit: string): number {
  const factor = factorOf(metric, unit);
  if (factor === undefined) throw new Error(`unit "${unit}" does not convert to ${metric.unit}`);
  return Number((value * factor).toPrecision(12));
}
