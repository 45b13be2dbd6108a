import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../tests/unit/helpers.ts';
import { buildGraph, type CatalogueGraph, stateOf } from './graph.ts';
import { loadCatalogue } from './load.ts';

let graph: CatalogueGraph;
beforeAll(async () => {
  const { catalogue, problems } = await loadCatalogue(path.join(FIXTURES, 'catalogue'));
  expect(problems).toEqual([]);
  graph = buildGraph({ ...catalogue, today: '2025-01-01' });
});

describe('the derived graph of the fixture catalogue', () => {
  it('orders entries by designation, numbers read as numbers', () => {
    expect(graph.entries.map((e) => e.data.code)).toEqual(['3GPP TS 99.001', 'YD/T 9001-2020', 'YD/T 9001-2024']);
  });

  it('has every link both ways', () => {
    const a = graph.byId.get('spec-a')!;
    const b = graph.byId.get('spec-b')!;
    expect(a.referencedBy).toEqual(['spec-b', 'spec-c']);
    expect(a.adoptedBy).toEqual([{ id: 'spec-b', degree: 'modified' }]);
    expect(a.relatedBy).toEqual(['spec-c']);
    expect(b.supersededBy).toEqual(['spec-c']);
  });

  it('knows what is in force and what is still to take effect', () => {
    expect(graph.byId.get('spec-a')!.state).toBe('in-force');
    expect(graph.byId.get('spec-b')!.state).toBe('superseded');
    expect(graph.byId.get('spec-c')!.state).toBe('to-take-effect');
    expect(graph.byId.get('spec-c')!.inForce).toBe(false);
    expect(graph.byState).toEqual({ 'in-force': 1, superseded: 1, 'to-take-effect': 1 });
  });

  it('converts requirements to canonical units and sorts them by metric, then value', () => {
    expect(graph.requirements.map((r) => [r.metric, r.canonical])).toEqual([
      ['latency', { unit: 'ms', value: 0.5 }],
      ['availability', { unit: '%', min: 99.9, max: 99.999 }],
    ]);
  });

  it('lists each sector with its industry-tier entries first, and each plan clause', () => {
    const ports = graph.sectors.find((s) => s.id === 'ports')!;
    expect(ports.entries).toEqual(['spec-b', 'spec-c']);
    expect(ports.byState).toEqual({ superseded: 1, 'to-take-effect': 1 });
    expect(graph.plan.get('12')).toEqual(['spec-b', 'spec-c']);
    expect(graph.plan.get('box-1')).toEqual(['spec-b']);
  });

  it('counts each target by its filter, against its deadline', () => {
    const [industry, key] = graph.targets;
    expect(industry).toMatchObject({
      id: 'industry-standards',
      count: 1,
      countByDeadline: 0,
      ids: ['spec-c'],
      completedByDeadline: false,
      percent: 50,
    });
    expect(industry!.bySector).toEqual({ ports: 1, mining: 0, power: 0 });
    expect(industry!.byState).toEqual({ superseded: 1, 'to-take-effect': 1 });
    expect(industry!.byYear).toEqual([{ year: 2024, count: 1, cumulative: 1 }]);
    expect(key).toMatchObject({ id: 'key-industry-standards', count: 1 });
  });

  it('marks a target completed on the day its threshold-th entry was published', () => {
    const { catalogue } = {
      catalogue: {
        standards: graph.entries.map((e) => ({ id: e.id, data: { ...e.data, status: 'published' as const } })),
      },
    };
    const g = buildGraph({
      standards: catalogue.standards,
      sectors: graph.sectors,
      topics: graph.topics,
      bodies: graph.bodies,
      metrics: graph.metrics,
      targets: graph.targets.map((t) => ({ id: t.id, data: t.data })),
      today: '2025-01-01',
    });
    expect(g.targets[0]).toMatchObject({
      count: 2,
      countByDeadline: 1,
      completedOn: '2024-01-10',
      completedByDeadline: false,
    });
  });
});

describe('stateOf', () => {
  it('splits published by the effective date, falling back to the published date', () => {
    expect(
      stateOf({ status: 'published', dates: { published: '2024-01-01', effective: '2024-06-01' } }, '2024-05-31'),
    ).toBe('to-take-effect');
    expect(
      stateOf({ status: 'published', dates: { published: '2024-01-01', effective: '2024-06-01' } }, '2024-06-01'),
    ).toBe('in-force');
    expect(stateOf({ status: 'published', dates: { published: '2030-01-01' } }, '2024-06-01')).toBe('to-take-effect');
    expect(stateOf({ status: 'published', dates: { effective: '2022-03-01' } }, '2024-06-01')).toBe('in-force');
    expect(stateOf({ status: 'drafting' }, '2024-06-01')).toBe('drafting');
  });

  it('claims nothing for a published entry with no date: published, date unknown, not in force', () => {
    expect(stateOf({ status: 'published' }, '2024-06-01')).toBe('published-undated');
    expect(stateOf({ status: 'published', dates: {} }, '2024-06-01')).toBe('published-undated');
    // A designation year is evidence of the year of publication, not of the day it took effect.
    expect(stateOf({ status: 'published', code: 'GB/T 42126.5-2024' }, '2026-06-01')).toBe('published-undated');
    expect(stateOf({ status: 'published', code: '3GPP TR 22.804' }, '2026-06-01')).toBe('published-undated');
    expect(stateOf({ status: 'superseded' }, '2024-06-01')).toBe('superseded');
  });
});

describe('use cases', () => {
  it('group an entry’s rows by case and take their name from the scenarios’ shared lead', async () => {
    const { caseName, useCasesOf } = await import('./graph.ts');
    expect(
      caseName([
        { scenario: { en: 'Remote driving: maximum latency', zh: '远程驾驶：最大时延' } },
        { scenario: { en: 'Remote driving: reliability', zh: '远程驾驶：可靠性' } },
      ]),
    ).toEqual({ en: 'Remote driving', zh: '远程驾驶' });
    expect(
      caseName([
        { scenario: { en: 'Extended sensors, high: sharing, latency' } },
        { scenario: { en: 'Extended sensors, high: sharing, reliability' } },
      ]),
    ).toEqual({ en: 'Extended sensors, high: sharing' });
    expect(caseName([{ scenario: { en: 'Emergency stop: survival time' } }])).toEqual({ en: 'Emergency stop' });
    const row = (id: string, c?: string, sectors: string[] = []) => ({ id, case: c, sectors }) as never;
    const cases = useCasesOf('e', [row('a', 'x', ['power']), row('b'), row('c', 'y'), row('d', 'x', ['water'])]);
    expect(cases.map((u) => [u.key, u.rows.map((r) => r.id), u.sectors])).toEqual([
      ['e#x', ['a', 'd'], ['power', 'water']],
      ['e#y', ['c'], []],
    ]);
  });
});
