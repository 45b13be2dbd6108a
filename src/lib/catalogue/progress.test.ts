/**
 * The plan's targets, as the real `content/targets/` files define them, applied to entries of every kind the
 * plan's words separate: only standards of China's system written for 5G applications in the key industries and
 * published since the plan count; drafts are in development; everything else is shown with its reason.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.ts';
import { loadCatalogue } from './load.ts';
import { standardSchema, type StandardInput, type TargetData } from './schemas/index.ts';

const { catalogue } = await loadCatalogue(path.resolve('.'), {});

const base: StandardInput = {
  code: 'X',
  title: { zh: '测试', en: 'Test' },
  lang: 'zh',
  scope: '5g',
  tier: 'industry',
  sectors: ['ports'],
  body: 'ccsa',
  level: 'group',
  status: 'published',
  dates: { published: '2023-06-01' },
  sources: [{ label: 'Test', url: 'https://example.org/' }],
};

const ENTRIES: Record<string, Partial<StandardInput>> = {
  'group-5g-2023-ports': {},
  'industry-5g-2022-power': { level: 'industry', sectors: ['power'], dates: { published: '2022-01-10' } },
  'national-5g-2024': { level: 'national', dates: { published: '2024-03-01' } },
  'on-the-plan-date': { dates: { published: '2021-07-05' } },
  'superseded-since': { status: 'superseded', dates: { published: '2021-09-01' } },
  'background-2023': { scope: 'background' },
  'international-5g-2023': { level: 'international', body: '3gpp' },
  'before-the-plan': { dates: { published: '2021-07-04' } },
  'no-date': { code: 'T/TEST 99', dates: undefined },
  // No day of publication, but a designation that carries the year: the year is evidence, bound by bound.
  'year-after-from': { code: 'GB/T 90001-2022', level: 'national', dates: undefined },
  'year-of-from': { code: 'GB/T 90002-2021', level: 'national', dates: undefined },
  'year-before-from': { code: 'GB/T 90003-2020', level: 'national', dates: undefined },
  'year-of-deadline': { code: 'GB/T 90004-2023', level: 'national', dates: undefined },
  'year-after-deadline': { code: 'GB/T 90005-2024', level: 'national', dates: undefined },
  'draft-with-year': { code: 'T/TEST 90006-2023', status: 'approval', dates: undefined },
  'common-tier-5g-2023': { tier: 'common', sectors: [] },
  'enterprise-5g-2023': { level: 'enterprise' },
  'draft-5g': { status: 'consultation', dates: undefined },
  'draft-background': { status: 'drafting', scope: 'background', dates: undefined },
};

const standards = Object.entries(ENTRIES).map(([id, extra], i) => ({
  id,
  data: standardSchema.parse({ ...base, code: `T/TEST ${i}-2023`, ...extra }),
}));
const graph = buildGraph({ ...catalogue, standards, today: '2026-12-02' });

/** The graph of the same entries with one more target, `window`, whose filter and deadline are given. */
const withTarget = (filter: TargetData['filter'], deadline: string) =>
  buildGraph({
    ...catalogue,
    standards,
    targets: [
      {
        id: 'window',
        data: { ...catalogue.targets[0]!.data, filter: { ...catalogue.targets[0]!.data.filter, ...filter }, deadline },
      },
    ],
    today: '2026-12-02',
  }).targets[0]!;
const target = (id: string) => graph.targets.find((t) => t.id === id)!;

describe('the first target, 研制30项以上重点行业标准', () => {
  const t = target('industry-standards');

  it('counts 5G standards of China’s system in the key industries published since the plan, superseded or not', () => {
    expect([...t.ids].sort()).toEqual(
      [
        'group-5g-2023-ports',
        'industry-5g-2022-power',
        'national-5g-2024',
        'on-the-plan-date',
        'superseded-since',
        'year-after-from',
        'year-of-deadline',
        'year-after-deadline',
      ].sort(),
    );
    expect(t.count).toBe(8);
  });

  it('counts those published by the deadline apart', () => {
    // 4 dated, and the designation years 2022 and 2023 (the deadline is 31 December 2023); not 2024.
    expect(t.countByDeadline).toBe(6);
    expect(t.completedOn).toBeUndefined();
  });

  it('says how many it counted by the year of their designation alone, and how many it cannot place', () => {
    expect(t.countedByYear).toBe(3);
    expect(t.countedByYearByDeadline).toBe(2);
    // "no-date" (no year at all) and "year-of-from" (2021, the window's own year) may belong to the count.
    expect(t.undated).toBe(2);
    expect(t.byYear).toEqual([
      { year: 2021, count: 2, cumulative: 2 },
      { year: 2022, count: 2, cumulative: 4 },
      { year: 2023, count: 2, cumulative: 6 },
      { year: 2024, count: 2, cumulative: 8 },
    ]);
    // Dated entries first within a year: a year alone is only known to be no later than its end.
    expect(t.ids.slice(-3)).toEqual(['year-of-deadline', 'national-5g-2024', 'year-after-deadline']);
  });

  it('marks the entries dated by their designation year, and only those', () => {
    expect(graph.entries.filter((e) => e.datedBy === 'year').map((e) => [e.id, e.year])).toEqual(
      expect.arrayContaining([
        ['year-after-from', 2022],
        ['year-of-from', 2021],
        ['year-before-from', 2020],
      ]),
    );
    expect(graph.byId.get('group-5g-2023-ports')!.datedBy).toBeUndefined();
    expect(graph.byId.get('no-date')!.year).toBeUndefined();
    // A draft's designation year is no year of publication.
    expect(graph.byId.get('draft-with-year')!.year).toBeUndefined();
    expect(graph.byId.get('year-after-from')!).toMatchObject({ state: 'published-undated', inForce: false });
  });

  it('shows drafts of the same scope as in development, never counted', () => {
    expect(t.inDevelopment).toEqual(['draft-5g', 'draft-with-year']);
  });

  it('gives every entry of the key industries that it does not count its reasons', () => {
    const reasons = Object.fromEntries(t.excluded.map((x) => [x.id, x.reasons]));
    expect(reasons).toEqual({
      'background-2023': ['background'],
      'international-5g-2023': ['international'],
      'before-the-plan': ['before-window'],
      'no-date': ['no-date'],
      'enterprise-5g-2023': ['level'],
      'draft-background': ['background'],
      'year-of-from': ['no-date'],
      'year-before-from': ['before-window'],
    });
    const byId = new Map(t.excluded.map((x) => [x.id, x]));
    expect(byId.get('year-of-from')).toEqual({
      id: 'year-of-from',
      reasons: ['no-date'],
      boundYear: { year: 2021, bound: 'from' },
    });
    expect(byId.get('year-before-from')).toEqual({
      id: 'year-before-from',
      reasons: ['before-window'],
      datedBy: 'year',
    });
    expect(byId.get('no-date')).toEqual({ id: 'no-date', reasons: ['no-date'] });
  });

  it('counts per sector', () => {
    expect(t.bySector.ports).toBe(7);
    expect(t.bySector.power).toBe(1);
  });
});

describe('a designation year against each bound of a window', () => {
  it('counts a year strictly between the bounds’ years; a bound’s own year stays undated; beyond, out', () => {
    const t = withTarget({ published: { from: '2021-07-05', to: '2023-06-30' } }, '2023-12-31');
    const years = ['year-after-from', 'year-of-from', 'year-before-from', 'year-of-deadline', 'year-after-deadline'];
    const where = (id: string) =>
      t.ids.includes(id) ? 'counted' : (t.excluded.find((x) => x.id === id)?.reasons.join() ?? 'absent');
    expect(Object.fromEntries(years.map((id) => [id, where(id)]))).toEqual({
      'year-after-from': 'counted',
      'year-of-from': 'no-date',
      'year-before-from': 'before-window',
      'year-of-deadline': 'no-date',
      'year-after-deadline': 'after-window',
    });
    expect(t.excluded.find((x) => x.id === 'year-of-deadline')?.boundYear).toEqual({ year: 2023, bound: 'to' });
    expect(t.excluded.find((x) => x.id === 'year-after-deadline')?.datedBy).toBe('year');
  });

  it('counts a year by the deadline when it is before the deadline’s year, or that year ending on 31 December', () => {
    const midYear = withTarget({}, '2023-06-30');
    const endOfYear = withTarget({}, '2023-12-31');
    const byDeadline = (t: typeof midYear) => t.countedByYearByDeadline;
    // 2022 always; 2023 only when the deadline is 31 December; 2024 never.
    expect(byDeadline(midYear)).toBe(1);
    expect(byDeadline(endOfYear)).toBe(2);
    expect(withTarget({}, '2022-12-31').countedByYearByDeadline).toBe(1);
    expect(withTarget({}, '2022-12-30').countedByYearByDeadline).toBe(0);
  });

  it('gives the year, never a day, as the completion date when a year-dated entry completes a target', () => {
    const t = buildGraph({
      ...catalogue,
      standards,
      targets: [{ id: 'small', data: { ...catalogue.targets[0]!.data, threshold: 8 } }],
      today: '2026-12-02',
    }).targets[0]!;
    expect(t.completedOn).toBe('2024');
    expect(t.completedByDeadline).toBe(false);
  });
});

describe('the second target, 完成30项以上重点行业关键标准研制', () => {
  const t = target('key-industry-standards');

  it('counts nothing and says no public list exists while no entry is marked key', () => {
    expect(t.count).toBe(0);
    expect(t.noKeyList).toBe(true);
  });

  it('counts an entry marked key by a standards body that can cite a list', () => {
    const marked = standards.map((s) =>
      s.id === 'group-5g-2023-ports' ? { ...s, data: { ...s.data, key: true } } : s,
    );
    const t2 = buildGraph({ ...catalogue, standards: marked, today: '2026-12-02' }).targets.find(
      (x) => x.id === 'key-industry-standards',
    )!;
    expect(t2.ids).toEqual(['group-5g-2023-ports']);
    expect(t2.noKeyList).toBe(false);
  });
});
