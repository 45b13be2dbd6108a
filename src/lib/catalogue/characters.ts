/**
 * Characters that show nothing, change the direction of text or control a terminal, and letters of other scripts
 * that look like Latin ones. Contributed text may not hold the first kind (the check refuses them with their code
 * point), designations may hold neither, and whatever reaches a terminal, a feed or an export from elsewhere is
 * shown with such characters written out (`\u202E`), never raw.
 */
import unhomoglyph from 'unhomoglyph';

/**
 * Refused in every text of the catalogue (titles, names, summaries, notes, labels, bodies): control characters
 * other than tab and line feed (C0, DEL, C1: a terminal escape starts with one), the direction controls that reorder
 * what follows them, tag characters, noncharacters, lone surrogates, and the other characters Unicode marks as
 * default-ignorable (zero-width spaces, invisible separators, Hangul fillers, soft hyphens). Joiners and variation
 * selectors stay allowed in text: Chinese variant forms and emoji use them.
 */
export const REFUSED_IN_TEXT =
  /[[\p{Cc}\p{Bidi_Control}\p{Noncharacter_Code_Point}\p{Cs}\p{Default_Ignorable_Code_Point}\u{E0000}-\u{E007F}]--[\t\n\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]]/v;

/** Refused in a designation: everything {@link REFUSED_IN_TEXT} refuses, and joiners, variation selectors and tabs too. */
export const REFUSED_IN_CODE =
  /[\p{Cc}\p{Bidi_Control}\p{Noncharacter_Code_Point}\p{Cs}\p{Default_Ignorable_Code_Point}\u{E0000}-\u{E007F}]/v;

/** Characters never written raw to a terminal, a feed or an export: controls, format characters, separators. */
const UNSAFE_OUTPUT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}]/gv;

/** `U+202E` (four hex digits at least). */
export const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A character written out as an escape: `\u202E`, `\u{E0041}` beyond the first plane. */
function escaped(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * Text with every control, format, separator, surrogate and noncharacter written out as `\u…` (tab and line feed
 * too), so that no escape sequence reaches a terminal and no direction control reorders what follows it.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE_OUTPUT, escaped);
}

/**
 * Text for a file others read (CSV, XML feeds, BibTeX, RIS): as {@link visible}, but tabs, line feeds and carriage
 * returns kept, which these formats handle themselves. The check refuses such characters in every contributed
 * text, so this only ever shows what reached a file some other way; an ill-formed feed is never written.
 */
export function exportText(text: string): string {
  return text.replace(UNSAFE_OUTPUT, (char) =>
    char === '\t' || char === '\n' || char === '\r' ? char : escaped(char),
  );
}

/**
 * Text for a line of output (a message, a file name): as {@link visible}, but line feeds and tabs kept as the
 * two-character escapes `\n` and `\t`, so one problem stays one line.
 */
export function oneLine(text: string): string {
  return visible(text)
    .replace(/\\u000A/g, '\\n')
    .replace(/\\u0009/g, '\\t');
}

/**
 * A JSON text with every control, format and separator character inside its strings written as `\uXXXX` (line feeds
 * between its lines stay: JSON.stringify has already escaped those inside strings). It parses to the same value.
 */
export function jsonText(json: string): string {
  return json.replace(UNSAFE_OUTPUT, (char) =>
    char === '\n'
      ? char
      : Array.from(
          { length: char.length },
          (_, i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`,
        ).join(''),
  );
}

/** The first refused character of a text, with its place (0-based, in code units), or undefined. */
export function refusedCharacter(text: string, pattern = REFUSED_IN_TEXT): { char: string; index: number } | undefined {
  const m = pattern.exec(text);
  return m ? { char: m[0], index: m.index } : undefined;
}

/** A refused character named for a message: `U+202E (a direction control)`. */
export function describeCharacter(char: string): string {
  const kind = /\p{Bidi_Control}/v.test(char)
    ? 'a direction control, which reorders the text after it'
    : /\p{Cc}/v.test(char)
      ? 'a control character'
      : /[\u{E0000}-\u{E007F}]/v.test(char)
        ? 'a tag character, which shows nothing'
        : /[\p{Cs}\p{Noncharacter_Code_Point}]/v.test(char)
          ? 'not a character'
          : /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/v.test(char)
            ? 'a variation selector, which shows nothing'
            : 'an invisible character';
  return `${codePoint(char)}, ${kind}`;
}

/** Scripts whose letters are expected in a designation beside Latin ones (Chinese, Japanese and Korean text). */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/v;
const ASCII_LETTER = /[A-Za-z]/;
const ASCII_ALNUM = /^[A-Za-z0-9]+$/;

/**
 * Unicode's confusable skeleton of a text (UTS #39, confusables.txt, from the `unhomoglyph` package): every
 * character replaced by the prototype it is confused with (`Т` Cyrillic → `T`, `Ι` Greek → `l`, `0` → `O`). Two
 * texts with the same skeleton look alike. Not for display.
 */
export const skeleton = (text: string): string => unhomoglyph(text);

/**
 * The letters and digits of a designation that belong to another script but look like Latin ones, with the Latin
 * text to write instead: only in a designation that has Latin letters (a designation written wholly in Cyrillic or
 * Greek is another issuer's, and Chinese beside Latin is normal). Read after NFKC, so full-width forms are not
 * look-alikes.
 */
export function latinLookalikes(code: string): Array<{ char: string; latin: string }> {
  const text = code.normalize('NFKC');
  if (!ASCII_LETTER.test(text)) return [];
  const found: Array<{ char: string; latin: string }> = [];
  for (const char of new Set(text)) {
    if (char.charCodeAt(0) < 0x80 || !/[\p{L}\p{N}]/v.test(char) || EAST_ASIAN.test(char)) continue;
    // The letter itself, then its capital: the skeleton of a capital is a capital where one exists (Cyrillic т → Т →
    // T). Never its small letter: a capital does not look like its small letter's look-alike (Greek Γ is not y).
    const latin = [char, char.toUpperCase()].map((c) => skeleton(c).normalize('NFKC')).find((s) => ASCII_ALNUM.test(s));
    if (latin !== undefined) found.push({ char, latin: latinLetter(char, latin) });
  }
  return found;
}

/** The Latin letter a reader sees: the skeleton's `l` for a capital I-like letter is an `I`, its `O` a digit only in digits. */
function latinLetter(char: string, latin: string): string {
  if (latin === 'l' && char === char.toUpperCase() && char !== char.toLowerCase()) return 'I';
  if (latin === 'rn') return 'm';
  return latin;
}
