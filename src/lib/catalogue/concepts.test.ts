import { describe, expect, it } from 'vitest';
import { buildConcepts, ConceptMatcher, conceptKey, termProblems, type ConceptSources } from './concepts.ts';
import { entryRecord } from '../search/records.ts';
import { planQuery } from '../search/tokens.ts';

const term = (
  id: string,
  zh: string,
  en: string,
  aliases: { zh?: string[]; en?: string[] } = {},
  extra: { sector?: string; topic?: string } = {},
) => ({
  id,
  data: { zh, en, aliases: { zh: aliases.zh ?? [], en: aliases.en ?? [] }, ...extra },
});
const SOURCES: ConceptSources = {
  terms: [
    term('urllc', '超高可靠低时延通信', 'ultra-reliable low-latency communication', {
      zh: ['URLLC', '超可靠低时延'],
      en: ['URLLC', 'ultra-reliable low-latency'],
    }),
    term('remote-control', '远程控制', 'remote control', { zh: ['远程操控'] }),
    term('time-sensitive-networking', '时间敏感网络', 'time-sensitive networking', { zh: ['TSN'], en: ['TSN'] }),
    term('electric-power', '电力', 'electric power', { en: ['power grid'] }, { sector: 'power' }),
  ],
  sectors: [
    { id: 'power', data: { name: { zh: '智慧电力', en: 'Smart grid' } } },
    { id: 'ports', data: { name: { zh: '智慧港口', en: 'Smart ports' } } },
  ],
  topics: [{ id: 'positioning', data: { name: { zh: '高精度定位', en: 'High-accuracy positioning' } } }],
  bodies: [
    {
      id: 'ccsa',
      data: { name: { zh: '中国通信标准化协会', en: 'China Communications Standards Association' }, short: 'CCSA' },
    },
  ],
};
const matcher = new ConceptMatcher(buildConcepts(SOURCES));
const keysOf = (plan: ReturnType<typeof planQuery>) =>
  plan.units.map((u) => (u.kind === 'concept' ? u.concepts.map((c) => c.key).join('|') : u.find));

describe('concepts', () => {
  it('finds every form in text: Chinese inside longer runs, other words only as whole words', () => {
    expect([...matcher.keysIn('支持超可靠低时延业务和TSN桥接')].sort()).toEqual(
      [conceptKey('term', 'time-sensitive-networking'), conceptKey('term', 'urllc')].sort(),
    );
    expect([...matcher.keysIn('Ultra-Reliable Low-Latency traffic')]).toEqual([conceptKey('term', 'urllc')]);
    // "TSNs" and "remote controller" are other words.
    expect([...matcher.keysIn('TSNs and remote controllers')]).toEqual([]);
    expect([...matcher.keysIn('本标准适用于电力配网')]).toEqual([conceptKey('sector', 'power')]);
  });

  it('folds a term that names a sector into the sector', () => {
    const power = buildConcepts(SOURCES).find((c) => c.key === conceptKey('sector', 'power'))!;
    expect(power.forms).toEqual(['智慧电力', 'Smart grid', '电力', 'electric power', 'power grid']);
    expect(power.page).toBe('sectors/power/');
  });

  it('reports a form that names two concepts, and a sector that does not exist', () => {
    const bad = {
      ...SOURCES,
      terms: [
        ...SOURCES.terms,
        term('grid', '电网', 'smart grid'),
        term('x', '某某', 'something', {}, { sector: 'nowhere' }),
      ],
    };
    const problems = termProblems(bad);
    expect(problems.map((p) => `${p.collection}/${p.id} ${p.field}`)).toEqual(['terms/x sector', 'terms/grid en']);
    expect(problems[1]!.message).toBe(
      '"smart grid" names both sector "power" (content/sectors/power.yaml, name.en) and term "grid"; search could not tell which is meant',
    );
    expect(termProblems(SOURCES)).toEqual([]);
  });

  it('reports an issuer whose name is a sector’s on the issuer’s file, not on a term file that does not exist', () => {
    const clash = {
      ...SOURCES,
      bodies: [
        ...SOURCES.bodies,
        { id: 'ports-body', data: { name: { zh: '港口组织', en: 'Port body' }, short: 'Smart ports' } },
      ],
    };
    expect(termProblems(clash)).toEqual([
      {
        collection: 'bodies',
        id: 'ports-body',
        field: 'short',
        message:
          '"Smart ports" names both sector "ports" (content/sectors/ports.yaml, name.en) and issuer "ports-body"; search could not tell which is meant',
        suggestion: 'give the two records names that differ',
      },
    ]);
  });
});

describe('query plans', () => {
  it('makes every word a condition, in Chinese as in English', () => {
    expect(keysOf(planQuery('港口 远程控制', matcher))).toEqual(['"港口"', conceptKey('term', 'remote-control')]);
    expect(keysOf(planQuery('slicing latency', matcher))).toEqual(['"slicing"', '"latency"']);
  });

  it('reads a quoted phrase as one phrase', () => {
    expect(keysOf(planQuery('"network slicing" 5G', matcher))).toEqual(['"network slicing"', '"5g"']);
    expect(keysOf(planQuery('“网络切片”', matcher))).toEqual(['"网络 络切 切片"']);
  });

  it('knows concepts by any of their forms, over several words', () => {
    for (const q of ['URLLC', '超可靠低时延', 'ultra-reliable low-latency', 'Ultra reliable low latency'])
      expect(keysOf(planQuery(q, matcher)), q).toEqual([conceptKey('term', 'urllc')]);
    const grid = planQuery('smart grid slicing', matcher);
    expect(keysOf(grid)).toEqual([conceptKey('sector', 'power'), '"slicing"']);
    expect(grid.pages.map((c) => c.page)).toEqual(['sectors/power/']);
    expect(grid.highlight).toEqual(expect.arrayContaining(['smart grid', '智慧电力', '电力', 'power grid', 'slicing']));
  });

  it('searches unspaced Chinese as a phrase first, with the terms it contains as the fall-back', () => {
    const plan = planQuery('港口远程控制', matcher);
    expect(keysOf(plan)).toEqual(['"港口 口远 远程 程控 控制"']);
    expect(plan.fallback!.map((u) => (u.kind === 'concept' ? u.concepts[0]!.key : u.find))).toEqual([
      '"港口"',
      conceptKey('term', 'remote-control'),
    ]);
    expect(
      planQuery('智慧港口远程操控', matcher).fallback!.map((u) => (u.kind === 'concept' ? u.concepts[0]!.key : u.find)),
    ).toEqual([conceptKey('sector', 'ports'), conceptKey('term', 'remote-control')]);
    expect(planQuery('网络切片', matcher).fallback).toBeUndefined();
  });

  it('keeps designations apart', () => {
    expect(planQuery('YD/T 3627', matcher).designation).toBe('ydt3627');
    expect(planQuery('TSN', matcher).designation).toBeUndefined();
  });
});

describe('records', () => {
  const entry = {
    id: 'x',
    state: 'in-force' as const,
    path: 'standards/x/',
    data: {
      code: 'YD/T 1-2024',
      lang: 'zh',
      title: { zh: '时间敏感网络桥接', en: 'TSN bridging' },
      summary: { zh: '概述', en: 'Summary' },
      sectors: ['power'],
      topics: ['positioning'],
      body: 'ccsa',
      tier: 'industry',
      level: 'industry',
      scope: '5g',
      requirements: [],
      dates: {},
    },
  } as unknown as Parameters<typeof entryRecord>[0];

  it('carries the concepts it mentions in the region where it mentions them, and those it is filed under', () => {
    const html = entryRecord(entry, '正文提到超可靠低时延。', matcher).content;
    const region = (key: string) => /data-pagefind-weight="([\d.]+)"[^<]*$/.exec(html.slice(0, html.indexOf(key)))?.[1];
    expect(region(conceptKey('term', 'time-sensitive-networking'))).toBe('10');
    expect(region(conceptKey('term', 'urllc'))).toBe('0.1');
    expect(region(conceptKey('sector', 'power'))).toBe('3');
    expect(html).toContain(conceptKey('topic', 'positioning'));
    expect(html).toContain(conceptKey('body', 'ccsa'));
  });
});

describe('concepts on the search page', () => {
  it('travel as [kind:id, forms] and come back whole', async () => {
    const { toPageConcepts, fromPageConcepts } = await import('./concepts.ts');
    const concepts = buildConcepts(SOURCES);
    expect(fromPageConcepts(JSON.parse(JSON.stringify(toPageConcepts(concepts))))).toEqual(concepts);
  });
});
