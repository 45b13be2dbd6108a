import { z } from 'astro/zod';
import {
  codeSchema,
  shortTextSchema,
  httpUrlSchema,
  idSchema,
  isoDateSchema,
  localizedLongSchema,
  localizedSchema,
  partialDateSchema,
  partlyLocalizedSchema,
  plainText,
} from './common.ts';
import { PLAN_CLAUSE_IDS } from './plan.ts';

export {
  LANGS,
  DRAFT_STATUSES,
  type Lang,
  TIERS,
  LEVELS,
  STATUSES,
  RELEASES,
  ADOPTION_DEGREES,
  COMPARATORS,
  BODY_LANGS,
  SCOPES,
  DOCTYPES,
} from '../vocabulary.ts';
import { TIERS, LEVELS, STATUSES, RELEASES, ADOPTION_DEGREES, COMPARATORS, BODY_LANGS, SCOPES, DOCTYPES } from '../vocabulary.ts';

/** Where a reader can verify a fact: a labelled http(s) URL. */
export const sourceSchema = z.strictObject({
  label: shortTextSchema.describe('What the link is, in words a reader understands (e.g. "3GPP specification page").'),
  url: httpUrlSchema.describe('Where it points: an http(s) URL.'),
});

/** One quantitative requirement a standard states; each field describes itself. */
export const requirementSchema = z
  .strictObject({
    id: idSchema.describe('Unique within the entry; lower-case letters, digits and hyphens.'),
    metric: idSchema.describe('Metric id from content/metrics (latency, reliability, …).'),
    comparator: z.enum(COMPARATORS).describe('`<=`, `>=`, `=`, or `range` (then `min` and `max` instead of `value`).'),
    value: z.number().optional().describe('The figure, for every comparator but `range`.'),
    min: z.number().optional().describe('Lower bound, with `range`.'),
    max: z.number().optional().describe('Upper bound, with `range`.'),
    unit: shortTextSchema.describe('Unit of the figure: the metric\'s unit or one convertible to it.'),
    scenario: partlyLocalizedSchema.optional().describe('Where the figure applies (use case, service area).'),
    clause: shortTextSchema.optional().describe('Clause or table of the standard that states the figure.'),
    case: idSchema.optional().describe('Use case id; rows of one use case share it (latency, reliability, survival time …).'),
    sectors: z.array(idSchema).min(1).optional().describe('Sector ids of this use case; absent, the entry\'s sectors.'),
    note: partlyLocalizedSchema.optional().describe('What a reader must know about the figure (clause not confirmed, stated as strictly below …); never inside scenario.'),
    version: shortTextSchema.optional().describe('The version of the document the figure was read from, as the issuer numbers it (e.g. 17.0.0); one the entry lists in `version` or `versions`.'),
  })
  .superRefine((req, ctx) => {
    for (const issue of requirementRules(req)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** A rule across fields, broken: where (a field path) and what. */
export interface FieldIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * The rules across the fields of one requirement: `range` takes min < max and no value, the other comparators a
 * value and no bounds. A function of what is there, so that the check also applies it to a row whose other
 * fields are invalid (the schema's refinement only runs on a row that parsed).
 */
export function requirementRules(req: {
  comparator?: unknown;
  value?: unknown;
  min?: unknown;
  max?: unknown;
}): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (typeof req.comparator !== 'string' || !(COMPARATORS as readonly string[]).includes(req.comparator)) return out;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const [value, min, max] = [num(req.value), num(req.min), num(req.max)];
  if (req.comparator === 'range') {
    if (value !== undefined) out.push({ path: ['value'], message: 'with comparator "range", give min and max instead of value' });
    if (min === undefined) out.push({ path: ['min'], message: 'comparator "range" needs min' });
    if (max === undefined) out.push({ path: ['max'], message: 'comparator "range" needs max' });
    if (min !== undefined && max !== undefined && !(min < max))
      out.push({ path: ['min'], message: `a range needs min < max, got min ${min} and max ${max}` });
  } else {
    if (value === undefined) out.push({ path: ['value'], message: `comparator "${req.comparator}" needs value` });
    for (const [bound, v] of [['min', min], ['max', max]] as const)
      if (v !== undefined)
        out.push({ path: [bound], message: `${bound} is only for comparator "range"; use value with "${req.comparator}"` });
  }
  return out;
}

/** A 3GPP release as a version history names it: R followed by its number (R8, R15, R19). */
export const RELEASE_PATTERN = /^R\d{1,2}$/;

/** One version (or edition) of a document, as its bibliographic record or issuer lists it. */
export const versionEntrySchema = z.strictObject({
  version: shortTextSchema.describe('The version or edition as the issuer numbers it: 16.2.0 (3GPP), 3.2.1 (ETSI), an edition number, or the year of an IEEE revision.'),
  code: plainText(codeSchema).optional().describe("This version's own designation, where it differs from the entry's (an earlier ISO, IEC or IEEE edition with its own year)."),
  date: partialDateSchema.optional().describe('When this version was published, as precisely as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.'),
  release: z.string().regex(RELEASE_PATTERN, { message: 'a 3GPP release written R and its number, e.g. R17' }).optional().describe('The 3GPP release this version belongs to (R8 … R20).'),
});

/** The frontmatter of one standard, `content/standards/<id>.mdx`; each field describes itself. */
export const standardSchema = z
  .strictObject({
    code: codeSchema.describe('Official designation as the issuer prints it; unique across the catalogue.'),
    title: localizedSchema.describe('Official title in Chinese and English (translated where none exists, said so in the body).'),
    summary: partlyLocalizedSchema.optional().describe('One or two sentences on what the standard is for.'),
    lang: z.enum(BODY_LANGS).describe('Language the body was first written in; with <Body lang> blocks, the primary one.'),
    scope: z.enum(SCOPES).describe('5g: written for 5G or its applications | background: not written for 5G; 5G applications in its sectors must meet it.'),
    scopeNote: localizedLongSchema.optional().describe('Why the entry has its scope, in both languages (zh, en): the source that shows it was written for 5G, or why it is filed as background; shown on the page.'),
    doctype: z.enum(DOCTYPES).optional().describe('Kind of document; derived from the designation when absent (3GPP TR = report, GB/Z = guide …).'),
    tier: z.enum(TIERS).describe('base | common | industry, as box 1 of the plan structures the standards system.'),
    topics: z.array(idSchema).default([]).describe('Topic ids from content/topics.'),
    sectors: z.array(idSchema).default([]).describe('Sector ids from content/sectors; at least one when tier is industry.'),
    body: idSchema.describe('Issuing body id from content/bodies.'),
    authority: idSchema.optional().describe('Publishing authority (主管部门), a body id; derived from the designation\'s prefix when absent.'),
    committee: idSchema.optional().describe('Technical committee responsible (归口单位), a body id.'),
    level: z.enum(LEVELS).describe('international | national | industry | group | enterprise.'),
    status: z.enum(STATUSES).describe('Where the standard is in its life cycle.'),
    key: z.boolean().default(false).describe('A key industry standard counted by the plan\'s target.'),
    release: z.enum(RELEASES).optional().describe('3GPP release, R15 … R20.'),
    version: shortTextSchema.optional().describe('Version of the document the entry describes (for a 3GPP or ETSI specification, the newest one its record lists).'),
    versions: z
      .array(versionEntrySchema)
      .default([])
      .describe('Version history, oldest first: each version or edition with its date and (3GPP) release. Requirement rows name one of these in their `version`.'),
    dates: z
      .strictObject({
        published: isoDateSchema.optional().describe('Date of publication (发布日期).'),
        effective: isoDateSchema.optional().describe('Date the standard takes effect (实施日期); not before published.'),
      })
      .optional()
      .describe('Publication and effective dates, each YYYY-MM-DD.'),
    references: z.array(idSchema).default([]).describe('Ids of standards this one normatively references.'),
    supersedes: z.array(idSchema).default([]).describe('Ids of standards this one replaces.'),
    related: z.array(idSchema).default([]).describe('Ids of other related standards.'),
    adopts: z
      .array(
        z.strictObject({
          id: idSchema.describe('Id of the adopted standard.'),
          degree: z.enum(ADOPTION_DEGREES).describe('identical (IDT) | modified (MOD) | non-equivalent (NEQ).'),
        }),
      )
      .default([])
      .describe('International standards this one adopts (采标), with the degree of adoption.'),
    ics: z.array(z.string().regex(/^\d{2}(\.\d{3}(\.\d{2})?)?$/, { message: 'an ICS code such as 33.070.50' })).default([]).describe('ICS classification codes, e.g. 33.070.50.'),
    ccs: z.array(z.string().regex(/^[A-Z]\d{2}$/, { message: 'a CCS code such as M36' })).default([]).describe('Chinese standard classification (CCS) codes, e.g. M36.'),
    plan: z.array(z.enum(PLAN_CLAUSE_IDS)).default([]).describe('Clauses of the action plan the standard serves: "1".."32", "box-1".."box-4".'),
    requirements: z.array(requirementSchema).default([]).describe('Quantitative requirements engineers look up.'),
    sources: z
      .array(sourceSchema)
      .min(1)
      .describe('Where a reader verifies the designation, title, dates and status: at least one labelled http(s) URL.'),
    updated: isoDateSchema.optional().describe('When the entry was last reviewed (YYYY-MM-DD).'),
  })
  .superRefine((entry, ctx) => {
    for (const issue of entryRules(entry)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * The rules across the fields of one entry: an industry-tier entry names a sector, the effective date is not
 * before the published date, requirement ids are unique. A function of the fields that are there, so that the
 * check applies it to the valid fields of an entry that also has invalid or missing ones (one run reports every
 * problem of a file; the schema's refinement only runs on an entry that parsed).
 */
export function entryRules(entry: {
  tier?: unknown;
  sectors?: readonly unknown[];
  dates?: { published?: unknown; effective?: unknown };
  requirements?: ReadonlyArray<{ id?: unknown } | undefined>;
}): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (entry.tier === 'industry' && (entry.sectors ?? []).length === 0)
    out.push({ path: ['sectors'], message: 'an industry-tier standard needs at least one sector' });
  const published = entry.dates?.published;
  const effective = entry.dates?.effective;
  // Only dates that are dates are compared: a malformed one has its own message, and no second one.
  const iso = (v: unknown): v is string => isoDateSchema.safeParse(v).success;
  if (iso(published) && iso(effective) && effective < published)
    out.push({
      path: ['dates', 'effective'],
      message: `the effective date ${effective} is before the published date ${published}`,
    });
  const seen = new Set<unknown>();
  (entry.requirements ?? []).forEach((req, i) => {
    if (typeof req?.id !== 'string') return;
    if (seen.has(req.id)) out.push({ path: ['requirements', i, 'id'], message: `requirement id "${req.id}" is used twice in this entry` });
    seen.add(req.id);
  });
  return out;
}

/** Frontmatter as authored (before defaults). */
export type StandardInput = z.input<typeof standardSchema>;
/** Frontmatter after validation, defaults filled in. */
export type StandardData = z.infer<typeof standardSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type VersionEntry = z.infer<typeof versionEntrySchema>;
export type Scope = (typeof SCOPES)[number];
export type Doctype = (typeof DOCTYPES)[number];
export type Tier = (typeof TIERS)[number];
export type Level = (typeof LEVELS)[number];
export type Status = (typeof STATUSES)[number];
