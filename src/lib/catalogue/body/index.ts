/**
 * Entry bodies are untrusted MDX from many organisations. A body is checked (lexical fast path, MDX parse, safety
 * and structure rules, language blocks) and rendered (sanitised HTML per language) by the modules of this folder;
 * this one gives `npm run check` and the build their single way in. Nothing in a body is ever compiled or run.
 */
import { BODY_LANGS, type BodyLang } from './allow-list.ts';
import { languagesOf, splitLanguages } from './languages.ts';
import { lexicalBlocks, needsFullCheck } from './lexical.ts';
import { parseBody, type BodyIssue } from './parse.ts';
import { checkTree, type BodyLink } from './rules.ts';

export {
  ALLOWED_ELEMENTS,
  BODY_LANGS,
  LANGUAGE_BLOCK,
  allowedElement,
  isSafeBodyUrl,
  type BodyLang,
  type ElementRule,
} from './allow-list.ts';
export { needsFullCheck } from './lexical.ts';
export type { BodyIssue } from './parse.ts';
export type { BodyLink } from './rules.ts';
export { renderBody, renderEntryBody, SANITIZE_SCHEMA, type LocalizedBody, type RenderedBody } from './render.ts';

/** What the check learns of a body: its problems, the languages it provides and its root-relative links. */
export interface BodyAnalysis {
  issues: BodyIssue[];
  /** The languages the body is written in (a body without language blocks: the entry's `lang`). */
  languages: BodyLang[];
  links: BodyLink[];
}

/**
 * Checks a body against the safety rules, the MDX grammar and the language-block structure, in one parse. Lines are
 * 1-based within the body; add the body's first line in the file to place them. `full` skips the lexical fast
 * path (which is proven to find the same problems: tests/unit/hostile-property.test.ts).
 */
export function analyseBody(body: string, lang: BodyLang, options: { full?: boolean } = {}): BodyAnalysis {
  const blocks = lexicalBlocks(body);
  const primaryMissing = blocks && !blocks.langs.includes(lang);
  if (!options.full && !primaryMissing && !needsFullCheck(body))
    return { issues: [], languages: blocks ? BODY_LANGS.filter((l) => blocks.langs.includes(l)) : [lang], links: [] };
  const { tree, issues } = parseBody(body);
  if (!tree) return { issues, languages: [lang], links: [] };
  const rules = checkTree(tree);
  const split = splitLanguages(tree, lang);
  return { issues: [...rules.issues, ...split.issues], languages: languagesOf(split.parts), links: rules.links };
}

/** The problems of a body (see {@link analyseBody}); `links` receives its root-relative links. */
export function checkBody(
  body: string,
  options: { full?: boolean; lang?: BodyLang; links?: BodyLink[] } = {},
): BodyIssue[] {
  const analysis = analyseBody(body, options.lang ?? 'zh', options);
  options.links?.push(...analysis.links);
  return analysis.issues;
}
