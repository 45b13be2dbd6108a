import { z } from 'astro/zod';
import { httpUrlSchema, idSchema, isoDateSchema, localizedLongSchema, localizedSchema, partlyLocalizedSchema, textSchema, plainText,
} from './common.ts';
import { PLAN_CLAUSE_IDS } from './plan.ts';
import { LEVELS, SCOPES, sourceSchema, STATUSES, TIERS } from './standard.ts';

/** One of the 15 industries of section 三 of the plan: `content/sectors/<id>.yaml`. */
export const sectorSchema = z.strictObject({
  name: localizedSchema.describe('Name in both languages.'),
  article: z.number().int().min(7).max(21).describe("The plan's article (7-21) that names the sector."),
  order: z.number().int().min(1).describe("Position in lists; the plan's own order."),
  description: localizedLongSchema.describe('What 5G brings to the sector and which standards matter, in our own words.'),
});

/** A base or common topic of box 1: `content/topics/<id>.yaml`. */
export const topicSchema = z.strictObject({
  name: localizedSchema.describe('Name in both languages.'),
  tier: z.enum(TIERS).describe('The tier box 1 files the topic under.'),
  order: z.number().int().min(1).describe('Position in lists.'),
  description: localizedLongSchema.describe('What the topic covers, in our own words.'),
});

/** An issuing organisation: `content/bodies/<id>.yaml`. */
export const bodySchema = z.strictObject({
  name: localizedSchema.describe('Full name in both languages.'),
  short: textSchema.describe('Short name or acronym as the body uses it (3GPP, CCSA, SAC/TC485).'),
  levels: z.array(z.enum(LEVELS)).min(1).describe('Levels of the standards the body issues.'),
  url: httpUrlSchema.optional().describe('Home page, an http(s) URL.'),
  description: localizedLongSchema.optional().describe('What the body is and does, in our own words.'),
  /**
   * An entry with such a designation and no `authority` of its own is credited to this body.
   */
  prefixes: z
    .array(textSchema)
    .default([])
    .describe('Designation prefixes this body publishes as the authority (主管部门), e.g. YD/T for MIIT.'),
});

/** A requirement metric with its canonical unit: `content/metrics/<id>.yaml`. */
export const metricSchema = z
  .strictObject({
    name: localizedSchema.describe('Name in both languages.'),
    unit: textSchema.describe('The canonical unit every figure is converted to for comparison and sorting.'),
    units: z
      .record(plainText(z.string()), z.number().positive())
      .default({})
      .describe('Other units, each with the factor that converts one of it to the canonical unit.'),
    better: z.enum(['lower', 'higher']).describe('Whether smaller figures are better (latency) or larger (reliability).'),
    order: z.number().int().min(1).describe('Position in lists.'),
    range: z
      .strictObject({
        min: z.number().optional().describe('Smallest figure possible, in the canonical unit.'),
        max: z.number().optional().describe('Largest figure possible, in the canonical unit.'),
      })
      .default({})
      .describe('The range a figure can take, in the canonical unit (latency is never negative, reliability at most 100 %).'),
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
  tier: anyOf(z.enum(TIERS)).describe('Tiers counted; absent, every tier.'),
  status: anyOf(z.enum(STATUSES)).describe('Statuses counted; absent, every status.'),
  level: anyOf(z.enum(LEVELS)).describe('Levels counted; absent, every level.'),
  key: z.boolean().optional().describe('Only key industry standards (true) or only the others (false); absent, both.'),
  scope: anyOf(z.enum(SCOPES)).describe('Scopes counted; absent, both.'),
  /**
   * Publication date window, inclusive: `{ from: 2021-07-05 }`. An entry without a publication day matches by its
   * designation's year only when that whole year lies inside (src/lib/catalogue/publication.ts).
   */
  published: z
    .strictObject({
      from: isoDateSchema.optional().describe('First publication date counted (YYYY-MM-DD).'),
      to: isoDateSchema.optional().describe('Last publication date counted (YYYY-MM-DD).'),
    })
    .refine((w) => w.from !== undefined || w.to !== undefined, { message: 'a window with from, to or both (YYYY-MM-DD)', params: { expectation: true } })
    .optional()
    .describe('Publication date window, inclusive; an entry without a publication day matches by its designation\'s year when that whole year lies inside.'),
  sectors: anyOf(idSchema).describe('Sector ids; an entry with one of them matches.'),
  topics: anyOf(idSchema).describe('Topic ids; an entry with one of them matches.'),
  body: anyOf(idSchema).describe('Issuing body ids.'),
});

/** A progress target of the plan, as data: `content/targets/<id>.yaml`. */
export const targetSchema = z.strictObject({
  name: localizedSchema.describe('Name in both languages.'),
  description: localizedLongSchema.describe('The definition in words, shown beside the count.'),
  threshold: z.number().int().positive().describe('How many entries complete the target.'),
  deadline: isoDateSchema.describe('The date by which the plan wants the target met (YYYY-MM-DD).'),
  filter: targetFilterSchema.describe('Which entries count: each field given narrows the selection.'),
  source: z.enum(PLAN_CLAUSE_IDS).optional().describe('The clause of the plan the target comes from.'),
  order: z.number().int().min(1).describe('Position on the progress page.'),
});

/**
 * A concept of the term list, `content/terms/<id>.yaml`: its preferred Chinese and English terms (bodies use
 * these), search-only aliases, and renderings bodies must avoid, each rendering with where it was seen.
 */
export const termSchema = z
  .strictObject({
    zh: textSchema.describe('Preferred Chinese term; bodies use it.'),
    en: textSchema.describe('Preferred English term; bodies use it.'),
    aliases: z
      .strictObject({ zh: z.array(textSchema).default([]), en: z.array(textSchema).default([]) })
      .default({ zh: [], en: [] })
      .describe('Variants search also knows (abbreviations, near-synonyms); never required in bodies.'),
    avoid: z
      .strictObject({ zh: z.array(textSchema).default([]), en: z.array(textSchema).default([]) })
      .default({ zh: [], en: [] })
      .describe('Other renderings that bodies must not use.'),
    sources: z
      .array(
        sourceSchema.extend({
          shows: z.array(z.enum(['zh', 'en'])).min(1).describe('The languages whose rendering the page shows.'),
        }),
      )
      .default([])
      .describe('Where each rendering was seen.'),
    note: partlyLocalizedSchema.optional().describe("Said when a language's rendering is seen in no source."),
    sector: idSchema
      .optional()
      .describe("The sector whose name this term is: search then treats its forms as the sector's names."),
    topic: idSchema.optional().describe('The topic whose name this term is.'),
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
