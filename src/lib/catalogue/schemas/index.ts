import { standardSchema } from './standard.ts';
import { bodySchema, metricSchema, sectorSchema, targetSchema, termSchema, topicSchema } from './reference.ts';

export * from './common.ts';
export * from './plan.ts';
export * from './standard.ts';
export * from './reference.ts';

/** The reference collections: data files under content/<name>/<id>.yaml. */
export const REFERENCE_SCHEMAS = {
  sectors: sectorSchema,
  topics: topicSchema,
  bodies: bodySchema,
  metrics: metricSchema,
  targets: targetSchema,
  terms: termSchema,
} as const;

/** Reference folders that may be absent (a catalogue without a term list is valid). */
export const OPTIONAL_COLLECTIONS: ReadonlySet<string> = new Set(['terms']);

export type ReferenceCollection = keyof typeof REFERENCE_SCHEMAS;
export const REFERENCE_COLLECTIONS = Object.keys(REFERENCE_SCHEMAS) as ReferenceCollection[];
export { standardSchema };
