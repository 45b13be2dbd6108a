/** The lookups agree with the schema's enums, the two languages have the same strings, the JSON Schema is current. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { zh } from '../../src/i18n/zh.ts';
import {
  ADOPTION_DEGREES,
  COMPARATORS,
  ENTRY_STATES,
  LEVELS,
  loadCatalogue,
  PLAN_CLAUSES,
  TIERS,
} from '../../src/lib/catalogue/index.ts';
import { referenceJsonSchema, standardJsonSchema } from '../../src/lib/catalogue/json-schema.ts';
import { REFERENCE_COLLECTIONS } from '../../src/lib/catalogue/schemas/index.ts';

/** Every key path of a nested object of strings. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface strings', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zh).sort());
  });

  it('name every tier, level, state, adoption degree and comparator of the schema', () => {
    for (const t of [zh, en]) {
      expect(Object.keys(t.tiers).sort()).toEqual([...TIERS].sort());
      expect(Object.keys(t.tierLong).sort()).toEqual([...TIERS].sort());
      expect(Object.keys(t.levels).sort()).toEqual([...LEVELS].sort());
      expect(Object.keys(t.states).sort()).toEqual([...ENTRY_STATES].sort());
      expect(Object.keys(t.degrees).sort()).toEqual([...ADOPTION_DEGREES].sort());
      expect(Object.keys(t.comparators).sort()).toEqual([...COMPARATORS].sort());
    }
  });
});

describe('the plan', () => {
  it('has its 32 articles and 4 boxes, and each sector article names a sector of content/sectors', async () => {
    expect(PLAN_CLAUSES.map((c) => c.id).sort()).toEqual(
      [...Array.from({ length: 32 }, (_, i) => String(i + 1)), 'box-1', 'box-2', 'box-3', 'box-4'].sort(),
    );
    const { catalogue } = await loadCatalogue(path.resolve('.'), {});
    const sectors = new Map(catalogue.sectors.map((s) => [s.id, s.data.article]));
    for (const clause of PLAN_CLAUSES.filter((c) => c.sector))
      expect(sectors.get(clause.sector!), clause.id).toBe(Number(clause.id));
    expect(sectors.size).toBe(15);
  });
});

describe('schemas/standard.schema.json', () => {
  it('is what npm run schema writes from the current zod schema', async () => {
    const committed = JSON.parse(await readFile('schemas/standard.schema.json', 'utf8'));
    const { catalogue } = await loadCatalogue(path.resolve('.'), {});
    // Example ids follow the content and may lag behind it; the rules may not.
    const strip = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(strip)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => k !== 'examples')
                .map(([k, x]) => [k, strip(x)]),
            )
          : v;
    expect(strip(committed)).toEqual(strip(JSON.parse(JSON.stringify(standardJsonSchema(catalogue)))));
  });

  it('says format: date and format: uri where the zod schema checks dates and URLs', async () => {
    const committed = JSON.parse(await readFile('schemas/standard.schema.json', 'utf8'));
    expect(committed.properties.dates.properties.published.format).toBe('date');
    expect(committed.properties.sources.items.properties.url.format).toBe('uri');
  });
});

describe('schemas/<collection>.schema.json', () => {
  it.each(REFERENCE_COLLECTIONS)('%s is what npm run schema writes from the current zod schema', async (collection) => {
    const committed = JSON.parse(await readFile(`schemas/${collection}.schema.json`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(referenceJsonSchema(collection))));
  });
});
