/**
 * The plan's targets, as the real `content/targets/` files define them, applied to entries of every kind the
 * plan's words separate: only standards of China's system written for 5G applications in the key industries and
 * published since the plan count; drafts are in development; everything else is shown with its reason.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.ts';
import { loadCatalogue } from './load.ts';
import { standardSchema, type StandardInput } from './schemas/index.ts';

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
  'no-date': { dates: undefined },
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
      ].sort(),
    );
    expect(t.count).toBe(5);
  });

  it('counts those published by the deadline apart', () => {
    expect(t.countByDeadline).toBe(4);
    expect(t.completedOn).toBeUndefined();
  });

  it('shows drafts of the same scope as in development, never counted', () => {
    expect(t.inDevelopment).toEqual(['draft-5g']);
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
    });
  });

  it('counts per sector', () => {
    expect(t.bySector.ports).toBe(4);
    expect(t.bySector.power).toBe(1);
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
