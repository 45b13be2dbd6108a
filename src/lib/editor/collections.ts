/** The collections the browser editor edits, each with its schema. */
import type { z } from 'astro/zod';
import { REFERENCE_SCHEMAS, standardSchema, type ReferenceCollection } from '../catalogue/schemas/index.ts';

/** The collections the editor edits: the standards and every reference collection. */
export type EditorCollection = 'standards' | ReferenceCollection;

/** The schema of each editable collection. */
export const COLLECTION_SCHEMAS: Readonly<Record<EditorCollection, z.ZodType>> = {
  standards: standardSchema,
  ...REFERENCE_SCHEMAS,
};

/** Every editable collection, standards first. */
export const EDITOR_COLLECTIONS = Object.keys(COLLECTION_SCHEMAS) as EditorCollection[];
