/**
 * Property: for entries drawn from the payloads of every hostile class, the check and the renderer agree. What the
 * check accepts renders without an error, and its HTML holds no script, no event handler, no embed and no
 * javascript: URL. (The site tests build accepted hostile entries into the real site and open them in Chromium.)
 */
import fc from 'fast-check';
import { SAXParser } from 'parse5-sax-parser';
import { describe, expect, it } from 'vitest';
import { analyseBody, needsFullCheck, renderEntryBody } from '../../src/lib/catalogue/body/index.ts';
import { validateStandardFile } from '../../src/lib/catalogue/validate.ts';
import { hostileEntry } from '../fixtures/hostile/payloads.ts';

const UNSAFE_TAGS = new Set([
  'script',
  'img',
  'svg',
  'iframe',
  'object',
  'embed',
  'style',
  'input',
  'form',
  'math',
  'link',
  'meta',
  'base',
]);

/** What in a piece of HTML could run or load something, as a parser reads it (not as a regex guesses). */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  const parser = new SAXParser();
  parser.on('startTag', (tag) => {
    if (UNSAFE_TAGS.has(tag.tagName)) found.push(`<${tag.tagName}>`);
    for (const a of tag.attrs) {
      if (/^on/i.test(a.name)) found.push(`${a.name}=`);
      if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value))
        found.push(`${a.name}=${a.value}`);
    }
  });
  parser.end(html);
  return found;
}

describe('hostile entries: the check and the renderer agree', () => {
  it('renders every accepted body safely, and the payloads are not all accepted or all refused', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(hostileEntry(0), ({ id, text }) => {
        const { entry, problems } = validateStandardFile({ path: `content/standards/${id}.mdx`, id, text });
        if (!entry || problems.some((p) => p.severity === 'error')) {
          refused++;
          // Whatever is refused is refused with a place to look.
          for (const p of problems) expect(p.file).toBe(`content/standards/${id}.mdx`);
          return;
        }
        accepted++;
        const bodies = renderEntryBody(entry.body, entry.data.lang);
        expect(Object.keys(bodies).length).toBeGreaterThan(0);
        for (const { html } of Object.values(bodies)) expect(unsafeParts(html)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261202 },
    );
    // Not vacuous: the generator reaches both sides of the check.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});

/** Pieces of bodies that sit near an edge of the fast path: fences, block lines, nesting, tables, links, characters. */
const PIECES = [
  'Plain words of a sentence.',
  'Two **bold** and *emphasised* words, `code` and ~struck~ text.',
  'A [link](https://example.org/) and <https://example.org/> and www.example.org and a@example.org.',
  'A [page](/standards/spec-a/) and a [missing one](/standards/none/) and [a sector](/constructor/x/).',
  '[ref]: https://example.org/',
  '[ref]: /standards/none/',
  '[x](javascript:alert(1))',
  '[x](/%zz/)',
  'A 100% figure and [a link](https://example.org/%zz).',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '|a|b|c|',
  '# Heading',
  '> quoted',
  '> > > > > deeply quoted',
  '- item\n- item',
  '1. one\n2. two',
  '- - - - - - - - - - nested',
  '\t\t\t\t\t- tabbed',
  '    indented code',
  '```\ncode\n```',
  '~~~',
  '```',
  '<Body lang="en">',
  '</Body>',
  '<Body lang="zh">',
  'import x from "y"',
  '  import x from "y"',
  'export const a = 1',
  '&amp; and &#x202E;',
  'Braces {1 + 1}',
  '<em>element</em>',
  'A footnote[^1].\n\n[^1]: Its text.',
  '- [ ] task',
  'zero\u200bwidth and \u202eright-to-left',
  '***',
  '*'.repeat(20),
  '_a '.repeat(20),
  '*a '.repeat(12) + 'x' + ' a*'.repeat(12),
  '[a '.repeat(15),
  '*a '.repeat(25) + 'x' + ' a*'.repeat(25),
  '> '.repeat(45) + 'deep',
  `|${'a|'.repeat(60)}\n|${'-|'.repeat(60)}`,
];

/** A body of pieces, sometimes in language blocks (with or without the blank lines around their lines). */
const bodyArbitrary = fc
  .record({
    // Mostly pieces the fast path takes, so that both paths are exercised often.
    pieces: fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...PIECES.slice(0, 3), ...PIECES.slice(9, 17)), weight: 4 },
        { arbitrary: fc.constantFrom(...PIECES), weight: 1 },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    separators: fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n'), { minLength: 6, maxLength: 6 }),
    blocks: fc.constantFrom('none', 'both', 'en', 'tight', 'zh-first'),
    lang: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
  })
  .map(({ pieces, separators, blocks, lang }) => {
    const text = pieces.map((p, i) => `${p}${separators[i] ?? '\n\n'}`).join('');
    const block = (l: string, t: string, gap = '\n\n') => `<Body lang="${l}">${gap}${t}${gap}</Body>`;
    const body =
      blocks === 'none'
        ? text
        : blocks === 'en'
          ? `${block('en', text)}\n`
          : blocks === 'tight'
            ? `${block('en', text, '\n')}\n\n${block('zh', text, '\n')}\n`
            : blocks === 'zh-first'
              ? `${block('zh', text)}\n\n${block('en', 'English text.')}\n`
              : `${block('en', text)}\n\n${block('zh', text)}\n`;
    return { body, lang };
  });

describe('the fast path of the check', () => {
  it('defers to the full check where a limit read from the text is exceeded (lists twelve deep on 900 lines)', () => {
    const body = `${'- '.repeat(12)}x\n`.repeat(900);
    expect(needsFullCheck(body)).toBe(true);
    expect(analyseBody(body, 'en').issues.map((i) => i.rule)).toEqual(['body-limit']);
  });

  it('finds what the full parse finds, and the same languages and links, on every generated body', () => {
    let fast = 0;
    let full = 0;
    fc.assert(
      fc.property(bodyArbitrary, ({ body, lang }) => {
        if (needsFullCheck(body)) full++;
        else fast++;
        const quick = analyseBody(body, lang);
        const parsed = analyseBody(body, lang, { full: true });
        expect(quick).toEqual(parsed);
      }),
      { numRuns: 1_000, seed: 20261210 },
    );
    // Not vacuous: both paths are taken often.
    expect(fast).toBeGreaterThan(200);
    expect(full).toBeGreaterThan(200);
  });
});
