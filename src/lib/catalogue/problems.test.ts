import { describe, expect, it } from 'vitest';
import { formatProblems, type Problem } from './problems.ts';

const warning = (i: number, rule: Problem['rule'] = 'body-one-language'): Problem => ({
  file: `content/standards/e-${String(i).padStart(2, '0')}.mdx`,
  line: 1,
  field: 'body',
  rule,
  severity: 'warning',
  message: 'w',
});

describe('formatProblems', () => {
  it('shows ten warnings of a kind in full', () => {
    expect(formatProblems(Array.from({ length: 10 }, (_, i) => warning(i)))).toHaveLength(10);
  });

  it('shows ten of more, then counts the rest, kind by kind; errors always in full', () => {
    const error: Problem = { ...warning(99, 'unknown-id'), severity: 'error', message: 'e' };
    const lines = formatProblems([
      ...Array.from({ length: 11 }, (_, i) => warning(i)),
      error,
      ...Array.from({ length: 12 }, (_, i) => warning(i, 'date-early')),
    ]);
    expect(lines).toHaveLength(10 + 1 + 10 + 2);
    expect(lines).toContain('content/standards/e-99.mdx:1  body  e');
    expect(lines.slice(-2)).toEqual([
      '… and 1 more warning of the same kind (body-one-language: 11 in all); npm run check -- --json lists every one',
      '… and 2 more warnings of the same kind (date-early: 12 in all); npm run check -- --json lists every one',
    ]);
  });
});
