/**
 * The safety and structure rules of a parsed body: every unsafe node (ESM, expressions, raw HTML, unknown
 * components, event handlers, unsafe URLs) and every allowed element out of place is a problem. The tree is only
 * read, never changed. One walk also collects the root-relative links, for the rule that each leads to a page.
 */
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { describeCharacter, refusedCharacter } from '../characters.ts';
import { LIMITS } from '../limits.ts';
import type { RuleId } from '../rule-ids.ts';
import { didYouMean } from '../suggest.ts';
import {
  ALLOWED_ELEMENTS,
  BLOCK_TAGS,
  RAW_CODE_ELEMENTS,
  allowedElement,
  allowsAttribute,
  isSafeBodyUrl,
} from './allow-list.ts';
import type { BodyIssue } from './parse.ts';

/** A root-relative link of a body, with its line in the body. */
export interface BodyLink {
  line: number;
  url: string;
}

type Positioned = { position?: { start: { line: number } } };
type AddIssue = (node: Positioned, rule: RuleId, message: string, suggestion?: string) => void;

/** A node as the structure rules look at it. */
interface Node {
  type: string;
  name?: string | null;
  value?: string;
  children?: Node[];
}

const isSpace = (node: Node) => node.type === 'text' && (node.value ?? '').trim() === '';
const isElement = (node: Node | undefined): node is Node & { name?: string | null } =>
  node?.type === 'mdxJsxFlowElement' || node?.type === 'mdxJsxTextElement';
const isCommentOnly = (node: { data?: { estree?: { body?: unknown[]; comments?: unknown[] } | null } }) =>
  !!node.data?.estree && node.data.estree.body?.length === 0 && (node.data.estree.comments?.length ?? 0) > 0;

/** Shortens a value quoted in a message. */
export const truncate = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Every unsafe node and misplaced element of a parsed body, and its root-relative links. */
export function checkTree(tree: MdastRoot): { issues: BodyIssue[]; links: BodyLink[] } {
  const issues: BodyIssue[] = [];
  const links: BodyLink[] = [];
  const add: AddIssue = (node, rule, message, suggestion) =>
    issues.push({ line: node.position?.start.line ?? 1, rule, message, ...(suggestion ? { suggestion } : {}) });

  visitParents(tree, (node, ancestors) => {
    checkCharacters(node, add);
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
        checkStructure(node, ancestors, add);
        return undefined;
      case 'table': {
        const problem = tableProblem(node.align?.length ?? 0, node.children.length);
        if (problem) add(node, 'body-limit', problem, 'split the table, or leave out what the standard itself lists');
        return undefined;
      }
      case 'link':
      case 'definition':
      case 'image': {
        if (!isSafeBodyUrl(node.url)) {
          add(
            node,
            'unsafe-url',
            `links must be http(s), mailto, or a page of the catalogue written from the root, got ${JSON.stringify(truncate(node.url))}`,
            'link to an http(s) page instead',
          );
          return undefined;
        }
        const problem = linkProblem(node.url);
        if (problem) add(node, 'body-link', problem.message, problem.suggestion);
        else if (node.type !== 'image' && /^\/(?!\/)/.test(node.url.trim()))
          links.push({ line: node.position?.start.line ?? 1, url: node.url.trim() });
        return undefined;
      }
      default:
        return undefined;
    }
  });
  return { issues, links };
}

/**
 * What makes a table too large to render, if anything: every row is rendered with as many cells as the header
 * has columns, so a wide header and many short rows make a huge page from a little text.
 */
export function tableProblem(columns: number, rows: number): string | undefined {
  if (columns > LIMITS.tableColumns)
    return `the table has ${columns} columns; the limit is ${LIMITS.tableColumns} columns`;
  if (rows > LIMITS.tableRows) return `the table has ${rows} rows; the limit is ${LIMITS.tableRows} rows`;
  if (rows * columns > LIMITS.tableCells)
    return `the table has ${rows} rows of ${columns} columns, ${rows * columns} cells as rendered; the limit is ${LIMITS.tableCells} cells`;
  return undefined;
}

/** A text of the body (its text, code, link address or title, image text, attribute values) holding a refused character. */
function checkCharacters(
  node: {
    type: string;
    value?: unknown;
    url?: unknown;
    title?: unknown;
    alt?: unknown;
    attributes?: Array<{ value?: unknown }>;
  } & Positioned,
  add: AddIssue,
): void {
  const texts = [node.value, node.url, node.title, node.alt, ...(node.attributes ?? []).map((a) => a.value)];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    const found = refusedCharacter(text);
    if (!found) continue;
    add(
      node,
      'text-characters',
      `the body holds ${describeCharacter(found.char)}`,
      'delete it: retype the text around it, or paste it as plain text',
    );
    return;
  }
}

/**
 * What is wrong with a link's form, if anything: it must decode, and an internal one is written from the root
 * (`/standards/<id>/`); protocol-relative (`//host/…`) and relative paths are refused, since they resolve
 * differently on each page and in the offline copy.
 */
export function linkProblem(url: string): { message: string; suggestion: string } | undefined {
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

/**
 * Checks where an allowed element stands: `<dt>`/`<dd>` inside `<dl>`, `<summary>` first inside `<details>`, `<dl>`
 * holding only `<dt>`/`<dd>`, block elements on lines of their own. `ancestors` runs from the root to the element's
 * parent. Markup that passes renders as valid HTML.
 */
function checkStructure(node: MdxJsxFlowElement | MdxJsxTextElement, ancestors: Node[], add: AddIssue): void {
  const name = node.name ?? '';
  const rule = allowedElement(name);
  if (!rule) return;
  const parent = ancestors.at(-1);
  // A paragraph that holds only block elements and spaces is a wrapper MDX adds; the rules look through it.
  const wrapperOnly =
    parent?.type === 'paragraph' &&
    (parent.children ?? []).every((c) => isSpace(c) || BLOCK_TAGS.has(allowedElement(c.name)?.tag ?? ''));
  const container = wrapperOnly ? ancestors.at(-2) : parent;
  if (rule.block && parent?.type === 'paragraph' && !wrapperOnly)
    add(node, 'mdx-structure', `<${name}> is a block element: put it on lines of its own, not inside a sentence`);
  if (rule.parents) {
    const containerName = isElement(container) ? (container.name ?? '') : '';
    if (!rule.parents.includes(containerName))
      add(
        node,
        'mdx-structure',
        `<${name}> must stand directly inside ${rule.parents.map((p) => `<${p}>`).join(' or ')}`,
        `wrap it: <${rule.parents[0]}>…<${name}>…</${name}>…</${rule.parents[0]}>`,
      );
    else if (rule.first && container) {
      const siblings = (container.children ?? [])
        .flatMap((c) => (c.type === 'paragraph' ? (c.children ?? []) : [c]))
        .filter((c) => !isSpace(c));
      if (siblings[0] !== (node as unknown))
        add(node, 'mdx-structure', `<${name}> must come first inside <${containerName}>`);
    }
  }
  const allowedChildren = rule.children;
  if (allowedChildren) {
    const inner = (node.children as Node[]).flatMap((c) => (c.type === 'paragraph' ? (c.children ?? []) : [c]));
    const stray = inner.find((c) => !isSpace(c) && !(isElement(c) && allowedChildren.includes(c.name ?? '')));
    if (stray)
      add(
        node,
        'mdx-structure',
        `<${name}> may only hold ${allowedChildren.map((c) => `<${c}>`).join(' and ')}`,
        `put the text inside a ${allowedChildren.map((c) => `<${c}>`).join(' or ')}`,
      );
  }
}

/** Checks one element and its attributes; false when the element itself is not allowed. */
function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, add: AddIssue): boolean {
  const name = node.name ?? '';
  if (name === '') {
    add(node, 'mdx-component', 'fragments (<>…</>) are not allowed in an entry body', 'remove the <> and </>');
    return false;
  }
  const rule = allowedElement(name);
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
    if (!allowsAttribute(rule, attribute.name)) {
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
