/**
 * The catalogue in content/ as a whole: every designation once, every sector of the plan with
 * an industry-tier entry, every topic of box 1 with an entry, a version on every requirement row,
 * and a clean check.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  errorCount,
  formatProblem,
  loadCatalogue,
  normalizeCode,
  type LoadResult,
} from '../../src/lib/catalogue/index.ts';

let result: LoadResult;
beforeAll(async () => {
  result = await loadCatalogue(path.resolve('.'), {});
});

describe('the starter catalogue', () => {
  it('passes npm run check without errors or warnings', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(errorCount(result.problems)).toBe(0);
  });

  it('has at least 60 entries, each designation once', () => {
    const codes = result.catalogue.standards.map((s) => normalizeCode(s.data.code));
    expect(codes.length).toBeGreaterThanOrEqual(60);
    const seen = new Map<string, number>();
    for (const code of codes) seen.set(code, (seen.get(code) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('has the 15 sectors of the plan, each with at least one industry-tier entry', () => {
    expect(result.catalogue.sectors.map((s) => s.id).sort()).toHaveLength(15);
    for (const sector of result.catalogue.sectors) {
      const entries = result.catalogue.standards.filter(
        (s) => s.data.tier === 'industry' && s.data.sectors.includes(sector.id),
      );
      expect(entries.length, sector.id).toBeGreaterThan(0);
    }
  });

  it('has the 11 topics of box 1, each with at least one entry', () => {
    expect(result.catalogue.topics).toHaveLength(11);
    for (const topic of result.catalogue.topics)
      expect(
        result.catalogue.standards.some((s) => s.data.topics.includes(topic.id)),
        topic.id,
      ).toBe(true);
  });

  // The check only compares a row's version with the entry's list when the row names one; the
  // catalogue itself holds every row to naming the version it was read from.
  it('names, on every requirement row, the version of the document it was read from', () => {
    const unversioned = result.catalogue.standards.flatMap((s) =>
      s.data.requirements.filter((r) => r.version === undefined).map((r) => `${s.id}: ${r.id}`),
    );
    expect(unversioned).toEqual([]);
  });

  it('names a body file for every issuer and counts no standard as key without a source', () => {
    const bodies = new Set(result.catalogue.bodies.map((b) => b.id));
    for (const s of result.catalogue.standards) expect(bodies.has(s.data.body), s.id).toBe(true);
    expect(result.catalogue.standards.filter((s) => s.data.key).map((s) => s.id)).toEqual([]);
  });
});
