/**
 * Rendering a checked body to HTML: the allow-listed components become plain elements, images become links, and
 * rehype-sanitize (its schema derived from the one allow-list) keeps nothing else. Each language of a body is
 * rendered apart, once, and cached by the content layer. Nothing in a body is ever compiled or run.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import {
  BLOCK_TAGS,
  BODY_LANGS,
  SAFE_PROTOCOLS,
  allowedElement,
  renderedAttributes,
  renderedTags,
  type BodyLang,
} from './allow-list.ts';
import { splitLanguages } from './languages.ts';
import { parseBody } from './parse.ts';
import { checkTree } from './rules.ts';

const isSpace = (node: { type: string; value?: string }) => node.type === 'text' && (node.value ?? '').trim() === '';

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
      blocks.every((c) => c.type === 'mdxJsxTextElement' && BLOCK_TAGS.has(allowedElement(c.name)?.tag ?? ''));
    if (!allBlocks || !parent || index === undefined) return;
    parent.children.splice(
      index,
      1,
      ...blocks.map((only) => {
        const el = only as MdxJsxTextElement;
        const children =
          allowedElement(el.name)?.tag === 'aside' ? [{ type: 'paragraph', children: el.children }] : el.children;
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
      const rule = allowedElement(node.name);
      // The check refuses every element without a rule before a body is rendered.
      if (!rule) throw new Error(`<${node.name ?? ''}> is not an allowed element`);
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
 * The sanitiser's allow-list: the elements Markdown produces (task-list inputs never reach it) plus the tags and
 * rendered attributes of the body allow-list (allow-list.ts), its one source. No author-chosen id survives;
 * footnotes keep theirs.
 */
export const SANITIZE_SCHEMA: import('rehype-sanitize').Options = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    ...renderedAttributes(),
    li: [['id', FOOTNOTE_ID], ...(defaultSchema.attributes?.li ?? [])],
    a: [['id', FOOTNOTE_ID], ['ariaDescribedBy', FOOTNOTE_ID], ...(defaultSchema.attributes?.a ?? [])],
    h2: [
      ['id', FOOTNOTE_ID],
      ['className', 'sr-only'],
    ],
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'name'),
  },
  tagNames: [...new Set([...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), ...renderedTags()])],
  protocols: { ...defaultSchema.protocols, href: [...SAFE_PROTOCOLS] },
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
          mdxJsxFlowElement: (state, node) => element(state, node as MdxJsxFlowElement),
          mdxJsxTextElement: (state, node) => element(state, node as MdxJsxTextElement),
        },
      })
      .use(rehypeSanitize, SANITIZE_SCHEMA)
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

/**
 * Gives headings ids, demotes them below the page's h1, and makes tables scroll. A heading's id is its place in the
 * body's outline (`s-2` for the second section, `s-2-1` for its first sub-section), not its words, so that the same
 * section of the Chinese and the English body has the same id and a link to `#s-2` means the same place in both.
 */
function finishHtml(tree: HastRoot): RenderedBody['headings'] {
  /** Sections counted at each depth (index 2 for h2 …), the deeper ones restarting under each new one. */
  const counts = [0, 0, 0, 0, 0, 0, 0];
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
      counts[depth]!++;
      counts.fill(0, depth + 1);
      const slug = `s-${counts.slice(2, depth + 1).join('-')}`;
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

/**
 * Renders a body that passed the check to HTML, each language apart: parsed, checked and split once. Throws on a
 * body that did not pass (the build refuses such a catalogue before it renders anything).
 */
export function renderEntryBody(body: string, lang: BodyLang): LocalizedBody {
  const { tree, issues } = parseBody(body);
  const split = tree && splitLanguages(tree, lang);
  const unsafe = tree && split ? [...checkTree(tree).issues, ...split.issues] : issues;
  if (!split || unsafe.length)
    throw new Error(`unsafe or invalid body: ${unsafe.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`);
  const { parts } = split;
  const out: LocalizedBody = {};
  for (const l of BODY_LANGS) {
    const children = parts[l];
    if (children) out[l] = renderTree({ type: 'root', children }, l);
  }
  return out;
}

/** Renders a body written in one language (no language blocks). */
export function renderBody(body: string): RenderedBody {
  const rendered = renderEntryBody(body, 'zh').zh;
  if (!rendered) throw new Error('the body has no Chinese part to render');
  return rendered;
}
