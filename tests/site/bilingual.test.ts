/**
 * Every entry reads in both languages (issue #18): each page shows the body in its own language, a body written in
 * one language only is shown with a note, and search finds an entry by a phrase that exists only in the body
 * written in the other language.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue/load.ts';
import { renderEntryBody } from '../../src/lib/catalogue/body/index.ts';
import { resultCodes, searchDone, site, useBrowser } from './helpers.ts';

const browser = useBrowser();
type Loaded = Awaited<ReturnType<typeof loadCatalogue>>['catalogue']['standards'][number];
let texts: Array<{ entry: Loaded; bodies: ReturnType<typeof renderEntryBody> }> = [];
let everything: string[] = [];
beforeAll(async () => {
  const { catalogue } = await loadCatalogue(path.dirname(site().content));
  texts = catalogue.standards.map((s) => ({ entry: s, bodies: renderEntryBody(s.body, s.data.lang) }));
  everything = texts.map(
    ({ entry, bodies }) => `${bodies.zh?.text ?? ''} ${bodies.en?.text ?? ''} ${JSON.stringify(entry.data)}`,
  );
});

/** A phrase of `text` found in no other entry (nor in this one's other fields), to search for. */
function uniquePhrase(index: number, text: string, lang: 'zh' | 'en'): string | undefined {
  const others = everything
    .filter((_, i) => i !== index)
    .join('\n')
    .toLowerCase();
  const own = JSON.stringify(texts[index]!.entry.data).toLowerCase();
  if (lang === 'zh') {
    for (const run of text.match(/\p{Script=Han}{6,}/gu) ?? [])
      for (let i = 0; i + 6 <= run.length; i++) {
        const phrase = run.slice(i, i + 6);
        if (!others.includes(phrase) && !own.includes(phrase)) return phrase;
      }
  } else {
    // Three words that stand next to each other in the text (a phrase a reader could quote).
    for (const run of text.match(/[A-Za-z]+(?: [A-Za-z]+){2,}/g) ?? []) {
      const words = run.split(' ');
      for (let i = 0; i + 3 <= words.length; i++) {
        const three = words.slice(i, i + 3);
        const phrase = three.join(' ').toLowerCase();
        if (
          three.every((w) => w.length >= 4) &&
          !others.includes(phrase) &&
          !own.includes(phrase) &&
          three.some((w) => !others.includes(w.toLowerCase()))
        )
          return phrase;
      }
    }
  }
  return undefined;
}

describe('bodies in both languages', () => {
  it.each([
    ['3gpp-ts-22-104', 'standards/3gpp-ts-22-104/', 'zh-CN'],
    ['3gpp-ts-22-104', 'en/standards/3gpp-ts-22-104/', 'en'],
    ['yd-t-3627-2019', 'standards/yd-t-3627-2019/', 'zh-CN'],
    ['yd-t-3627-2019', 'en/standards/yd-t-3627-2019/', 'en'],
  ])('%s at %s shows the body in the page’s language', async (_id, pagePath, lang) => {
    const page = await browser().newPage();
    await page.goto(site().url + pagePath);
    expect(await page.getAttribute('.prose', 'lang')).toBe(lang);
    expect(await page.locator('.other-lang-note').count()).toBe(0);
    await page.close();
  });
});

describe('search reads both bodies', () => {
  it.each([
    ['a Chinese phrase of an entry first written in English', 'en', 'zh'],
    ['an English phrase of an entry first written in Chinese', 'zh', 'en'],
  ] as const)('finds %s', async (_label, first, other) => {
    const index = texts.findIndex(
      ({ entry, bodies }, i) =>
        entry.data.lang === first && bodies[other] && uniquePhrase(i, bodies[other].text, other),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const { entry, bodies } = texts[index]!;
    const phrase = uniquePhrase(index, bodies[other]!.text, other)!;
    const page = await browser().newPage();
    // As typed, and (English) as a quoted phrase.
    for (const query of other === 'en' ? [phrase, `"${phrase}"`] : [phrase]) {
      await page.goto(`${site().url}${other === 'en' ? 'en/' : ''}search/?q=${encodeURIComponent(query)}`);
      await searchDone(page);
      expect(await resultCodes(page), `${query} → ${entry.data.code}`).toContain(entry.data.code);
    }
    await page.close();
  });
});
