import { z } from 'astro/zod';
import {
  httpUrlSchema,
  idSchema,
  isoDateSchema,
  localizedSchema,
  partlyLocalizedSchema,
  textSchema,
} from './common.ts';
import { PLAN_CLAUSE_IDS } from './plan.ts';

/** Tiers of box 1 of the plan: base (基础), common enhanced technologies (共性), industry (行业). */
export const TIERS = ['base', 'common', 'industry'] as const;
/** Levels of a standard in the Chinese system, plus international. */
export const LEVELS = ['international', 'national', 'industry', 'group', 'enterprise'] as const;
/** Life-cycle states of a standard, in order. */
export const STATUSES = [
  'planned',
  'drafting',
  'consultation',
  'approval',
  'published',
  'superseded',
  'withdrawn',
] as const;
/** 3GPP releases from the first 5G release on. */
export const RELEASES = ['R15', 'R16', 'R17', 'R18', 'R19', 'R20'] as const;
/** Degrees of adoption of an international standard (采标程度): IDT, MOD, NEQ. */
export const ADOPTION_DEGREES = ['identical', 'modified', 'non-equivalent'] as const;
/** How a requirement's figure bounds the metric. */
export const COMPARATORS = ['<=', '>=', '=', 'range'] as const;
/** Languages an entry body can be written in. */
export const BODY_LANGS = ['zh', 'en'] as const;

/** One quantitative requirement a standard states. */
export const requirementSchema = z
  .strictObject({
    /** Unique within the entry; lower-case letters, digits and hyphens. */
    id: idSchema,
    /** Metric id from content/metrics (latency, reliability, …). */
    metric: idSchema,
    /** `<=`, `>=`, `=`, or `range` (then `min` and `max` instead of `value`). */
    comparator: z.enum(COMPARATORS),
    /** The figure, for every comparator but `range`. */
    value: z.number().optional(),
    /** Lower bound, with `range`. */
    min: z.number().optional(),
    /** Upper bound, with `range`. */
    max: z.number().optional(),
    /** Unit of the figure: the metric's unit or one convertible to it. */
    unit: textSchema,
    /** Where the figure applies (use case, service area). */
    scenario: partlyLocalizedSchema.optional(),
    /** Clause or table of the standard that states the figure. */
    clause: textSchema.optional(),
  })
  .superRefine((req, ctx) => {
    if (req.comparator === 'range') {
      if (req.value !== undefined)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'with comparator "range", give min and max instead of value' });
      if (req.min === undefined)
        ctx.addIssue({ code: 'custom', path: ['min'], message: 'comparator "range" needs min' });
      if (req.max === undefined)
        ctx.addIssue({ code: 'custom', path: ['max'], message: 'comparator "range" needs max' });
      if (req.min !== undefined && req.max !== undefined && !(req.min < req.max))
        ctx.addIssue({
          code: 'custom',
          path: ['min'],
          message: `a range needs min < max, got min ${req.min} and max ${req.max}`,
        });
    } else {
      if (req.value === undefined)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `comparator "${req.comparator}" needs value` });
      for (const bound of ['min', 'max'] as const)
        if (req[bound] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [bound],
            message: `${bound} is only for comparator "range"; use value with "${req.comparator}"`,
          });
    }
  });

/** The frontmatter of one standard: `content/standards/<id>.mdx`. */
export const standardSchema = z
  .strictObject({
    /** Official designation as the issuer prints it; unique across the catalogue. */
    code: textSchema,
    /** Official title in Chinese and English (translated where none exists, said so in the body). */
    title: localizedSchema,
    /** One or two sentences on what the standard is for. */
    summary: partlyLocalizedSchema.optional(),
    /** Language of the MDX body. */
    lang: z.enum(BODY_LANGS),
    /** base | common | industry, as box 1 of the plan structures the standards system. */
    tier: z.enum(TIERS),
    /** Topic ids from content/topics. */
    topics: z.array(idSchema).default([]),
    /** Sector ids from content/sectors; at least one when tier is industry. */
    sectors: z.array(idSchema).default([]),
    /** Issuing body id from content/bodies. */
    body: idSchema,
    /** international | national | industry | group | enterprise. */
    level: z.enum(LEVELS),
    /** Where the standard is in its life cycle. */
    status: z.enum(STATUSES),
    /** A key industry standard counted by the plan's target. */
    key: z.boolean().default(false),
    /** 3GPP release, R15 … R20. */
    release: z.enum(RELEASES).optional(),
    /** Version of the document the entry describes. */
    version: textSchema.optional(),
    /** Publication and effective dates. */
    dates: z
      .strictObject({
        /** Date of publication (发布日期). */
        published: isoDateSchema.optional(),
        /** Date the standard takes effect (实施日期); not before published. */
        effective: isoDateSchema.optional(),
      })
      .optional(),
    /** Ids of standards this one normatively references. */
    references: z.array(idSchema).default([]),
    /** Ids of standards this one replaces. */
    supersedes: z.array(idSchema).default([]),
    /** Ids of other related standards. */
    related: z.array(idSchema).default([]),
    /** International standards this one adopts (采标), with the degree of adoption. */
    adopts: z
      .array(
        z.strictObject({
          /** Id of the adopted standard. */
          id: idSchema,
          /** identical (IDT) | modified (MOD) | non-equivalent (NEQ). */
          degree: z.enum(ADOPTION_DEGREES),
        }),
      )
      .default([]),
    /** ICS classification codes, e.g. 33.070.50. */
    ics: z.array(z.string().regex(/^\d{2}(\.\d{3}(\.\d{2})?)?$/, { message: 'an ICS code such as 33.070.50' })).default([]),
    /** Chinese standard classification (CCS) codes, e.g. M36. */
    ccs: z.array(z.string().regex(/^[A-Z]\d{2}$/, { message: 'a CCS code such as M36' })).default([]),
    /** Clauses of the action plan the standard serves: "1".."32", "box-1".."box-4". */
    plan: z.array(z.enum(PLAN_CLAUSE_IDS)).default([]),
    /** Quantitative requirements engineers look up. */
    requirements: z.array(requirementSchema).default([]),
    /** External links, http(s) only. */
    links: z
      .array(
        z.strictObject({
          /** Text of the link. */
          label: textSchema,
          /** Where it points. */
          url: httpUrlSchema,
        }),
      )
      .default([]),
    /** When the entry was last reviewed. */
    updated: isoDateSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.tier === 'industry' && entry.sectors.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['sectors'],
        message: 'an industry-tier standard needs at least one sector',
      });
    const published = entry.dates?.published;
    const effective = entry.dates?.effective;
    if (published && effective && effective < published)
      ctx.addIssue({
        code: 'custom',
        path: ['dates', 'effective'],
        message: `the effective date ${effective} is before the published date ${published}`,
      });
    const seen = new Set<string>();
    entry.requirements.forEach((req, i) => {
      if (seen.has(req.id))
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', i, 'id'],
          message: `requirement id "${req.id}" is used twice in this entry`,
        });
      seen.add(req.id);
    });
  });

/** Frontmatter as authored (before defaults). */
export type StandardInput = z.input<typeof standardSchema>;
/** Frontmatter after validation, defaults filled in. */
export type StandardData = z.infer<typeof standardSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Tier = (typeof TIERS)[number];
export type Level = (typeof LEVELS)[number];
export type Status = (typeof STATUSES)[number];
