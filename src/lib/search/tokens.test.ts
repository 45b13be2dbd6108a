import { describe, expect, it } from 'vitest';
import { buildConcepts, ConceptMatcher } from '../catalogue/concepts.ts';
import {
  compact,
  designationKeys,
  hanPairs,
  planQuery,
  planSearch,
  QUERY_LIMITS,
  segmentHan,
  toIndexText,
} from './tokens.ts';

describe('designation keys', () => {
  it.each([
    ['3GPP TS 23.501', ['3gppts23501', 'ts23501', '23501']],
    ['YD/T 3627-2019', ['ydt36272019', 'ydt3627', '36272019', '3627']],
    ['ITU-R M.2410', ['iturm2410', 'm2410', '2410']],
    ['IEEE 802.1Qbv-2015', ['ieee8021qbv2015', 'ieee8021qbv', '8021qbv2015', '8021qbv', '8021']],
    ['ISO 21217:2020', ['iso212172020', 'iso21217', '212172020', '21217']],
    ['煤矿井下5G通信系统技术规范（征求意见稿）', []],
  ])('%s', (code, keys) => expect(designationKeys(code)).toEqual(keys));

  it('finds each entry from the forms engineers type', () => {
    const typed: Array<[string, string]> = [
      ['23.501', '3GPP TS 23.501'],
      ['TS 23.501', '3GPP TS 23.501'],
      ['23501', '3GPP TS 23.501'],
      ['ts23501', '3GPP TS 23.501'],
      ['ＴＳ　２３．５０１', '3GPP TS 23.501'],
      ['YD/T 3627', 'YD/T 3627-2019'],
      ['ydt3627', 'YD/T 3627-2019'],
      ['ＹＤ／Ｔ３６２７', 'YD/T 3627-2019'],
      ['YD/T 3627-2019', 'YD/T 3627-2019'],
      ['M.2410', 'ITU-R M.2410'],
    ];
    for (const [query, code] of typed) {
      const plan = planSearch(query);
      // pagefind matches the query term as a prefix of an indexed word.
      expect(
        designationKeys(code).some((key) => key.startsWith(plan.designation!)),
        query,
      ).toBe(true);
    }
  });
});

describe('Chinese text', () => {
  it('is indexed as overlapping character pairs', () => {
    expect(hanPairs('网络切片')).toEqual(['网络', '络切', '切片', '片']);
    expect(toIndexText('5G网络切片 and 边缘')).toBe('5G 网络 络切 切片 片 and 边缘 缘 ');
  });

  it('is searched as a quoted phrase of the same pairs, so it matches inside longer runs', () => {
    expect(planSearch('网络切片')).toEqual({ text: '"网络 络切 切片"', han: true });
    expect(planSearch('5G 网络切片 latency')).toEqual({ text: '5g "网络 络切 切片" latency', han: true });
    expect(planSearch('“工业互联网”')).toEqual({ text: '"工业 业互 互联 联网"', han: true });
    expect(planSearch('网')).toEqual({ text: '网', han: true });
  });

  it('leaves other queries alone apart from case and width', () => {
    expect(planSearch('Slicing ＡＰＩ')).toEqual({ text: 'slicing api', han: false });
    expect(compact('T/CCSA 311.1-2021')).toBe('tccsa31112021');
  });
});

describe('bounded query work', () => {
  const matcher = new ConceptMatcher(
    buildConcepts({
      terms: [
        { id: 'slicing', data: { zh: '网络切片', en: 'network slicing', aliases: { zh: [], en: [] } } },
        { id: 'urllc', data: { zh: '超可靠低时延通信', en: 'URLLC', aliases: { zh: [], en: [] } } },
      ],
      sectors: [{ id: 'ports', data: { name: { zh: '港口', en: 'Ports' } } }],
      topics: [],
      bodies: [],
    }),
  );

  it('plans a 3,000-character Chinese query in well under a second, searching its first characters', () => {
    const query = '工业互联网网络切片超可靠低时延通信港口'.repeat(160).slice(0, 3_000);
    const started = performance.now();
    const plan = planQuery(query, matcher);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(plan.shortened).toBe(true);
    expect(plan.units.length).toBeLessThanOrEqual(QUERY_LIMITS.units);
  });

  it('segments a long unspaced Chinese word in linear time (only forms as long as the longest are tried)', () => {
    const word = '工业互联网网络切片'.repeat(1_500);
    const started = performance.now();
    const units = segmentHan(word, matcher);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(units.filter((u) => u.kind === 'concept')).toHaveLength(1_500);
  });

  it('searches a word typed 400 times once', () => {
    const plan = planQuery(Array.from({ length: 400 }, () => 'latency').join(' '), matcher);
    expect(plan.units).toEqual([{ kind: 'text', find: '"latency"', score: 'latency', typed: 'latency' }]);
  });

  it('searches a concept named twice (its form and its alias) once', () => {
    expect(planQuery('ports 港口 ports', matcher).units.map((u) => u.typed)).toEqual(['ports']);
  });

  it('searches the first words of a long query, and says it was shortened', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const plan = planQuery(words.join(' '), matcher);
    expect(plan.units.map((u) => u.typed)).toEqual(words.slice(0, QUERY_LIMITS.units));
    expect(plan.shortened).toBe(true);
    expect(planQuery('two words', matcher).shortened).toBeUndefined();
  });
});
