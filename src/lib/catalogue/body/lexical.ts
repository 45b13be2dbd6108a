/**
 * The check's fast path: what can be known of a body from its text alone, without the MDX parse. A body that
 * provably holds nothing the safety rules look at skips the parse (a property test holds this against the full
 * check), and nesting too deep for the parser is refused before it runs.
 */
import { LIMITS } from '../limits.ts';
import type { BodyLang } from './allow-list.ts';

const BLOCK_LINE = /^<Body lang="(zh|en)">$|^<\/Body>$/;

/**
 * The language blocks read from the text without parsing it: undefined when the body has none, null when they are
 * not simply one `<Body lang="…">` line and one `</Body>` line per language around everything else (the full parse
 * then decides); otherwise the languages and the text inside the blocks.
 */
export function lexicalBlocks(body: string): { langs: BodyLang[]; inner: string } | undefined | null {
  if (!body.includes('<Body')) return undefined;
  const langs: BodyLang[] = [];
  const inner: string[] = [];
  let open: BodyLang | undefined;
  for (const line of body.split('\n')) {
    const m = BLOCK_LINE.exec(line.trimEnd());
    if (!m) {
      if (open) inner.push(line);
      else if (line.trim() !== '') return null;
      continue;
    }
    if (m[1]) {
      if (open || langs.includes(m[1] as BodyLang)) return null;
      open = m[1] as BodyLang;
      langs.push(open);
    } else {
      if (!open) return null;
      open = undefined;
      inner.push('');
    }
  }
  return open ? null : { langs, inner: inner.join('\n') };
}

/**
 * A cheap over-approximation: false only when the body provably contains nothing the MDX safety rules look at (no
 * `<`, `{`, `}`, `&`, import/export lines, and every link destination starting with http(s)://, mailto: or #).
 * Such a body needs no full parse to be checked. Anything else gets the full MDX parse.
 */
export function needsFullCheck(body: string): boolean {
  const blocks = lexicalBlocks(body);
  if (blocks === null) return true;
  if (blocks) body = blocks.inner;
  if (/[<{}&]/.test(body)) return true;
  // Deep nesting (block quotes, lists, emphasis) needs the parse's depth check.
  if (/^[ \t>*+\-\d.)]{24,}/m.test(body) || /[*_~]{12,}/.test(body)) return true;
  // Footnotes and task lists are rendered in their own way; protocol-relative links are refused.
  if (/\[\^|^\s*[-*+] \[[ xX]\]|\]\(\s*\/\/|\]:\s*\/\//m.test(body)) return true;
  if (/^(?:import|export)\b/m.test(body)) return true;
  if (/\]\(\s*(?!https?:\/\/|mailto:|#)/i.test(body)) return true;
  if (/%/.test(body) && /\]\(|\]:/.test(body)) return true;
  // Definitions can sit in block quotes and list items, so look for `]:` anywhere.
  if (/\]:\s*(?!https?:\/\/|mailto:|#)/i.test(body)) return true;
  return false;
}

/**
 * Block nesting read from the text before parsing: the `>` markers and the indentation that open each line. The
 * parser's cost grows with the square of block-quote depth, so deep nesting is refused before it runs.
 */
export function lexicalNesting(body: string): { depth: number; line: number } | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^[ \t>]*/.exec(lines[i] ?? '')?.[0] ?? '';
    if (prefix.length <= LIMITS.bodyDepth) continue;
    const quotes = prefix.split('>').length - 1;
    const indent = prefix.replace(/> ?/g, '').replace(/\t/g, '    ').length;
    const depth = quotes + Math.floor(indent / 2);
    if (depth > LIMITS.bodyDepth) return { depth, line: i + 1 };
  }
  // Elements inside elements: opening tags less closing ones, counted on the text.
  let depth = 0;
  let line = 1;
  for (const m of body.matchAll(/\n|<\/|\/>|<[A-Za-z]/g)) {
    if (m[0] === '\n') line++;
    else if (m[0] === '</' || m[0] === '/>') depth = Math.max(0, depth - 1);
    else if (++depth > LIMITS.bodyDepth) return { depth, line };
  }
  return undefined;
}
