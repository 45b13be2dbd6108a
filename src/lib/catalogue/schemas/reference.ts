import { z } from 'astro/zod';
import { httpUrlSchema, idSchema, isoDateSchema, localizedLongSchema, localizedSchema, partlyLocalizedSchema, textSchema } from './common.ts';
import { PLAN_CLAUSE_IDS } from './plan.ts';
import { LEVELS, SCOPES, sourceSchema, STATUSES, TIERS } from './standard.ts';

/** One of the 15 industries of section 三 of the plan: `content/sectors/<id>.yaml`. */
export const sectorSchema = z.strictObject({
  /** Name in both languages. */
  name: localizedSchema,
  /** The plan's article (7-21) that names the sector. */
  article: z.number().int().min(7).max(21),
  /** Position in lists; the plan's own order. */
  order: z.number().int().min(1),
  /** What 5G brings to the sector and which standards matter, in our own words. */
  description: localizedLongSchema,
});

/** A base or common topic of box 1: `content/topics/<id>.yaml`. */
export const topicSchema = z.strictObject({
  name: localizedSchema,
  /** The tier box 1 files the topic under. */
  tier: z.enum(TIERS),
  /** Position in lists. */
  order: z.number().int().min(1),
  description: localizedLongSchema,
});

/** An issuing organisation: `content/bodies/<id>.yaml`. */
export const bodySchema = z.strictObject({
  /** Full name in both languages. */
  name: localizedSchema,
  /** Short name or acronym as the body uses it (3GPP, CCSA, SAC/TC485). */
  short: textSchema,
  /** Levels of the standards the body issues. */
  levels: z.array(z.enum(LEVELS)).min(1),
  /** Home page, http(s). */
  url: httpUrlSchema.optional(),
  description: localizedLongSchema.optional(),
  /**
   * Designation prefixes this body publishes as the authority (主管部门), e.g. `YD/T` for MIIT: an entry with
   * such a designation and no `authority` of its own is credited to it.
   */
  prefixes: z.array(textSchema).default([]),
});

/** A requirement metric with its canonical unit: `content/metrics/<id>.yaml`. */
export const metricSchema = z
  .strictObject({
    name: localizedSchema,
    /** The unit every value is converted to for comparison and sorting. */
    unit: textSchema,
    /** Other units and the factor that converts one of them to the canonical unit. */
    units: z.record(z.string(), z.number().positive()).default({}),
    /** Whether smaller values are better (latency) or larger (reliability). */
    better: z.enum(['lower', 'higher']),
    /** Position in lists. */
    order: z.number().int().min(1),
    /** The range a figure can take, in the canonical unit (latency is never negative, reliability at most 100 %). */
    range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).default({}),
  })
  .superRefine((metric, ctx) => {
    if (Object.hasOwn(metric.units, metric.unit))
      ctx.addIssue({
        code: 'custom',
        path: ['units', metric.unit],
        message: `the canonical unit "${metric.unit}" converts to itself; remove it from units`,
      });
  });

const anyOf = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

/**
 * Which entries a target counts: each field given narrows the selection; a list allows any of
 * its values; for list fields of an entry (sectors, topics) one shared value is enough.
 */
export const targetFilterSchema = z.strictObject({
  tier: anyOf(z.enum(TIERS)),
  status: anyOf(z.enum(STATUSES)),
  level: anyOf(z.enum(LEVELS)),
  key: z.boolean().optional(),
  scope: anyOf(z.enum(SCOPES)),
  /** Publication date window, inclusive: `{ from: 2021-07-05 }`; entries without a date do not match. */
  published: z
    .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
    .refine((w) => w.from !== undefined || w.to !== undefined, { message: 'a window with from, to or both (YYYY-MM-DD)', params: { expectation: true } })
    .optional(),
  sectors: anyOf(idSchema),
  topics: anyOf(idSchema),
  body: anyOf(idSchema),
});

/** A progress target of the plan, as data: `content/targets/<id>.yaml`. */
export const targetSchema = z.strictObject({
  name: localizedSchema,
  /** The definition in words, shown beside the count. */
  description: localizedLongSchema,
  /** How many entries complete the target. */
  threshold: z.number().int().positive(),
  /** The date by which the plan wants the target met. */
  deadline: isoDateSchema,
  /** Which entries count. */
  filter: targetFilterSchema,
  /** Where the target comes from (plan clause). */
  source: z.enum(PLAN_CLAUSE_IDS).optional(),
  /** Position on the dashboard. */
  order: z.number().int().min(1),
});

/**
 * A concept of the term list, `content/terms/<id>.yaml`: its preferred Chinese and English terms (bodies use
 * these), search-only aliases, and renderings bodies must avoid, each rendering with where it was seen.
 */
export const termSchema = z
  .strictObject({
    /** Preferred Chinese term. */
    zh: textSchema,
    /** Preferred English term. */
    en: textSchema,
    /** Variants search also knows (abbreviations, near-synonyms); never required in bodies. */
    aliases: z.strictObject({ zh: z.array(textSchema).default([]), en: z.array(textSchema).default([]) }).default({ zh: [], en: [] }),
    /** Other renderings that bodies must not use. */
    avoid: z.strictObject({ zh: z.array(textSchema).default([]), en: z.array(textSchema).default([]) }).default({ zh: [], en: [] }),
    /** Where each rendering was seen. */
    sources: z
      .array(sourceSchema.extend({ shows: z.array(z.enum(['zh', 'en'])).min(1) }))
      .default([]),
    /** Said when a language's rendering is seen in no source. */
    note: partlyLocalizedSchema.optional(),
    /** The sector (content/sectors id) whose name this term is: search then treats its forms as the sector's names. */
    sector: idSchema.optional(),
    /** The topic (content/topics id) whose name this term is. */
    topic: idSchema.optional(),
  })
  .superRefine((term, ctx) => {
    if (term.sector && term.topic) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'a term names a sector or a topic, not both' });
    for (const lang of ['zh', 'en'] as const) {
      if (!term.note && !term.sources.some((s) => s.shows.includes(lang)))
        ctx.addIssue({
          code: 'custom',
          path: ['sources'],
          message: `no source shows the ${lang === 'zh' ? 'Chinese' : 'English'} term "${term[lang]}": add one with shows: [${lang}], or a note saying none was found`,
        });
      const kept = [term[lang], ...term.aliases[lang]];
      term.avoid[lang].forEach((bad, i) => {
        if (kept.some((k) => k.toLowerCase().includes(bad.toLowerCase())))
          ctx.addIssue({ code: 'custom', path: ['avoid', lang, i], message: `"${bad}" is part of the preferred term or an alias, so no body could use the preferred term` });
      });
    }
  });

export type SectorData = z.infer<typeof sectorSchema>;
export type TopicData = z.infer<typeof topicSchema>;
export type BodyData = z.infer<typeof bodySchema>;
export type MetricData = z.infer<typeof metricSchema>;
export type TargetData = z.infer<typeof targetSchema>;
export type TargetFilter = z.infer<typeof targetFilterSchema>;
export type TermData = z.infer<typeof termSchema>;
