import { describe, expect, it } from 'vitest';
import { designationYear, placeInWindow, publicationOf, publishedBy } from './publication.ts';

describe('designationYear', () => {
  it.each([
    ['GB/T 42126.5-2024', 2024],
    ['GB/T 42126.1-2022', 2022],
    ['YD/T 3627—2019', 2019],
    ['T/CAICI 86-2024', 2024],
    ['IEEE 802.1Q-2018', 2018],
    ['ISO/IEC 27001:2022', 2022],
    ['ＧＢ／Ｔ　１２３４５－２０２０', 2020],
  ])('reads the year of %s', (code, year) => expect(designationYear(code)).toBe(year));

  it.each(['3GPP TS 22.104', 'ETSI EN 302 637-2', 'T/ITS 0147.2', 'IETF RFC 8578', 'X 1-0999', 'IEC/IEEE 60802'])(
    'finds none in %s',
    (code) => expect(designationYear(code)).toBeUndefined(),
  );
});

describe('publicationOf', () => {
  it('prefers the day; takes the designation year only for a standard that has been published', () => {
    expect(publicationOf({ code: 'GB/T 1-2020', status: 'published', dates: { published: '2021-03-01' } })).toEqual({
      date: '2021-03-01',
      year: 2021,
    });
    expect(publicationOf({ code: 'GB/T 1-2020', status: 'superseded' })).toEqual({ year: 2020, datedBy: 'year' });
    expect(publicationOf({ code: 'GB/T 1-2020', status: 'approval' })).toEqual({});
    expect(publicationOf({ code: '3GPP TS 22.104', status: 'published' })).toEqual({});
  });
});

describe('placeInWindow and publishedBy', () => {
  const year = (y: number) => ({ year: y, datedBy: 'year' as const });
  it('places a day exactly, bounds included', () => {
    expect(placeInWindow({ date: '2021-07-05' }, { from: '2021-07-05' })).toEqual({ at: 'in' });
    expect(placeInWindow({ date: '2021-07-04' }, { from: '2021-07-05' })).toEqual({ at: 'before' });
    expect(placeInWindow({ date: '2023-07-01' }, { to: '2023-06-30' })).toEqual({ at: 'after' });
    expect(placeInWindow({}, { from: '2021-07-05' })).toEqual({ at: 'unknown' });
  });
  it('places a year only when the whole year is on one side of each bound', () => {
    const w = { from: '2021-07-05', to: '2023-06-30' };
    expect(placeInWindow(year(2020), w)).toEqual({ at: 'before' });
    expect(placeInWindow(year(2021), w)).toEqual({ at: 'unknown', bound: 'from' });
    expect(placeInWindow(year(2022), w)).toEqual({ at: 'in' });
    expect(placeInWindow(year(2023), w)).toEqual({ at: 'unknown', bound: 'to' });
    expect(placeInWindow(year(2024), w)).toEqual({ at: 'after' });
    expect(placeInWindow(year(2030), { from: '2021-07-05' })).toEqual({ at: 'in' });
  });
  it('counts a year by a deadline before its year, or in it when the deadline is 31 December', () => {
    expect(publishedBy(year(2022), '2023-06-30')).toBe(true);
    expect(publishedBy(year(2023), '2023-06-30')).toBe(false);
    expect(publishedBy(year(2023), '2023-12-31')).toBe(true);
    expect(publishedBy(year(2024), '2023-12-31')).toBe(false);
    expect(publishedBy({ date: '2023-12-31' }, '2023-12-31')).toBe(true);
    expect(publishedBy({}, '2023-12-31')).toBe(false);
  });
});
