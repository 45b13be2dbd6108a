import { z } from 'astro/zod';
import { LIMITS } from '../limits.ts';

/** Ids of every catalogue record: lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An id of a catalogue record (file name without extension). */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, { message: 'an id of lower-case letters, digits and hyphens' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date written as an ISO date, YYYY-MM-DD. */
export const isoDateSchema = z.string().refine(isIsoDate, {
  message: 'an ISO date written YYYY-MM-DD (for example 2021-06-25)',
  params: { expectation: true },
});

/** Text that is not empty once trimmed, up to a few paragraphs (summaries, notes, descriptions). */
export const textSchema = z.string().trim().min(1, { message: 'non-empty text' }).max(LIMITS.longText);

/** One line of text: a title, a name, a scenario, a label. */
export const shortTextSchema = z.string().trim().min(1, { message: 'non-empty text' }).max(LIMITS.shortText);

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

/** An absolute http(s) URL. */
export const httpUrlSchema = z.string().max(LIMITS.url).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'an absolute http:// or https:// URL', params: { expectation: true } },
);

export type Localized = z.infer<typeof localizedSchema>;
export type PartlyLocalized = z.infer<typeof partlyLocalizedSchema>;
