/** CONTRIBUTING.md lists the limits and the body allow-list the code holds; a change to either must change both. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ELEMENTS, LANGUAGE_BLOCK } from '../../src/lib/catalogue/body/index.ts';
import { LIMITS } from '../../src/lib/catalogue/limits.ts';

const text = readFileSync(path.resolve(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');

/** The lines of CONTRIBUTING.md from the one that contains `start` up to the first blank line. */
function paragraph(start: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(start));
  expect(from, `CONTRIBUTING.md has "${start}"`).toBeGreaterThanOrEqual(0);
  const to = lines.findIndex((l, i) => i > from && l.trim() === '');
  return lines.slice(from, to).join(' ');
}

describe('CONTRIBUTING.md', () => {
  it('names every limit of src/lib/catalogue/limits.ts with its value', () => {
    const limits = paragraph('anything beyond a limit');
    const shown = (key: string, value: number) =>
      /Bytes$/.test(key) ? `${value / 1024} KB` : value.toLocaleString('en-US');
    for (const [key, value] of Object.entries(LIMITS)) expect(limits, key).toContain(shown(key, value));
  });

  it('lists exactly the components and elements a body may use', () => {
    const list = paragraph('any component other than the allow-list');
    const named = new Set([...list.matchAll(/<([A-Za-z]+)[\s/>]/g)].map((m) => m[1]));
    const allowed = Object.keys(ALLOWED_ELEMENTS).filter((name) => name !== LANGUAGE_BLOCK);
    expect([...named].sort()).toEqual(allowed.sort());
  });
});
