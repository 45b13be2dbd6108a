/**
 * What the YAML patcher needs to know of a zod schema, read from its fields: the order of the keys of each mapping,
 * the defaults the check assumes, and whether a new string is free text (written quoted) or a code (written plain).
 * The browser editor and the importer both write through it, so a new field lands where the schema puts it and is
 * written as the authoring format writes it, whoever adds it.
 */
import type { z } from 'astro/zod';
import { RELEASE_PATTERN } from '../catalogue/schemas/index.ts';
import { schemaFields, type FieldNode } from './fields.ts';
import type { DataPath, PatchSchema } from './yaml-patch.ts';

/**
 * Strings held to one of these patterns are codes, written plain as the format writes them (`release: R17` in a
 * version row, like the top-level `release`, whose values are an enum). Other patterned strings (a version's partial
 * date, ICS and CCS codes) are written quoted, as the authoring format shows them (`ccs: ["M36"]`).
 */
const CODE_PATTERNS: readonly RegExp[] = [RELEASE_PATTERN];

/** The field at a data path (list indexes and record keys stand for their item). */
function nodeAt(fields: readonly FieldNode[], path: DataPath): FieldNode | undefined {
  let level: readonly FieldNode[] | undefined = fields;
  let node: FieldNode | undefined;
  for (const part of path) {
    if (node?.kind === 'list' || node?.kind === 'record') {
      node = node.item;
      level = node?.fields;
      continue;
    }
    node = level?.find((f) => f.name === part);
    level = node?.fields;
  }
  return node;
}

/** Whether a field's new strings are free text: text, long text and URLs are; ids, enums, dates and codes are not. */
function isTextField(node: FieldNode | undefined): boolean {
  if (!node) return true;
  if (node.kind === 'text' && node.patterns?.some((p) => CODE_PATTERNS.some((c) => c.source === p.source)))
    return false;
  return node.kind === 'text' || node.kind === 'long-text' || node.kind === 'url';
}

const cache = new WeakMap<z.ZodType, PatchSchema>();

/** What the patcher needs of the schema of a file (an entry's frontmatter, a reference record). */
export function patchSchema(schema: z.ZodType): PatchSchema {
  const known = cache.get(schema);
  if (known) return known;
  const fields = schemaFields(schema);
  const made: PatchSchema = {
    keys: (path) => {
      if (!path.length) return fields.map((f) => f.name);
      const node = nodeAt(fields, path);
      return (node?.kind === 'list' ? node.item?.fields : node?.fields)?.map((f) => f.name) ?? [];
    },
    defaultValue: (path) => nodeAt(fields, path)?.defaultValue,
    isText: (path) => isTextField(nodeAt(fields, path)),
  };
  cache.set(schema, made);
  return made;
}
