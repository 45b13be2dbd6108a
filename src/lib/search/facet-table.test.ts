import { describe, expect, it } from 'vitest';
import { buildFacetTable, countFacets } from './facet-table.ts';

describe('the facet table', () => {
  const table = buildFacetTable([
    ['en_a', { status: ['in-force'], sector: ['power', 'ports'] }],
    ['en_b', { status: ['drafting'], sector: ['power'] }],
    ['en_c', { status: ['in-force'], sector: [] }],
  ]);

  it('lists each value once and each result by its values', () => {
    expect(table.values).toEqual(['status:in-force', 'sector:power', 'sector:ports', 'status:drafting']);
    expect(table.pages.en_b).toEqual([3, 1]);
  });

  it('counts the values of any set of results, leaving out what none has, ignoring unknown ids', () => {
    expect(countFacets(table, ['en_a', 'en_b', 'en_x'])).toEqual({
      status: { 'in-force': 1, drafting: 1 },
      sector: { power: 2, ports: 1 },
    });
    expect(countFacets(table, ['en_c'])).toEqual({ status: { 'in-force': 1 } });
    expect(countFacets(table, [])).toEqual({});
  });

  it('keeps values that hold a colon whole', () => {
    const t = buildFacetTable([['en_a', { release: ['R18:early'] }]]);
    expect(countFacets(t, ['en_a'])).toEqual({ release: { 'R18:early': 1 } });
  });
});
