/**
 * Parsing a body with the MDX grammar (remark-parse + remark-mdx + remark-gfm), refusing nesting deeper than the
 * limit before and after the parse. The tree it gives is the one the rules check and the renderer renders.
 */
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LIMITS } from '../limits.ts';
import type { RuleId } from '../rule-ids.ts';
import { lexicalLimits, lexicalNesting } from './lexical.ts';

/** A problem in a body, with its line in the body (1-based). */
export interface BodyIssue {
  line: number;
  rule: RuleId;
  message: string;
  suggestion?: string;
}

/** A parsed body, or the problems that kept it from parsing. */
export interface ParseResult {
  tree?: MdastRoot;
  issues: BodyIssue[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

const nestingIssue = (line: number): BodyIssue => ({
  line,
  rule: 'body-nesting',
  message: `the body nests more than ${LIMITS.bodyDepth} levels deep here (lists, quotes or elements inside each other)`,
  suggestion: 'flatten the structure',
});

/** The deepest node of a tree and its line, found without recursion. */
function treeDepth(tree: MdastRoot): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  const stack: Array<[{ children?: unknown[]; position?: { start: { line: number } } }, number]> = [[tree, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > deepest.depth) deepest = { depth, line: node.position?.start.line ?? deepest.line };
    if (depth > LIMITS.bodyDepth) break;
    for (const child of (node.children ?? []) as Array<typeof node>) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Parses a body; nesting and blocks beyond the limits and syntax errors come back as issues instead of a tree. */
export function parseBody(body: string): ParseResult {
  const lexical = lexicalNesting(body);
  if (lexical) return { issues: [nestingIssue(lexical.line)] };
  const limit = lexicalLimits(body);
  if (limit)
    return { issues: [{ line: limit.line, rule: 'body-limit', message: limit.message, suggestion: limit.suggestion }] };
  try {
    const tree = parser.parse(body);
    const { depth, line } = treeDepth(tree);
    if (depth > LIMITS.bodyDepth) return { issues: [nestingIssue(line)] };
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
