import { z } from 'astro/zod';
import { describeCharacter, refusedCharacter } from '../characters.ts';
import { LIMITS } from '../limits.ts';

/** Ids of every catalogue record: lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An id of a catalogue record (file name without extension). */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, { message: 'an id of lower-case letters, digits and hyphens' })
  .max(LIMITS.id);

/** A calendar date written as an ISO date, YYYY-MM-DD (zod's calendar-aware check; JSON Schema `format: date`). */
export const isoDateSchema = z.iso.date({ message: 'an ISO date written YYYY-MM-DD (for example 2021-06-25)' });

/**
 * A date as precise as its source gives it: a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD). Bibliographic
 * records often give only the month of a version; it is kept as the month, never filled out to an invented day.
 */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: 'a date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .refine((v) => v.length < 10 || new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'a real calendar day (YYYY-MM-DD)',
    params: { expectation: true },
  });

/**
 * Refuses the characters no contributed text may hold (characters.ts: controls, direction controls, invisible
 * characters), naming the first one and where it is; the check reports it under the rule `text-characters`.
 */
export function plainText<T extends z.ZodType<string>>(schema: T): T {
  return schema.superRefine((text, ctx) => {
    const found = refusedCharacter(text);
    if (found)
      ctx.addIssue({
        code: 'custom',
        message: `the text holds ${describeCharacter(found.char)}, at character ${found.index + 1}`,
        params: { rule: 'text-characters', suggestion: 'delete it: retype the text around it, or paste it as plain text' },
      });
  });
}

/** Text that is not empty once trimmed, up to a few paragraphs (summaries, notes, descriptions). */
export const textSchema = plainText(z.string().trim().min(1, { message: 'non-empty text' }).max(LIMITS.longText));

/** One line of text: a title, a name, a scenario, a label. */
export const shortTextSchema = plainText(z.string().trim().min(1, { message: 'non-empty text' }).max(LIMITS.shortText));

/** A designation: checked for invisible characters and look-alike letters by the check's own rule (`code-spelling`). */
export const codeSchema = z.string().trim().min(1, { message: 'non-empty text' }).max(LIMITS.code);

/** Text given in both languages of the catalogue. */
export const localizedSchema = z.strictObject({
  /** Chinese (简体中文). */
  zh: shortTextSchema,
  /** English. */
  en: shortTextSchema,
});

/** Longer text in both languages (descriptions). */
export const localizedLongSchema = z.strictObject({
  zh: textSchema,
  en: textSchema,
});

/** Text given in at least one language; the other falls back to it. */
export const partlyLocalizedSchema = z
  .strictObject({
    zh: textSchema.optional(),
    en: textSchema.optional(),
  })
  .refine((v) => v.zh !== undefined || v.en !== undefined, {
    message: 'text in at least one language (zh or en)',
    params: { expectation: true },
  });

/** An absolute http(s) URL (JSON Schema `format: uri`). */
export const httpUrlSchema = plainText(
  z.url({ protocol: /^https?$/, message: 'an absolute http:// or https:// URL' }).max(LIMITS.url),
);

export type Localized = z.infer<typeof localizedSchema>;
export type PartlyLocalized = z.infer<typeof partlyLocalizedSchema>;
