/**
 * Entry bodies are untrusted MDX from many organisations. They are parsed with the MDX grammar
 * (remark-parse + remark-mdx + remark-gfm), every unsafe node is rejected on the syntax tree,
 * the allow-listed components are mapped to plain HTML, and the result is rendered to HTML
 * once. Nothing in a body is ever compiled or run.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { LIMITS } from './limits.ts';
import type { RuleId } from './rule-ids.ts';
import { didYouMean } from './suggest.ts';

/** A problem in a body, with its line in the body (1-based). */
export interface BodyIssue {
  line: number;
  rule: RuleId;
  message: string;
  suggestion?: string;
}

interface ElementRule {
  /** HTML element the component renders as. */
  tag: string;
  /** Attributes allowed, each with the values it may take (undefined: any text). */
  attributes: Record<string, readonly string[] | undefined>;
  /** Class given to the rendered element. */
  className?: (attributes: Record<string, string>) => string[];
  /** The element may only stand directly inside one of these (e.g. `<dt>` inside `<dl>`). */
  parents?: readonly string[];
  /** The element may only hold these elements (text aside), e.g. `<dl>` holds `<dt>` and `<dd>`. */
  children?: readonly string[];
  /** The element must be the first thing inside its parent (`<summary>` in `<details>`). */
  first?: boolean;
  /** A block element: on lines of its own, never inside a sentence. */
  block?: boolean;
}

/**
 * The components and HTML elements an entry body may use. Everything else is rejected.
 * `<Note>` renders a boxed note; the rest are plain HTML without behaviour or attributes
 * (`<abbr>` takes a title).
 */
export const ALLOWED_ELEMENTS: Readonly<Record<string, ElementRule>> = {
  Note: {
    tag: 'aside',
    attributes: { type: ['info', 'warning'], title: undefined },
    className: (a) => ['note', `note-${a.type ?? 'info'}`],
  },
  abbr: { tag: 'abbr', attributes: { title: undefined } },
  // The language blocks of a body in both languages; split off before rendering, never rendered as an element.
  Body: { tag: 'div', attributes: { lang: ['zh', 'en'] } },
  // Plain formatting elements, without attributes.
  ...Object.fromEntries(
    [
      'br',
      'sub',
      'sup',
      'kbd',
      'mark',
      'small',
      'em',
      'strong',
      'code',
      'del',
      'ins',
      's',
      'q',
      'cite',
      'dfn',
      'var',
      'samp',
    ].map((tag) => [tag, { tag, attributes: {} }]),
  ),
  // Disclosure and definition lists, with the structure HTML gives them.
  details: { tag: 'details', attributes: {}, block: true },
  summary: { tag: 'summary', attributes: {}, block: true, parents: ['details'], first: true },
  dl: { tag: 'dl', attributes: {}, block: true, children: ['dt', 'dd'] },
  dt: { tag: 'dt', attributes: {}, block: true, parents: ['dl'] },
  dd: { tag: 'dd', attributes: {}, block: true, parents: ['dl'] },
};

/** Elements that may not sit inside a paragraph. */
const BLOCK_TAGS = new Set([
  'aside',
  ...Object.values(ALLOWED_ELEMENTS)
    .filter((r) => r.block)
    .map((r) => r.tag),
]);

const RAW_CODE_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'img',
  'video',
  'audio',
  'source',
  'canvas',
]);

const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/** Whether a URL in a body is allowed: http(s), mailto, or relative without a scheme. */
export function isSafeBodyUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (SAFE_SCHEMES.test(cleaned)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return scheme === null;
}

/**
 * A cheap over-approximation: false only when the body provably contains nothing the MDX
 * safety rules look at (no `<`, `{`, `}`, `&`, import/export lines, and every link
 * destination starting with http(s)://, mailto: or #). Such a body needs no full parse to be
 * checked. Anything else gets the full MDX parse.
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

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

interface ParseResult {
  tree?: MdastRoot;
  issues: BodyIssue[];
}

/** The deepest node of a tree and its line, found without recursion. */
function treeDepth(tree: MdastRoot): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  const stack: Array<[{ children?: unknown[]; position?: { start: { line: number } } }, number]> = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, line: node.position?.start.line ?? deepest.line };
    if (depth > LIMITS.bodyDepth) break;
    for (const child of (node.children ?? []) as Array<typeof node>) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Block nesting read from the text before parsing: the `>` markers and the indentation that open each line. The
 * parser's cost grows with the square of block-quote depth, so deep nesting is refused before it runs.
 */
function lexicalNesting(body: string): { depth: number; line: number } | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^[ \t>]*/.exec(lines[i]!)![0];
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

function parse(body: string): ParseResult {
  const lexical = lexicalNesting(body);
  if (lexical)
    return {
      issues: [
        {
          line: lexical.line,
          rule: 'body-nesting',
          message: `the body nests more than ${LIMITS.bodyDepth} levels deep here (lists, quotes or elements inside each other)`,
          suggestion: 'flatten the structure',
        },
      ],
    };
  try {
    const tree = parser.parse(body);
    const { depth, line } = treeDepth(tree);
    if (depth > LIMITS.bodyDepth)
      return {
        issues: [
          {
            line,
            rule: 'body-nesting',
            message: `the body nests more than ${LIMITS.bodyDepth} levels deep here (lists, quotes or elements inside each other)`,
            suggestion: 'flatten the structure',
          },
        ],
      };
    return { tree, issues: [] };
  } catch (error) {
    if (error instanceof RangeError)
      return {
        issues: [
          {
            line: 1,
            rule: 'body-nesting',
            message: `the body nests too deeply to read (limit ${LIMITS.bodyDepth} levels)`,
            suggestion: 'flatten the structure',
          },
        ],
      };
    const e = error as {
      reason?: string;
      message?: string;
      line?: number;
      place?: { line?: number; start?: { line?: number } };
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    const reason = (e.reason ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
    return {
      issues: [{ line, rule: 'mdx-syntax', message: `MDX syntax error: ${reason}`, suggestion: syntaxHint(reason) }],
    };
  }
}

function syntaxHint(reason: string): string {
  const unclosed = /closing tag for `<([^>`]+)>`/.exec(reason);
  if (unclosed) return `close the element: <${unclosed[1]}>…</${unclosed[1]}>`;
  if (/expression|brace|`\{`|`\}`|acorn/i.test(reason))
    return 'write \\{ and \\} for literal braces; expressions are not allowed';
  if (/<|tag|name|closing|element|JSX/i.test(reason))
    return 'write \\< or &lt; for a literal "<" (for example "latency \\< 1 ms")';
  return 'check the MDX syntax near this line';
}

const isCommentOnly = (node: { data?: { estree?: { body?: unknown[]; comments?: unknown[] } | null } }) =>
  !!node.data?.estree && node.data.estree.body?.length === 0 && (node.data.estree.comments?.length ?? 0) > 0;

/** Finds every unsafe node of a parsed body; the tree is left as it was. */
function findUnsafe(tree: MdastRoot): BodyIssue[] {
  const issues: BodyIssue[] = [];
  // Parents of every node, so that a rule can look past the paragraph MDX wraps inline elements in.
  const parents = new Map<unknown, Parent>();
  visit(tree, (node, _i, parent) => {
    if (parent) parents.set(node, parent);
  });
  const ancestorsOf = (node: unknown) => parents.get(node);
  const add = (node: { position?: { start: { line: number } } }, rule: RuleId, message: string, suggestion?: string) =>
    issues.push({ line: node.position?.start.line ?? 1, rule, message, ...(suggestion ? { suggestion } : {}) });

  visit(tree, (node, index, parent) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          node,
          'mdx-esm',
          'import and export statements are not allowed in an entry body',
          'remove the statement; entries may not contain code',
        );
        return SKIP;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node))
          add(
            node,
            'mdx-expression',
            'JavaScript expressions in braces are not allowed in an entry body',
            'write \\{ and \\} for literal braces',
          );
        return SKIP;
      case 'html':
        add(node, 'mdx-raw-html', 'raw HTML is not allowed in an entry body');
        return SKIP;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        // A rejected element is one problem; what it contains is not looked at.
        if (!checkElement(node, add)) return SKIP;
        checkStructure(node, index, parent, ancestorsOf, add);
        return undefined;
      case 'link':
      case 'definition':
      case 'image':
        if (!isSafeBodyUrl(node.url))
          add(
            node,
            'unsafe-url',
            `links must be http(s), mailto, or a page of the catalogue written from the root, got ${JSON.stringify(truncate(node.url))}`,
            'link to an http(s) page instead',
          );
        else {
          const problem = linkProblem(node.url);
          if (problem) add(node, 'body-link', problem.message, problem.suggestion);
        }
        return;
      default:
        return;
    }
  });
  return issues;
}

/**
 * What is wrong with a link's form, if anything: it must decode, and an internal one is written from the root
 * (`/standards/<id>/`); protocol-relative (`//host/…`) and relative paths are refused, since they resolve
 * differently on each page and in the offline copy.
 */
function linkProblem(url: string): { message: string; suggestion: string } | undefined {
  const trimmed = url.trim();
  try {
    decodeURI(trimmed);
  } catch {
    return {
      message: `the link ${JSON.stringify(truncate(trimmed))} cannot be decoded (a stray % sign?)`,
      suggestion: 'write % as %25, or fix the escape',
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('#') || trimmed === '') return undefined;
  if (trimmed.startsWith('//'))
    return {
      message: `the link ${JSON.stringify(truncate(trimmed))} has no scheme and would lead to another site`,
      suggestion: `write it in full: https:${truncate(trimmed)}`,
    };
  if (!trimmed.startsWith('/'))
    return {
      message: `the relative link ${JSON.stringify(truncate(trimmed))} resolves differently on every page`,
      suggestion: 'link to a page of the catalogue from the root, e.g. /standards/<id>/',
    };
  return undefined;
}

/** Root-relative links of a parsed body, for the rule that they lead to a page. */
function internalLinks(tree: MdastRoot): Array<{ line: number; url: string }> {
  const links: Array<{ line: number; url: string }> = [];
  visit(tree, (node) => {
    if (
      (node.type === 'link' || node.type === 'definition') &&
      /^\/(?!\/)/.test(node.url.trim()) &&
      !linkProblem(node.url)
    )
      links.push({ line: node.position?.start.line ?? 1, url: node.url.trim() });
  });
  return links;
}

type AddIssue = (
  node: { position?: { start: { line: number } } },
  rule: RuleId,
  message: string,
  suggestion?: string,
) => void;

interface Parent {
  type: string;
  name?: string | null;
  children: Array<{ type: string; name?: string | null; value?: string }>;
}

const isSpace = (node: { type: string; value?: string }) => node.type === 'text' && (node.value ?? '').trim() === '';

/**
 * Checks where an allowed element stands: `<dt>`/`<dd>` inside `<dl>`, `<summary>` first inside `<details>`, `<dl>`
 * holding only `<dt>`/`<dd>`, block elements on lines of their own. Markup that passes renders as valid HTML.
 */
function checkStructure(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  index: number | undefined,
  parent: Parent | undefined,
  parentOf: (n: unknown) => Parent | undefined,
  add: AddIssue,
): void {
  const name = node.name ?? '';
  const rule = ALLOWED_ELEMENTS[name];
  if (!rule) return;
  // A paragraph that holds only block elements and spaces is a wrapper MDX adds; the rules look through it.
  const wrapperOnly =
    parent?.type === 'paragraph' &&
    parent.children.every((c) => isSpace(c) || BLOCK_TAGS.has(ALLOWED_ELEMENTS[c.name ?? '']?.tag ?? ''));
  const container = wrapperOnly ? parentOf(parent) : parent;
  if (rule.block && parent?.type === 'paragraph' && !wrapperOnly)
    add(node, 'mdx-structure', `<${name}> is a block element: put it on lines of its own, not inside a sentence`);
  if (rule.parents) {
    const containerName =
      container && (container.type === 'mdxJsxFlowElement' || container.type === 'mdxJsxTextElement')
        ? (container.name ?? '')
        : '';
    if (!rule.parents.includes(containerName))
      add(
        node,
        'mdx-structure',
        `<${name}> must stand directly inside ${rule.parents.map((p) => `<${p}>`).join(' or ')}`,
        `wrap it: <${rule.parents[0]}>…<${name}>…</${name}>…</${rule.parents[0]}>`,
      );
    else if (rule.first && container) {
      const siblings = container.children
        .flatMap((c) => (c.type === 'paragraph' ? (c as unknown as Parent).children : [c]))
        .filter((c) => !isSpace(c));
      if (siblings[0] !== (node as unknown))
        add(node, 'mdx-structure', `<${name}> must come first inside <${containerName}>`);
    }
  }
  if (rule.children) {
    const inner = node.children.flatMap((c) =>
      c.type === 'paragraph' ? (c.children as Parent['children']) : [c as unknown as Parent['children'][number]],
    );
    const stray = inner.find(
      (c) =>
        !isSpace(c) &&
        !((c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && rule.children!.includes(c.name ?? '')),
    );
    if (stray)
      add(
        node,
        'mdx-structure',
        `<${name}> may only hold ${rule.children.map((c) => `<${c}>`).join(' and ')}`,
        `put the text inside a ${rule.children.map((c) => `<${c}>`).join(' or ')}`,
      );
  }
  void index;
}

/** Checks one element; false when the element itself is not allowed. */
function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, add: AddIssue): boolean {
  const name = node.name ?? '';
  if (name === '') {
    add(node, 'mdx-component', 'fragments (<>…</>) are not allowed in an entry body', 'remove the <> and </>');
    return false;
  }
  const rule = ALLOWED_ELEMENTS[name];
  if (!rule) {
    if (RAW_CODE_ELEMENTS.has(name.toLowerCase()))
      add(
        node,
        'mdx-raw-html',
        `<${name}> is not allowed in an entry body: entries may not contain code, embeds or forms`,
      );
    else
      add(
        node,
        'mdx-component',
        `component <${name}> is not allowed; allowed: ${Object.keys(ALLOWED_ELEMENTS)
          .map((n) => `<${n}>`)
          .join(', ')}`,
        didYouMean(name, Object.keys(ALLOWED_ELEMENTS)),
      );
    return false;
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      add(node, 'mdx-expression', `spread attributes {…} are not allowed on <${name}>`);
      continue;
    }
    if (/^on/i.test(attribute.name)) {
      add(
        node,
        'mdx-event-handler',
        `event handler attribute "${attribute.name}" is not allowed on <${name}>`,
        'remove it; entries may not contain code',
      );
      continue;
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      add(
        node,
        'mdx-expression',
        `attribute "${attribute.name}" of <${name}> is a JavaScript expression`,
        `write it as text: ${attribute.name}="…"`,
      );
      continue;
    }
    if (!(attribute.name in rule.attributes)) {
      const allowed = Object.keys(rule.attributes);
      add(
        node,
        'mdx-attribute',
        `attribute "${attribute.name}" is not allowed on <${name}>; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
        didYouMean(attribute.name, allowed),
      );
      continue;
    }
    const values = rule.attributes[attribute.name];
    const value = attribute.value ?? '';
    if (values && !values.includes(value))
      add(
        node,
        'mdx-attribute',
        `${attribute.name}="${value}" on <${name}> must be one of ${values.map((v) => `"${v}"`).join(', ')}`,
        didYouMean(value, values),
      );
    if (/^\s*(javascript|vbscript|data):/i.test(value))
      add(node, 'unsafe-url', `attribute "${attribute.name}" of <${name}> holds a ${value.split(':')[0]}: URL`);
  }
  return true;
}

const truncate = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** The languages a body can be written in. */
export type BodyLang = 'zh' | 'en';

const BLOCK_LINE = /^<Body lang="(zh|en)">$|^<\/Body>$/;

/**
 * Language blocks read from the lines of a body, without parsing it: undefined when the body has none, null when
 * they are not simply one `<Body lang="…">` line and one `</Body>` line per language around everything else (the
 * full parse then decides); otherwise the languages and the text inside the blocks.
 */
function lexicalBlocks(body: string): { langs: BodyLang[]; inner: string } | undefined | null {
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

/** The element that holds one language's body when an entry carries both: `<Body lang="en">…</Body>`. */
export const LANGUAGE_BLOCK = 'Body';
const BODY_LANGS: readonly BodyLang[] = ['zh', 'en'];

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';
const isLanguageBlock = (node: { type: string; name?: string | null }): node is MdxJsxFlowElement =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === LANGUAGE_BLOCK;

/**
 * Splits a parsed body into its languages: without `<Body lang>` blocks the whole body is in `lang`; with them, each
 * top-level block is one language and nothing may stand outside them. Returns the problems of the block structure.
 */
function splitLanguages(
  tree: MdastRoot,
  lang: BodyLang,
): { parts: Partial<Record<BodyLang, RootContent[]>>; issues: BodyIssue[] } {
  const issues: BodyIssue[] = [];
  const line = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;
  const top = tree.children.flatMap((node) =>
    // `<Body lang="en">text</Body>` on one line is parsed inside a paragraph.
    node.type === 'paragraph' &&
    node.children.some(isLanguageBlock) &&
    node.children.every((c) => isLanguageBlock(c) || isBlank(c as RootContent))
      ? (node.children.filter(isLanguageBlock) as unknown as RootContent[])
      : [node],
  );
  visit(tree, (node, _index, parent) => {
    if (
      isLanguageBlock(node) &&
      parent &&
      parent !== tree &&
      !(parent.type === 'paragraph' && tree.children.includes(parent))
    )
      issues.push({
        line: line(node),
        rule: 'body-language',
        message: `<${LANGUAGE_BLOCK}> blocks stand at the top level of the body, not inside other elements`,
      });
  });
  const blocks = top.filter(isLanguageBlock);
  if (blocks.length === 0) return { parts: { [lang]: tree.children }, issues };
  const parts: Partial<Record<BodyLang, RootContent[]>> = {};
  for (const node of top) {
    if (!isLanguageBlock(node)) {
      issues.push({
        line: line(node),
        rule: 'body-language',
        message: `text outside the <${LANGUAGE_BLOCK} lang="…"> blocks would show in neither language`,
        suggestion: `move it into the <${LANGUAGE_BLOCK}> block of its language`,
      });
      continue;
    }
    const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'lang');
    const value = attr && typeof attr.value === 'string' ? attr.value : undefined;
    if (!value || !BODY_LANGS.includes(value as BodyLang)) {
      issues.push({
        line: line(node),
        rule: 'body-language',
        message: `<${LANGUAGE_BLOCK}> needs lang="zh" or lang="en", got ${value === undefined ? 'none' : JSON.stringify(value)}`,
      });
      continue;
    }
    if (parts[value as BodyLang]) {
      issues.push({
        line: line(node),
        rule: 'body-language',
        message: `a second <${LANGUAGE_BLOCK} lang="${value}"> block; each language has one`,
        suggestion: 'merge the two blocks',
      });
      continue;
    }
    parts[value as BodyLang] = node.children;
  }
  if (!issues.length && !parts[lang])
    issues.push({
      line: line(blocks[0]!),
      rule: 'body-language',
      message: `the frontmatter says lang: ${lang}, but there is no <${LANGUAGE_BLOCK} lang="${lang}"> block`,
      suggestion: `add the ${lang} block, or set lang to the language the body is written in`,
    });
  return { parts, issues };
}

/**
 * Checks a body against the safety rules and the MDX grammar. Lines are 1-based within the
 * body; add the body's first line in the file to place them.
 */
export function checkBody(
  body: string,
  options: { full?: boolean; lang?: BodyLang; links?: Array<{ line: number; url: string }> } = {},
): BodyIssue[] {
  const blocks = lexicalBlocks(body);
  const primaryMissing = blocks && !blocks.langs.includes(options.lang ?? 'zh');
  if (!options.full && !primaryMissing && !needsFullCheck(body)) return [];
  const { tree, issues } = parse(body);
  if (!tree) return issues;
  options.links?.push(...internalLinks(tree));
  return [...findUnsafe(tree), ...splitLanguages(tree, options.lang ?? 'zh').issues];
}

/** The languages a body provides, without rendering it (a plain body: only `lang`). */
export function bodyLanguages(body: string, lang: BodyLang): BodyLang[] {
  if (!body.includes(`<${LANGUAGE_BLOCK}`)) return [lang];
  const blocks = lexicalBlocks(body);
  if (blocks) return (['zh', 'en'] as const).filter((l) => blocks.langs.includes(l));
  const { tree } = parse(body);
  if (!tree) return [lang];
  return BODY_LANGS.filter((l) => splitLanguages(tree, lang).parts[l]);
}

/** A rendered body: sanitised HTML, its plain text for search, and its headings. */
export interface RenderedBody {
  html: string;
  text: string;
  headings: Array<{ depth: number; slug: string; text: string }>;
}

/** Maps allow-listed components to plain elements and images to links, in place. */
function toPlainMarkdown(tree: MdastRoot): void {
  // A block element written on one line (`<Note>text</Note>`, `<summary>…</summary>`) is parsed
  // inside a paragraph; make it a block again, since <p> may not hold it.
  visit(tree, 'paragraph', (node, index, parent) => {
    const blocks = node.children.filter((c) => !isSpace(c));
    const allBlocks =
      blocks.length > 0 &&
      blocks.every((c) => c.type === 'mdxJsxTextElement' && BLOCK_TAGS.has(ALLOWED_ELEMENTS[c.name ?? '']?.tag ?? ''));
    if (!allBlocks || !parent || index === undefined) return;
    parent.children.splice(
      index,
      1,
      ...blocks.map((only) => {
        const el = only as MdxJsxTextElement;
        const children =
          ALLOWED_ELEMENTS[el.name ?? '']?.tag === 'aside'
            ? [{ type: 'paragraph', children: el.children }]
            : el.children;
        return { ...el, type: 'mdxJsxFlowElement', children } as never;
      }),
    );
    return [SKIP, index + blocks.length];
  });
  // Task-list items show their state as text: a bare checkbox would be a form control without a label.
  visit(tree, 'listItem', (node) => {
    if (node.checked === null || node.checked === undefined) return;
    const marker = { type: 'text', value: node.checked ? '☑ ' : '☐ ' } as const;
    const first = node.children[0];
    if (first?.type === 'paragraph') first.children.unshift(marker);
    else node.children.unshift({ type: 'paragraph', children: [marker] });
    node.checked = null;
  });
  visit(tree, (node, index, parent) => {
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'image' && parent && index !== undefined) {
      // Remote images would load from the network (and track readers); show them as links.
      const alt = node.alt || node.url;
      parent.children[index] = {
        type: 'link',
        url: node.url,
        children: [{ type: 'text', value: `[${alt}]` }],
      };
      return SKIP;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const rule = ALLOWED_ELEMENTS[node.name ?? '']!;
      const attributes: Record<string, string> = {};
      for (const a of node.attributes)
        if (a.type === 'mdxJsxAttribute' && typeof a.value !== 'object') attributes[a.name] = a.value ?? '';
      const properties: Record<string, string | string[]> = {};
      if (rule.className) properties.className = rule.className(attributes);
      if (rule.tag === 'abbr' && attributes.title) properties.title = attributes.title;
      let tag = rule.tag;
      if (rule.tag === 'aside') {
        if (node.type === 'mdxJsxTextElement') {
          // A note in the middle of a sentence cannot be a block element.
          tag = 'span';
          properties.className = [...(properties.className as string[]), 'note-inline'];
        } else properties.role = 'note';
      }
      // A note's title is shown as its first line.
      if (rule.tag === 'aside' && attributes.title)
        (node.children as unknown[]).unshift(
          node.type === 'mdxJsxTextElement'
            ? { type: 'strong', children: [{ type: 'text', value: `${attributes.title}: ` }] }
            : {
                type: 'paragraph',
                data: { hProperties: { className: ['note-title'] } },
                children: [{ type: 'strong', children: [{ type: 'text', value: attributes.title }] }],
              },
        );
      node.data = { hName: tag, hProperties: properties };
    }
    return undefined;
  });
}

/** Footnote ids and references, as remark-rehype writes them: the only ids a body's HTML keeps. */
const FOOTNOTE_ID = /^user-content-(fn|fnref)-[\w-]+$|^(user-content-)?footnote-label$/;

/**
 * The sanitiser's allow-list: the elements Markdown produces (task-list inputs never reach it) plus the tags of
 * ALLOWED_ELEMENTS, which is its one source. No author-chosen id survives; footnotes keep theirs.
 */
const sanitizeSchema: import('rehype-sanitize').Options = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    aside: ['className', 'role'],
    span: ['className'],
    p: [['className', 'note-title']],
    abbr: ['title'],
    li: [['id', FOOTNOTE_ID], ...(defaultSchema.attributes?.li ?? [])],
    a: [['id', FOOTNOTE_ID], ['ariaDescribedBy', FOOTNOTE_ID], ...(defaultSchema.attributes?.a ?? [])],
    h2: [
      ['id', FOOTNOTE_ID],
      ['className', 'sr-only'],
    ],
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'name'),
  },
  tagNames: [
    ...new Set([
      ...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
      'span',
      ...Object.values(ALLOWED_ELEMENTS).map((r) => r.tag),
    ]),
  ],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** Footnote headings and back-link labels in the body's own language. */
const FOOTNOTE_LABELS: Record<BodyLang, { footnoteLabel: string; footnoteBackLabel: (n: number) => string }> = {
  zh: { footnoteLabel: '脚注', footnoteBackLabel: (n) => `返回引用 ${n + 1}` },
  en: { footnoteLabel: 'Footnotes', footnoteBackLabel: (n) => `Back to reference ${n + 1}` },
};

const renderers = Object.fromEntries(
  (['zh', 'en'] as const).map((lang) => [
    lang,
    unified()
      .use(remarkRehype, {
        ...FOOTNOTE_LABELS[lang],
        footnoteBackContent: '↩',
        handlers: {
          mdxJsxFlowElement: (state, node) => element(state, node),
          mdxJsxTextElement: (state, node) => element(state, node),
        },
      })
      .use(rehypeSanitize, sanitizeSchema)
      .freeze(),
  ]),
) as unknown as Record<BodyLang, { runSync: (tree: never) => unknown }>;

function element(
  state: { all: (node: never) => ElementContent[]; patch: (a: never, b: never) => void },
  node: MdxJsxFlowElement | MdxJsxTextElement,
): Element {
  const data = node.data as { hName: string; hProperties: Element['properties'] };
  const result: Element = {
    type: 'element',
    tagName: data.hName,
    properties: { ...data.hProperties },
    children: state.all(node as never),
  };
  state.patch(node as never, result as never);
  return result;
}

const stringify = unified().use(rehypeStringify).freeze();

/** Gives headings ids, demotes them below the page's h1, and makes tables scroll. */
function finishHtml(tree: HastRoot): RenderedBody['headings'] {
  const slugger = new GithubSlugger();
  const headings: RenderedBody['headings'] = [];
  let top = 7;
  visit(tree, 'element', (node) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m) top = Math.min(top, Number(m[1]));
  });
  const shift = top < 2 ? 2 - top : 0;
  visit(tree, 'element', (node, index, parent) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m && FOOTNOTE_ID.test(String(node.properties?.id ?? ''))) return;
    if (m) {
      const depth = Math.min(6, Number(m[1]) + shift);
      node.tagName = `h${depth}`;
      const text = toText(node).trim();
      const slug = `s-${slugger.slug(text) || 'section'}`;
      node.properties = { ...node.properties, id: slug };
      headings.push({ depth, slug, text });
      return;
    }
    if (node.tagName === 'a') {
      const href = String(node.properties?.href ?? '');
      if (/^https?:/i.test(href))
        node.properties = { ...node.properties, rel: ['noopener', 'noreferrer'], className: ['external'] };
      return;
    }
    if (node.tagName === 'table' && parent && index !== undefined) {
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0 },
        children: [node],
      };
      return SKIP;
    }
    return undefined;
  });
  return headings;
}

/** A body rendered per language: one or both of zh and en. */
export type LocalizedBody = Partial<Record<BodyLang, RenderedBody>>;

function renderTree(tree: MdastRoot, lang: BodyLang): RenderedBody {
  toPlainMarkdown(tree);
  const hast = renderers[lang].runSync(tree as never) as HastRoot;
  const headings = finishHtml(hast);
  const html = String(stringify.stringify(hast));
  const text = toText(hast, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
  return { html, text, headings };
}

/** Renders a body that passed `checkBody` to HTML, each language apart. Throws on a body that did not pass. */
export function renderEntryBody(body: string, lang: BodyLang): LocalizedBody {
  const { tree, issues } = parse(body);
  const unsafe = tree ? [...findUnsafe(tree), ...splitLanguages(tree, lang).issues] : issues;
  if (!tree || unsafe.length)
    throw new Error(`unsafe or invalid body: ${unsafe.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`);
  const { parts } = splitLanguages(tree, lang);
  const out: LocalizedBody = {};
  for (const l of BODY_LANGS) {
    const children = parts[l];
    if (children) out[l] = renderTree({ type: 'root', children }, l);
  }
  return out;
}

/** Renders a body written in one language (no language blocks). */
export function renderBody(body: string): RenderedBody {
  return renderEntryBody(body, 'zh').zh!;
}
