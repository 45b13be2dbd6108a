import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, designationKeys } from '../search/tokens.ts';
import { alignRequirements, compactDesignation, pickEntries, rowKey, type PickerEntry } from './compare-match.ts';

const entry = (id: string, code: string): PickerEntry => [id, code, '', '', designationKeys(code)];
const ENTRIES = [
  entry('3gpp-ts-22-261', '3GPP TS 22.261'),
  entry('3gpp-tr-22-261', '3GPP TR 22.261'),
  entry('3gpp-ts-23-501', '3GPP TS 23.501'),
  entry('yd-t-3627-2019', 'YD/T 3627-2019'),
  entry('gb-t-44284-1-2024', 'GB/T 44284.1-2024'),
];
const ids = (text: string) => pickEntries(ENTRIES, text).map(([id]) => id);

describe('the compare picker', () => {
  it('takes every designation form search takes', () => {
    for (const text of ['TS22261', 'ts 22.261', '3GPP TS 22.261', 'ＴＳ２２．２６１'])
      expect(ids(text), text).toEqual(['3gpp-ts-22-261']);
    for (const text of ['ydt3627', 'YD/T 3627', 'yd/t3627-2019', 'ＹＤ／Ｔ　３６２７', '3627'])
      expect(ids(text), text).toEqual(['yd-t-3627-2019']);
    expect(ids('23.501')).toEqual(['3gpp-ts-23-501']);
    expect(ids('gbt442841')).toEqual(['gb-t-44284-1-2024']);
    // The id and the designation as printed still work.
    expect(ids('3gpp-ts-23-501')).toEqual(['3gpp-ts-23-501']);
  });

  it('names every entry a short form fits, so the page can ask which is meant', () => {
    expect(ids('22.261')).toEqual(['3gpp-ts-22-261', '3gpp-tr-22-261']);
    expect(ids('99.999')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });

  it('compacts exactly as search does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => compactDesignation(s) === compact(s)));
    for (const s of ['ＹＤ／Ｔ　３６２７－２０１９', 'Ⅻ ﬁ 23.501', 'İstanbul 1'])
      expect(compactDesignation(s), s).toBe(compact(s));
  });
});

describe('alignRequirements', () => {
  it('lines rows up by metric and use case, in the metrics’ order, leaving gaps where a standard states none', () => {
    const a = {
      requirements: [
        { metric: 'reliability', figure: '≥ 99.999 %', key: 'case:motion', label: { en: 'Motion control' } },
        { metric: 'latency', figure: '≤ 1 ms', key: 'case:motion', label: { en: 'Motion control' } },
        { metric: 'latency', figure: '≤ 0.5 ms', key: 'case:motion' },
        { metric: 'latency', figure: '≤ 10 ms', key: 'scenario:video' },
      ],
    };
    const b = {
      requirements: [
        { metric: 'latency', figure: '≤ 2 ms', key: 'case:motion' },
        { metric: 'jitter', figure: '≤ 1 ms', key: '' },
      ],
    };
    const lines = alignRequirements([a, b], ['latency', 'jitter', 'reliability']);
    expect(lines.map((l) => [l.metric, l.key, l.cells.map((c) => c.map((r) => r.figure))])).toEqual([
      ['latency', 'case:motion', [['≤ 1 ms', '≤ 0.5 ms'], ['≤ 2 ms']]],
      ['latency', 'scenario:video', [['≤ 10 ms'], []]],
      ['jitter', '', [[], ['≤ 1 ms']]],
      ['reliability', 'case:motion', [['≥ 99.999 %'], []]],
    ]);
    expect(lines[0]!.label).toEqual({ en: 'Motion control' });
  });

  it('keys a row by its use case, else its scenario’s words, else the metric alone', () => {
    expect(rowKey({ case: 'motion-control', scenario: { en: 'x' } })).toBe('case:motion-control');
    expect(rowKey({ scenario: { zh: '运动控制', en: ' Motion  Control ' } })).toBe('scenario:motion control');
    expect(rowKey({ scenario: { zh: '运动控制' } })).toBe('scenario:运动控制');
    expect(rowKey({})).toBe('');
  });
});
