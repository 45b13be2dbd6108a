/**
 * Property: for entries drawn from the payloads of every hostile class, the check and the renderer agree. What the
 * check accepts renders without an error, and its HTML holds no script, no event handler, no embed and no
 * javascript: URL. (The site tests build accepted hostile entries into the real site and open them in Chromium.)
 */
import fc from 'fast-check';
import { SAXParser } from 'parse5-sax-parser';
import { describe, expect, it } from 'vitest';
import { renderEntryBody } from '../../src/lib/catalogue/body/index.ts';
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
