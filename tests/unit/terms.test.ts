/**
 * The catalogue's bodies in both languages hold to the term list (content/terms/): every entry has a Chinese and
 * an English body of comparable length, and no body uses a rendering the list says to avoid.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import { renderEntryBody } from '../../src/lib/catalogue/body/index.ts';

const { catalogue } = await loadCatalogue(path.resolve('.'), {});
const bodies = catalogue.standards.map((s) => ({ id: s.id, ...renderEntryBody(s.body, s.data.lang) }));

/** Whether `text` uses `term`: as a word in English (any case), as a substring in Chinese. */
export function uses(text: string, term: string, lang: 'zh' | 'en'): boolean {
  if (lang === 'zh') return text.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

describe('the term list', () => {
  it('exists and names concepts in both languages', () => {
    expect(catalogue.terms.length).toBeGreaterThanOrEqual(20);
  });

  it('is followed by every body: no rendering the list says to avoid', () => {
    const found: string[] = [];
    for (const body of bodies)
      for (const term of catalogue.terms)
        for (const lang of ['zh', 'en'] as const)
          for (const bad of term.data.avoid[lang])
            if (body[lang] && uses(body[lang].text, bad, lang))
              found.push(`${body.id} (${lang}): "${bad}" instead of "${term.data[lang]}"`);
    expect(found).toEqual([]);
  });

  it('catches a body that uses an avoided rendering', () => {
    const term = catalogue.terms.find((t) => t.data.avoid.zh.length > 0)!;
    const { zh } = renderEntryBody(`本标准规定${term.data.avoid.zh[0]}的要求。`, 'zh');
    expect(uses(zh!.text, term.data.avoid.zh[0]!, 'zh')).toBe(true);
    expect(uses('Latency for URLLC services', 'URLLC', 'en')).toBe(true);
    expect(uses('a slicing-aware design', 'slice', 'en')).toBe(false);
  });
});

describe('bodies in both languages', () => {
  it('every entry has a Chinese and an English body', () => {
    expect(bodies.filter((b) => !b.zh || !b.en).map((b) => b.id)).toEqual([]);
  });

  it('of comparable length: the same content, not a summary', () => {
    // English takes about 2 to 3.5 characters for each Chinese one; far outside that, one side is missing content.
    const odd = bodies
      .filter((b) => b.zh && b.en)
      .map((b) => ({ id: b.id, ratio: b.en!.text.length / Math.max(1, b.zh!.text.length) }))
      .filter((b) => b.ratio < 1.8 || b.ratio > 5.5)
      .map((b) => `${b.id}: ${b.ratio.toFixed(2)}`);
    expect(odd).toEqual([]);
  });
});
