import { z } from 'astro/zod';
import { httpUrlSchema, idSchema, isoDateSchema, localizedSchema, textSchema } from './common.ts';
import { PLAN_CLAUSE_IDS } from './plan.ts';
import { LEVELS, STATUSES, TIERS } from './standard.ts';

/** One of the 15 industries of section 三 of the plan: `content/sectors/<id>.yaml`. */
export const sectorSchema = z.strictObject({
  /** Name in both languages. */
  name: localizedSchema,
  /** The plan's article (7-21) that names the sector. */
  article: z.number().int().min(7).max(21),
  /** Position in lists; the plan's own order. */
  order: z.number().int().min(1),
  /** What 5G brings to the sector and which standards matter, in our own words. */
  description: localizedSchema,
});

/** A base or common topic of box 1: `content/topics/<id>.yaml`. */
export const topicSchema = z.strictObject({
  name: localizedSchema,
  /** The tier box 1 files the topic under. */
  tier: z.enum(TIERS),
  /** Position in lists. */
  order: z.number().int().min(1),
  description: localizedSchema,
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
  description: localizedSchema.optional(),
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
  })
  .superRefine((metric, ctx) => {
    if (metric.unit in metric.units)
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
  sectors: anyOf(idSchema),
  topics: anyOf(idSchema),
  body: anyOf(idSchema),
});

/** A progress target of the plan, as data: `content/targets/<id>.yaml`. */
export const targetSchema = z.strictObject({
  name: localizedSchema,
  /** The definition in words, shown beside the count. */
  description: localizedSchema,
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

export type SectorData = z.infer<typeof sectorSchema>;
export type TopicData = z.infer<typeof topicSchema>;
export type BodyData = z.infer<typeof bodySchema>;
export type MetricData = z.infer<typeof metricSchema>;
export type TargetData = z.infer<typeof targetSchema>;
export type TargetFilter = z.infer<typeof targetFilterSchema>;
