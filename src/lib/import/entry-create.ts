/**
 * A new entry from the records of a document the catalogue does not hold yet. Records lack what only a person can
 * say (the Chinese title, the tier, the scope and the sectors); without them no entry is written and the document is
 * listed as not created, with what is missing.
 */
import { z } from 'astro/zod';
import { parse as parseYamlText } from 'yaml';
import { idSchema, localizedSchema } from '../catalogue/schemas/common.ts';
import { SCOPES, TIERS } from '../catalogue/schemas/standard.ts';
import { suggestId } from '../catalogue/validate.ts';
import { doctypeOf } from '../catalogue/graph.ts';
import { normalizeCode } from '../catalogue/rules.ts';
import type { RecordFields } from './documents.ts';
import { newEntryText } from './entry-write.ts';
import type { PlanContext } from './entry-update.ts';
import { recordSources } from './entry-update.ts';

/** What a person supplies for a new entry (flags, or one item of a mapping file). */
export const suppliedSchema = z.strictObject({
  'title-zh': localizedSchema.shape.zh.optional(),
  tier: z.enum(TIERS).optional(),
  scope: z.enum(SCOPES).optional(),
  sectors: z.array(idSchema).optional(),
  topics: z.array(idSchema).optional(),
});
export type Supplied = z.infer<typeof suppliedSchema>;

/** A mapping file: designation → what the person supplies for it. */
export const mappingSchema = z.record(z.string(), suppliedSchema);

/** Reads a mapping file; problems come back as lines for the person who wrote it. */
export function parseMapping(file: string, text: string): { mapping?: Map<string, Supplied>; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYamlText(text, { maxAliasCount: 100 });
  } catch (error) {
    return {
      problems: [`${file}:1  yaml  the mapping is not valid YAML (${(error as Error).message.split('\n')[0]})`],
    };
  }
  const result = mappingSchema.safeParse(raw ?? {});
  if (!result.success)
    return {
      problems: result.error.issues.map(
        (i) =>
          `${file}  ${i.path.join('.') || 'mapping'}  ${i.message} (expected a mapping of designations to { title-zh, tier, scope, sectors, topics })`,
      ),
    };
  return { mapping: new Map(Object.entries(result.data).map(([code, s]) => [normalizeCode(code), s])), problems: [] };
}

/** The issuing body of a record kind, as content/bodies names it. */
function bodyOf(fields: RecordFields): string {
  if (fields.kind === 'itu') return fields.code.startsWith('ITU-R') ? 'itu-r' : 'itu-t';
  return fields.kind;
}

/** What is missing before an entry can be created; empty when it can. */
export function missingForCreation(supplied: Supplied | undefined): string[] {
  const missing: string[] = [];
  if (!supplied?.['title-zh']) missing.push('Chinese title (title-zh)');
  if (!supplied?.tier) missing.push('tier');
  if (!supplied?.scope) missing.push('scope');
  if (!supplied?.sectors) missing.push('sectors (an empty list is allowed unless the tier is industry)');
  return missing;
}

/** The entry file for a new document, named by its designation. Call only when nothing is missing. */
export function createEntry(
  fields: RecordFields,
  supplied: Supplied,
  ctx: PlanContext,
): { id: string; path: string; text: string } {
  const id = suggestId(fields.code);
  const status =
    fields.state === 'withdrawn' ? 'withdrawn' : fields.state === 'superseded' ? 'superseded' : 'published';
  const supersedes = fields.obsoletes
    .map((code) => ctx.idByCode.get(normalizeCode(code)))
    .filter((x): x is string => x !== undefined && x !== id);
  const links = recordSources(fields, [], ctx, fields.published !== undefined);
  const sources = links.length
    ? links
    : fields.newest.url
      ? [
          {
            label: `The publisher's page of ${fields.newest.docid}, as its bibliographic record names it`,
            url: fields.newest.url,
          },
        ]
      : [];
  // The order of the file is the schema's: the patcher writes every field where the schema puts it.
  const data = {
    code: fields.code,
    title: { zh: supplied['title-zh']!, en: fields.title },
    lang: 'en',
    scope: supplied.scope,
    doctype:
      fields.doctype !== undefined && doctypeOf({ code: fields.code }) !== fields.doctype ? fields.doctype : undefined,
    tier: supplied.tier,
    topics: supplied.topics ?? [],
    sectors: supplied.sectors ?? [],
    body: bodyOf(fields),
    level: 'international',
    status,
    key: false,
    release: fields.release,
    version: fields.version,
    versions: fields.versions.length ? fields.versions : undefined,
    dates: fields.published ? { published: fields.published } : undefined,
    supersedes: supersedes.length ? supersedes : undefined,
    sources,
  };
  // The body is a person's to write; the check warns while the TODO text stands, as after `npm run new`.
  const body = [
    '<Body lang="zh">',
    '',
    '## 范围',
    '',
    'TODO：用自己的话写一两段，说明本标准规定了什么、适用于哪些场景和行业。',
    '',
    '</Body>',
    '',
    '<Body lang="en">',
    '',
    '## Scope',
    '',
    'TODO: in your own words, one or two paragraphs on what the standard specifies and where it applies (the same content as the Chinese text).',
    '',
    '</Body>',
    '',
  ].join('\n');
  return { id, path: `content/standards/${id}.mdx`, text: newEntryText(data, body) };
}
