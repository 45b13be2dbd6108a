import { describe, expect, it } from 'vitest';
import {
  describeCharacter,
  exportText,
  jsonText,
  latinLookalikes,
  oneLine,
  refusedCharacter,
  REFUSED_IN_CODE,
  visible,
} from './characters.ts';

describe('characters written out', () => {
  it('writes a character of the first plane as four hex digits and one beyond it in braces', () => {
    expect(visible('a\u202Eb')).toBe('a\\u202Eb');
    expect(visible('\u0007')).toBe('\\u0007');
    // U+FFFF is the last code point of the first plane.
    expect(visible('\uFFFF')).toBe('\\uFFFF');
    expect(visible('\u{E0041}')).toBe('\\u{E0041}');
  });

  it('keeps tab, line feed and carriage return in exports, and writes out the rest', () => {
    expect(exportText('a\tb\r\nc\u0085d\u2028e')).toBe('a\tb\r\nc\\u0085d\\u2028e');
  });

  it('keeps one problem on one line: line feeds and tabs as \\n and \\t', () => {
    expect(oneLine('a\nb\tc\u001B[2J')).toBe('a\\nb\\tc\\u001B[2J');
  });

  it('writes JSON whose strings hold no raw control, format or separator character, and which parses to the same value', () => {
    const value = { title: 'x\u202Ey\u{E0041}\u00AD\u2029z', n: 1 };
    const text = jsonText(JSON.stringify(value, null, 1));
    expect(text).toBe('{\n "title": "x\\u202Ey\\uDB40\\uDC41\\u00AD\\u2029z",\n "n": 1\n}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('refused characters named for a message', () => {
  it.for([
    ['\u202E', 'U+202E, a direction control, which reorders the text after it'],
    ['\u0007', 'U+0007, a control character'],
    ['\u{E0041}', 'U+E0041, a tag character, which shows nothing'],
    ['\uFFFF', 'U+FFFF, not a character'],
    ['\uFE0F', 'U+FE0F, a variation selector, which shows nothing'],
    ['\u200B', 'U+200B, an invisible character'],
  ] as const)('%j', ([char, message]) => {
    expect(describeCharacter(char)).toBe(message);
  });

  it('finds the first refused character of a designation with its place', () => {
    expect(refusedCharacter('TS\u200D 22.261', REFUSED_IN_CODE)).toEqual({ char: '\u200D', index: 2 });
    expect(refusedCharacter('TS 22.261', REFUSED_IN_CODE)).toBeUndefined();
  });
});

describe('letters of other scripts that look like Latin ones, in a designation', () => {
  it('names each with the Latin letter to write, a small letter by its capital', () => {
    expect(latinLookalikes('Тт 1A')).toEqual([
      { char: 'Т', latin: 'T' },
      { char: 'т', latin: 'T' },
    ]);
    expect(latinLookalikes('AB ৪')).toEqual([{ char: '৪', latin: '8' }]);
  });

  it('writes a capital that looks like I as I, and a caseless letter that looks like l as l', () => {
    expect(latinLookalikes('AB Ι')).toEqual([{ char: 'Ι', latin: 'I' }]);
    expect(latinLookalikes('AB ا')).toEqual([{ char: 'ا', latin: 'l' }]);
  });

  it('writes a letter that looks like rn as the m it is read as', () => {
    expect(latinLookalikes('AB 𑜀')).toEqual([{ char: '𑜀', latin: 'm' }]);
  });

  it('leaves alone a designation with no Latin letter, letters that look like no Latin one, and Latin letters with marks', () => {
    expect(latinLookalikes('ТС 22.261')).toEqual([]);
    expect(latinLookalikes('AB Ж')).toEqual([]);
    // A capital is not its small letter's look-alike (γ looks like y; Γ does not).
    expect(latinLookalikes('AB Γ')).toEqual([]);
    expect(latinLookalikes('ØS Ɓ 1')).toEqual([]);
    expect(latinLookalikes('YD/T 3627 中文')).toEqual([]);
  });
});
