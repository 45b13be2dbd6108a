/** Formatting shared by pages: numbers, requirement figures, lists of names. */
import type { RequirementView } from '../catalogue/graph.ts';
import { ui, type Lang } from '../../i18n/index.ts';

const numberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 15 });

/** A figure without float noise: 0.001, 99.9999, 1,000,000. */
export const formatNumber = (n: number) => numberFormat.format(n);

/** "≤ 1 ms", "99.9999–99.999999 %", from a figure and its unit. */
export function formatFigure(
  lang: Lang,
  comparator: RequirementView['comparator'],
  figure: { value?: number; min?: number; max?: number },
  unit: string,
): string {
  const sep = unit === '%' ? '' : '\u00a0';
  if (comparator === 'range') return `${formatNumber(figure.min!)}–${formatNumber(figure.max!)}${sep}${unit}`;
  return `${ui(lang).comparators[comparator]}\u00a0${formatNumber(figure.value!)}${sep}${unit}`;
}

/**
 * Designations are kept on one line ("3GPP TS 22.104"), except the long Chinese ones that
 * drafts without a number carry, and any over 32 characters: those wrap like text.
 */
export const codeClass = (code: string, base: string) => (/\p{Script=Han}/u.test(code) || code.length > 32 ? `${base} wraps` : base);
