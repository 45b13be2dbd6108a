/**
 * `npm run new`: starts a new entry that is valid by construction. Give fields as flags, or
 * answer prompts for the required ones:
 *
 *   npm run new -- --code "YD/T 1234-2024" --title-zh "…" --title-en "…" --tier industry \
 *     --sectors ports --body ccsa --level industry --status published --published 2024-05-01
 *
 * Every answer is checked as it is given (unknown ids come with a suggestion); the file is
 * written only when the whole catalogue still checks clean with it.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import {
  contentDir,
  errorCount,
  formatProblem,
  loadCatalogue,
  ID_PATTERN,
  httpUrlSchema,
  isoDateSchema,
  standardSchema,
} from '../src/lib/catalogue/index.ts';
import { didYouMean, unknownIdText, type IdCandidates } from '../src/lib/catalogue/suggest.ts';
import { referenceCandidates } from '../src/lib/catalogue/load.ts';
import { suggestId } from '../src/lib/catalogue/validate.ts';
import { today } from '../src/lib/catalogue/dates.ts';
import { ROOT } from './lib/build-site.ts';

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    code: { type: 'string' },
    'title-zh': { type: 'string' },
    'title-en': { type: 'string' },
    lang: { type: 'string' },
    tier: { type: 'string' },
    sectors: { type: 'string' },
    topics: { type: 'string' },
    body: { type: 'string' },
    level: { type: 'string' },
    status: { type: 'string' },
    published: { type: 'string' },
    effective: { type: 'string' },
    scope: { type: 'string' },
    'source-url': { type: 'string' },
    'source-label': { type: 'string' },
    yes: { type: 'boolean', default: false },
  },
});

const { catalogue } = await loadCatalogue(ROOT);
// The ids, and the names people type for them (智慧港口, Ports, smart-ports): suggested as the check suggests them.
const known = referenceCandidates(catalogue);
const interactive = process.stdin.isTTY && process.stdout.isTTY && !values.yes;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

type Check = (value: string) => string | undefined;
const oneOf =
  (allowed: readonly string[]): Check =>
  (v) =>
    allowed.includes(v)
      ? undefined
      : `expected one of ${allowed.join(' | ')}${didYouMean(v, allowed) ? `; ${didYouMean(v, allowed)}` : ''}`;
/** An id of `content/<folder>/`, or an unknown one with the id it most likely means (by id or by name). */
const idOf =
  (candidates: IdCandidates, what: string, folder: string): Check =>
  (v) => {
    if (candidates.ids.includes(v)) return undefined;
    const { message, expected, suggestion } = unknownIdText(v, what, folder, candidates);
    return `${message} (expected ${expected}); ${suggestion}`;
  };
const listOf =
  (candidates: IdCandidates, what: string, folder: string): Check =>
  (v) => {
    for (const item of v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const problem = idOf(candidates, what, folder)(item);
      if (problem) return problem;
    }
    return undefined;
  };
const nonEmpty: Check = (v) => (v.trim() ? undefined : 'must not be empty');
const date: Check = (v) =>
  v === '' || isoDateSchema.safeParse(v).success ? undefined : 'expected an ISO date YYYY-MM-DD';

/** The values a frontmatter field allows, read from the zod schema (through its optional and default wrappers). */
function valuesOf(field: keyof typeof standardSchema.shape): readonly string[] {
  let schema: z.ZodType = standardSchema.shape[field];
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  if (!(schema instanceof z.ZodEnum)) throw new Error(`${field} is not an enum of the schema`);
  return schema.options.map(String);
}
const [BODY_LANGS, SCOPES, TIERS, LEVELS, STATUSES] = (['lang', 'scope', 'tier', 'level', 'status'] as const).map(
  valuesOf,
) as [readonly string[], readonly string[], readonly string[], readonly string[], readonly string[]];

/** A field's value from its flag, else a prompt (repeated until valid), else an error. */
async function ask(flag: keyof typeof values, question: string, check: Check, fallback?: string): Promise<string> {
  let value = values[flag] as string | undefined;
  while (true) {
    if (value === undefined && rl)
      value = (await rl.question(`${question}${fallback !== undefined ? ` [${fallback}]` : ''}: `)).trim() || fallback;
    if (value === undefined) value = fallback;
    if (value === undefined) {
      console.error(`✖ missing --${flag} (${question}); run in a terminal to be asked, or pass the flag.`);
      process.exit(2);
    }
    const problem = check(value);
    if (!problem) return value;
    console.error(`  --${flag} ${JSON.stringify(value)}: ${problem}`);
    if (!rl) process.exit(2);
    value = undefined;
  }
}

const code = await ask('code', 'Designation (e.g. YD/T 3627-2019)', nonEmpty);
const id = await ask(
  'id',
  'Entry id (file name)',
  (v) =>
    !ID_PATTERN.test(v)
      ? 'use lower-case letters, digits and hyphens'
      : existsSync(path.join(contentDir(ROOT), 'standards', `${v}.mdx`))
        ? `content/standards/${v}.mdx already exists`
        : undefined,
  suggestId(code),
);
const titleZh = await ask('title-zh', 'Chinese title', nonEmpty);
const titleEn = await ask('title-en', 'English title', nonEmpty);
const lang = await ask('lang', 'Language of the body (zh | en)', oneOf(BODY_LANGS), 'zh');
const scope = await ask(
  'scope',
  `Scope (5g: written for 5G or its applications | background: not written for 5G)`,
  oneOf(SCOPES),
);
const tier = await ask('tier', `Tier (${TIERS.join(' | ')})`, oneOf(TIERS));
const sectors = await ask(
  'sectors',
  `Sectors, comma-separated${tier === 'industry' ? ' (at least one)' : ''}`,
  (v) =>
    tier === 'industry' && !v.trim()
      ? 'an industry-tier standard needs at least one sector'
      : listOf(known.sectors, 'sector', 'sectors')(v),
  tier === 'industry' ? undefined : '',
);
const topics = await ask('topics', 'Topics, comma-separated', listOf(known.topics, 'topic', 'topics'), '');
const body = await ask('body', 'Issuing body id', idOf(known.bodies, 'issuing body', 'bodies'));
const level = await ask('level', `Level (${LEVELS.join(' | ')})`, oneOf(LEVELS));
const status = await ask('status', `Status (${STATUSES.join(' | ')})`, oneOf(STATUSES), 'published');
const published = await ask('published', 'Published on (YYYY-MM-DD, empty if unknown)', date, '');
const effective = await ask(
  'effective',
  'Takes effect on (YYYY-MM-DD, empty if unknown)',
  (v) =>
    date(v) ?? (v && published && v < published ? 'the effective date cannot be before the published date' : undefined),
  '',
);
const sourceUrl = await ask('source-url', 'Where a reader can verify it (an http(s) URL)', (v) =>
  httpUrlSchema.safeParse(v).success ? undefined : 'expected an absolute http:// or https:// URL',
);
const sourceLabel = await ask(
  'source-label',
  'What that page is (e.g. "Listing on the national standards platform")',
  nonEmpty,
);
rl?.close();

const q = (v: string) => JSON.stringify(v);
const flow = (v: string) =>
  `[${v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .join(', ')}]`;
const dates = [published && `  published: ${published}`, effective && `  effective: ${effective}`].filter(Boolean);
const bodies = {
  zh: '<Body lang="zh">\n\n## 范围\n\nTODO：用自己的话写一两段，说明本标准规定了什么、适用于哪些场景和行业。\n\n</Body>\n',
  en: '<Body lang="en">\n\n## Scope\n\nTODO: in your own words, one or two paragraphs on what the standard specifies and where it applies (the same content as the Chinese text).\n\n</Body>\n',
};
const body_ = lang === 'zh' ? `${bodies.zh}\n${bodies.en}` : `${bodies.en}\n${bodies.zh}`;
const text = [
  '---',
  `code: ${q(code)}`,
  'title:',
  `  zh: ${q(titleZh)}`,
  `  en: ${q(titleEn)}`,
  'summary:',
  `  zh: ${q('TODO：用一句话说明本标准规定了什么。')}`,
  `  en: ${q('TODO: one sentence on what the standard specifies.')}`,
  `lang: ${lang}`,
  `scope: ${scope}`,
  `tier: ${tier}`,
  `topics: ${flow(topics)}`,
  `sectors: ${flow(sectors)}`,
  `body: ${body}`,
  `level: ${level}`,
  `status: ${status}`,
  'key: false',
  ...(dates.length ? ['dates:', ...dates] : []),
  'references: []',
  'supersedes: []',
  'related: []',
  'plan: []',
  'sources:',
  `  - { label: ${q(sourceLabel)}, url: ${q(sourceUrl)} }`,
  `updated: ${today()}`,
  '---',
  body_,
].join('\n');
const file = path.join(contentDir(ROOT), 'standards', `${id}.mdx`);
await writeFile(file, text);
const check = await loadCatalogue(ROOT);
const mine = check.problems.filter((p) => p.file.endsWith(`/${id}.mdx`) && p.severity === 'error');
if (errorCount(mine)) {
  await rm(file);
  for (const p of mine) console.error(formatProblem(p));
  console.error('✖ the new entry would not be valid; nothing was written.');
  process.exit(1);
}
console.log(
  `✔ wrote ${path.relative(process.cwd(), file)}; replace the TODO text, add references, plan clauses and requirements, then run npm run check.`,
);
