/**
 * The check's fast path, and the limits read from a body's text before it is parsed. A body that provably holds
 * nothing the rules look at skips the MDX parse (tests/unit/hostile-property.test.ts holds the fast path equal to
 * the full check on generated bodies); nesting, blocks and markers beyond the limits are refused before the parser
 * runs, since its cost grows faster than the text.
 */
import { REFUSED_IN_TEXT } from '../characters.ts';
import { LIMITS } from '../limits.ts';
import type { BodyLang } from './allow-list.ts';

const BLOCK_LINE = /^<Body lang="(zh|en)">$|^<\/Body>$/;
const BLANK = /^[ \t]*$/;
/** A code fence can hold lines that look like anything else (a `<Body>` line, an import): the parse decides. */
const FENCE = /`{3}|~{3}/;

/**
 * The language blocks read from the text without parsing it: undefined when the body has none, null when they are
 * not simply one `<Body lang="…">` line and one `</Body>` line per language around everything else, with no code
 * fence anywhere (the full parse then decides); otherwise the languages and the text
 * inside the blocks.
 */
export function lexicalBlocks(body: string): { langs: BodyLang[]; inner: string } | undefined | null {
  if (!body.includes('<Body')) return undefined;
  if (FENCE.test(body)) return null;
  const langs: BodyLang[] = [];
  const inner: string[] = [];
  let open: BodyLang | undefined;
  for (const line of body.split('\n')) {
    const m = BLOCK_LINE.exec(line.trimEnd());
    if (!m) {
      if (open) inner.push(line);
      else if (!BLANK.test(line)) return null;
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

/** One block of a body: lines without a blank line between them, and the line it starts on (1-based). */
interface Block {
  line: number;
  lines: string[];
}

/** The blocks of a text: a paragraph, list, table or quote never continues across a blank line. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((line, i) => {
    if (BLANK.test(line)) current = undefined;
    else if (current) current.lines.push(line);
    else blocks.push((current = { line: i + 1, lines: [line] }));
  });
  return blocks;
}

const MARKERS = /[*_~[\]`]/g;
const PREFIX = /^[ \t>*+\-\d.)]*/;

const CONTAINERS = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*/;

/**
 * The levels a line's prefix nests: its quote and list markers (each with the space that belongs to it), and half
 * of the rest of its indentation (a tab is four columns).
 */
function lineDepth(line: string): number {
  const prefix = CONTAINERS.exec(line)?.[0] ?? '';
  if (prefix === '') return 0;
  let depth = 0;
  let columns = 0;
  for (const part of prefix.match(/> ?|(?:[-*+]|\d{1,9}[.)])[ \t]|\t| /g) ?? [])
    if (part === ' ') columns++;
    else if (part === '\t') columns += 4;
    else depth++;
  return depth + Math.floor(columns / 2);
}

/** Levels a line's prefix can open at most: every `>`, marker or indentation character one level, a tab four. */
const prefixDepth = (line: string) => {
  const prefix = PREFIX.exec(line)?.[0] ?? '';
  return prefix.length + 3 * (prefix.split('\t').length - 1);
};

/**
 * Levels of the syntax tree that no block's text can reach: the `<Body>` block, the paragraph or table cell (table,
 * row, cell), an automatic link and its text, and two to spare. Everything else that nests is counted on the text:
 * the prefix of each line (quotes, list markers, indentation) and every emphasis, link or code marker of the block.
 */
const DEPTH_SLACK = 8;

/**
 * A cheap over-approximation: false only when the body provably contains nothing the rules look at, so that the
 * full parse would find no problem and the languages {@link lexicalBlocks} reads: no `<`, `{`, `}` or `&` (no
 * element, expression, raw HTML or character reference), no import or export line, no refused character, every
 * link to an http(s), mailto or # address, no footnote, task list or protocol-relative link, and nesting and tables
 * that cannot reach their limits. Anything else gets the full MDX parse.
 */
export function needsFullCheck(body: string): boolean {
  const blocks = lexicalBlocks(body);
  if (blocks === null) return true;
  // A body beyond a limit read from the text is refused by the parse step, before the parser runs.
  if (lexicalLimits(body)) return true;
  const text = blocks ? blocks.inner : body;
  if (/[<{}&]/.test(text) || REFUSED_IN_TEXT.test(text)) return true;
  // Footnotes and task lists are rendered in their own way; protocol-relative links are refused.
  if (/\[\^|^\s*[-*+] \[[ xX]\]|\]\(\s*\/\/|\]:\s*\/\//m.test(text)) return true;
  if (/^[ \t>]*(?:import|export)\b/m.test(text)) return true;
  if (/\]\(\s*(?!https?:\/\/|mailto:|#)/i.test(text)) return true;
  if (/%/.test(text) && /\]\(|\]:/.test(text)) return true;
  // Definitions can sit in block quotes and list items, so look for `]:` anywhere.
  if (/\]:\s*(?!https?:\/\/|mailto:|#)/i.test(text)) return true;
  for (const block of blocksOf(text)) {
    const markers = block.lines.reduce((n, l) => n + (l.match(MARKERS)?.length ?? 0), 0);
    const depth = Math.max(...block.lines.map(prefixDepth)) + markers + DEPTH_SLACK;
    if (depth > LIMITS.bodyDepth || block.lines.length > LIMITS.blockLines) return true;
    if (block.lines.some((l) => l.includes('|'))) {
      const columns = Math.max(...block.lines.map((l) => l.split('|').length));
      if (columns > LIMITS.tableColumns || block.lines.length * columns > LIMITS.tableCells) return true;
    }
  }
  return false;
}

/** A limit of a body's text exceeded, found before the parse: where, and the message. */
export interface LexicalLimit {
  line: number;
  message: string;
  suggestion: string;
}

/**
 * The first block, marker or footnote limit a body's text exceeds (see limits.ts), read from the text: the parser's
 * work grows with the square of a block's markers and lines, so these are refused before it runs.
 */
export function lexicalLimits(body: string): LexicalLimit | undefined {
  const footnotes = body.match(/\[\^/g)?.length ?? 0;
  let nesting = 0;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    nesting += lineDepth(lines[i]!);
    if (nesting > LIMITS.nestingTotal)
      return {
        line: i + 1,
        message: `the body's lines nest ${LIMITS.nestingTotal} levels in all by this line (quotes, lists and indentation, summed over the lines); the limit is ${LIMITS.nestingTotal}`,
        suggestion: 'flatten the quotes and lists: a few levels are enough for any text',
      };
  }
  for (const block of blocksOf(body)) {
    if (block.lines.length > LIMITS.blockLines)
      return {
        line: block.line,
        message: `a block of ${block.lines.length} lines without a blank line starts here; the limit is ${LIMITS.blockLines} lines (a paragraph, list or table)`,
        suggestion: 'split it with blank lines, or into several lists or tables',
      };
    const markers = block.lines.reduce((n, l) => n + (l.match(MARKERS)?.length ?? 0), 0);
    if (markers > LIMITS.blockMarkers)
      return {
        line: block.line,
        message: `the block starting here holds ${markers} emphasis, link and code markers (* _ ~ [ ] \`); the limit is ${LIMITS.blockMarkers} in one block`,
        suggestion: 'split it with blank lines, or write fewer markers (a table or list needs no emphasis)',
      };
  }
  // Definitions and references both start `[^`: two per footnote.
  if (footnotes > 2 * LIMITS.footnotes) {
    const line = body.slice(0, body.indexOf('[^')).split('\n').length;
    return {
      line,
      message: `the body has ${footnotes} footnote markers ([^…]); the limit is ${LIMITS.footnotes} footnotes`,
      suggestion: 'keep the notes that a reader needs, or link to the source instead',
    };
  }
  return undefined;
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
