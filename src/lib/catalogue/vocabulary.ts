/**
 * The catalogue's fixed values: the enums of the authoring format and the two languages. Plain constants without
 * zod, so that page scripts (search, compare) can use them without bundling the schemas.
 */

/** The catalogue's languages: Chinese (at `/`) and English (at `/en/`). */
export const LANGS = ['zh', 'en'] as const;
/** One of the catalogue's languages. */
export type Lang = (typeof LANGS)[number];

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
/** The statuses of a standard still being written (shown as drafts, counted as "in development"). */
export const DRAFT_STATUSES = ['planned', 'drafting', 'consultation', 'approval'] as const satisfies ReadonlyArray<
  (typeof STATUSES)[number]
>;
/** 3GPP releases from the first 5G release on. */
export const RELEASES = ['R15', 'R16', 'R17', 'R18', 'R19', 'R20'] as const;
/** Degrees of adoption of an international standard (采标程度): IDT, MOD, NEQ. */
export const ADOPTION_DEGREES = ['identical', 'modified', 'non-equivalent'] as const;
/** How a requirement's figure bounds the metric. */
export const COMPARATORS = ['<=', '>=', '=', 'range'] as const;
/** Languages an entry body can be written in: the catalogue's languages. */
export const BODY_LANGS = LANGS;
/** Whether a standard was written for 5G or its applications, or is a background standard 5G applications must meet. */
export const SCOPES = ['5g', 'background'] as const;
/** Kinds of document; a report or a guide is published, never "in force". */
export const DOCTYPES = ['standard', 'specification', 'recommendation', 'report', 'guide'] as const;
