import { describe, expect, it } from 'vitest';
import { suggestId, unknownIdText } from './suggest.ts';

describe('suggestId', () => {
  const candidates = { ids: ['power', 'tower'], names: new Map([['tower', ['Powr', '塔']]]) };

  it('prefers a name equal to the value to an id one letter away', () => {
    expect(suggestId('powr', candidates)).toEqual({ id: 'tower', via: 'name' });
    expect(suggestId('POWER', candidates)).toEqual({ id: 'power', via: 'id' });
    expect(suggestId('poer', candidates)).toEqual({ id: 'power', via: 'id' });
    expect(suggestId('塔', candidates)).toEqual({ id: 'tower', via: 'name' });
  });

  it('suggests nothing for a value close to nothing', () => {
    expect(suggestId('aerospace', candidates)).toBeUndefined();
    expect(suggestId('', candidates)).toBeUndefined();
  });

  it('lists every id up to twenty, then twenty and where the rest are', () => {
    const ids = (n: number) => ({
      ids: Array.from({ length: n }, (_, i) => `s${String(i).padStart(2, '0')}`),
      names: new Map(),
    });
    expect(unknownIdText('aerospace', 'sector', 'sectors', ids(20)).expected).toBe(`one of ${ids(20).ids.join(', ')}`);
    expect(unknownIdText('aerospace', 'sector', 'sectors', ids(21)).expected).toBe(
      `an id of a file in content/sectors/, e.g. ${ids(20).ids.join(', ')} and 1 more (the file names in content/sectors/)`,
    );
  });

  it('shows a long value cut short, and looks for nothing close to it', () => {
    const text = unknownIdText('x'.repeat(500), 'sector', 'sectors', candidates);
    expect(text.message).toBe(`unknown sector "${'x'.repeat(57)}…"`);
    expect(text.suggestion).toBe(
      'use one of these ids: an id is the file name, in lower-case letters, digits and hyphens',
    );
  });
});
