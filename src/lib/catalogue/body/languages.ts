/**
 * The language blocks of a body: an entry carries its body in one language, or in both as top-level
 * `<Body lang="zh">` and `<Body lang="en">` blocks. The split is done once per parse, and gives both the parts the
 * renderer renders and the problems of the block structure.
 */
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { visitParents } from 'unist-util-visit-parents';
import { BODY_LANGS, LANGUAGE_BLOCK, type BodyLang } from './allow-list.ts';
import type { BodyIssue } from './parse.ts';

/** A parsed body split by language: the top-level nodes of each language present. */
export type LanguageParts = Partial<Record<BodyLang, RootContent[]>>;

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';
const isLanguageBlock = (node: { type: string; name?: string | null }): node is MdxJsxFlowElement =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === LANGUAGE_BLOCK;
const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

/**
 * Splits a parsed body into its languages: without `<Body lang>` blocks the whole body is in `lang`; with them, each
 * top-level block is one language and nothing may stand outside them. Returns the problems of the block structure.
 */
export function splitLanguages(tree: MdastRoot, lang: BodyLang): { parts: LanguageParts; issues: BodyIssue[] } {
  const issues: BodyIssue[] = [];
  const top = tree.children.flatMap((node) =>
    // `<Body lang="en">text</Body>` on one line is parsed inside a paragraph.
    node.type === 'paragraph' &&
    node.children.some(isLanguageBlock) &&
    node.children.every((c) => isLanguageBlock(c) || isBlank(c as RootContent))
      ? (node.children.filter(isLanguageBlock) as unknown as RootContent[])
      : [node],
  );
  visitParents(tree, (node, ancestors) => {
    // At the top level: the root's child, or inside a paragraph that is the root's child.
    const topLevel = ancestors.length === 1 || (ancestors.length === 2 && ancestors[1]?.type === 'paragraph');
    if (isLanguageBlock(node) && !topLevel)
      issues.push({
        line: lineOf(node),
        rule: 'body-language',
        message: `<${LANGUAGE_BLOCK}> blocks stand at the top level of the body, not inside other elements`,
      });
  });
  const blocks = top.filter(isLanguageBlock);
  if (blocks.length === 0) return { parts: { [lang]: tree.children }, issues };
  const parts: LanguageParts = {};
  for (const node of top) {
    if (!isLanguageBlock(node)) {
      issues.push({
        line: lineOf(node),
        rule: 'body-language',
        message: `text outside the <${LANGUAGE_BLOCK} lang="…"> blocks would show in neither language`,
        suggestion: `move it into the <${LANGUAGE_BLOCK}> block of its language`,
      });
      continue;
    }
    const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'lang');
    const value = attr && typeof attr.value === 'string' ? attr.value : undefined;
    const blockLang = BODY_LANGS.find((l) => l === value);
    if (!blockLang) {
      issues.push({
        line: lineOf(node),
        rule: 'body-language',
        message: `<${LANGUAGE_BLOCK}> needs lang="zh" or lang="en", got ${value === undefined ? 'none' : JSON.stringify(value)}`,
      });
      continue;
    }
    if (parts[blockLang]) {
      issues.push({
        line: lineOf(node),
        rule: 'body-language',
        message: `a second <${LANGUAGE_BLOCK} lang="${blockLang}"> block; each language has one`,
        suggestion: 'merge the two blocks',
      });
      continue;
    }
    parts[blockLang] = node.children;
  }
  const first = blocks[0];
  if (!issues.length && !parts[lang] && first)
    issues.push({
      line: lineOf(first),
      rule: 'body-language',
      message: `the frontmatter says lang: ${lang}, but there is no <${LANGUAGE_BLOCK} lang="${lang}"> block`,
      suggestion: `add the ${lang} block, or set lang to the language the body is written in`,
    });
  return { parts, issues };
}

/** The languages of a split body, in page order. */
export const languagesOf = (parts: LanguageParts): BodyLang[] => BODY_LANGS.filter((l) => parts[l]);
