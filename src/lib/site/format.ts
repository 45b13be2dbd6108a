/** Formatting shared by pages: numbers, requirement figures, lists of names. */
import type { RequirementView } from '../catalogue/graph.ts';
import { ui, type Lang } from '../../i18n/index.ts';

const numberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 15 });

/** A figure without float noise: 0.001, 99.9999, 1,000,000. */
export const formatNumber = (n: number) => numberFormat.format(n);

/**
 * A unit as people write it, for display only (unit ids in the data and /catalogue.json stay as authored):
 * `us`, the Greek mu `μs` and the micro sign `µs` all show as `µs`; `km2` as `km²`.
 */
export function displayUnit(unit: string): string {
  return unit
    .replace(/^(?:u|\u03bc|\u00b5)(?=[a-zA-Z]|$)/, '\u00b5')
    .replace(/\/(?:u|\u03bc)s$/, '/\u00b5s')
    .replace(/([a-z])2$/, '$1\u00b2')
    .replace(/([a-z])3$/, '$1\u00b3');
}

/** The units of a metric as a reader sees them: canonical first, each displayed form once. */
export function displayUnits(metric: { unit: string; units: Record<string, number> }): string[] {
  return [...new Set([metric.unit, ...Object.keys(metric.units)].map(displayUnit))];
}

/** Whether a figure's stated form differs from its canonical one (then both are shown). */
export function differsFromCanonical(
  r: Pick<RequirementView, 'unit' | 'value' | 'min' | 'max' | 'canonical'>,
): boolean {
  return (
    displayUnit(r.unit) !== displayUnit(r.canonical.unit) ||
    r.value !== r.canonical.value ||
    r.min !== r.canonical.min ||
    r.max !== r.canonical.max
  );
}

/** "≤ 1 ms", "99.9999–99.999999 %", from a figure and its unit. */
export function formatFigure(
  lang: Lang,
  comparator: RequirementView['comparator'],
  figure: { value?: number; min?: number; max?: number },
  unit: string,
): string {
  unit = displayUnit(unit);
  const sep = unit === '%' ? '' : '\u00a0';
  if (comparator === 'range') return `${formatNumber(figure.min!)}–${formatNumber(figure.max!)}${sep}${unit}`;
  return `${ui(lang).comparators[comparator]}\u00a0${formatNumber(figure.value!)}${sep}${unit}`;
}

/**
 * Designations are kept on one line ("3GPP TS 22.104"), except the long Chinese ones that
 * drafts without a number carry, and any over 32 characters: those wrap like text.
 */
export const codeClass = (code: string, base: string) =>
  /\p{Script=Han}/u.test(code) || code.length > 32 ? `${base} wraps` : base;
