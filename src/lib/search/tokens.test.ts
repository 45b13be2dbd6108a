import { describe, expect, it } from 'vitest';
import { compact, designationKeys, hanPairs, planSearch, toIndexText } from './tokens.ts';

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
