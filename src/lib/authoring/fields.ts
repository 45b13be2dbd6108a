/**
 * The fields of a catalogue file, read from the zod schemas (never listed by hand): their order, kind of value,
 * defaults and limits. The browser editor builds its form from them (a field added to a schema appears in the
 * editor, with the kind of input its type asks for), and the YAML patcher writes new values in their order and style.
 */
import type { z } from 'astro/zod';
import { LIMITS } from '../catalogue/limits.ts';
import { ID_PATTERN } from '../catalogue/schemas/index.ts';

/** What kind of value a field holds (and so which input the editor offers). */
export type FieldKind =
  | 'text'
  | 'long-text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'date'
  | 'url'
  | 'id'
  | 'object'
  | 'list'
  | 'record';

/** One field of a schema, with what the editor needs to offer and check it and the patcher needs to write it. */
export interface FieldNode {
  /** The key in the file (`en`), or `[]` for the items of a list. */
  name: string;
  /** Where it is in the file: `title.en`, `requirements[].unit`, `units{}` for a record's values. */
  path: string;
  kind: FieldKind;
  /** The file must give it (not optional, no default). */
  required: boolean;
  /** The value the check assumes when the field is absent (`[]`, `false`). */
  defaultValue?: unknown;
  /** The schema's own description (`.describe()`), in English. */
  description?: string;
  /** Allowed values of an enum. */
  options?: readonly string[];
  /** Fields of an object. */
  fields?: FieldNode[];
  /** The item of a list, or the value of a record. */
  item?: FieldNode;
  /** Fewest items of a list, or smallest number. */
  min?: number;
  /** Most items of a list, or largest number, or longest text. */
  max?: number;
  /** The patterns a string must match (`.regex()`): an id's, a 3GPP release's, an ICS code's. */
  patterns?: readonly RegExp[];
  /** The field's own schema: the editor checks a value with it, so the form and the check agree. */
  schema: z.ZodType;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  checks?: Array<{
    _zod: {
      def: { check: string; format?: string; pattern?: RegExp; value?: number; maximum?: number; minimum?: number };
    };
  }>;
  format?: string;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Peels optional, default and pipe wrappers; says whether the field may be absent and what it then defaults to. */
function unwrap(schema: z.ZodType): {
  inner: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
  description?: string;
} {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  let description = schema.description;
  for (let i = 0; i < 10; i++) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'nullable') {
      optional = true;
      inner = def.innerType!;
    } else if (def.type === 'default') {
      optional = true;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      inner = def.innerType!;
    } else if (def.type === 'pipe') inner = def.in!;
    else break;
    description ??= inner.description;
  }
  return { inner, optional, defaultValue, description };
}

function lengthLimits(def: Def): { min?: number; max?: number; patterns: RegExp[]; format?: string } {
  const out: { min?: number; max?: number; patterns: RegExp[]; format?: string } = { patterns: [], format: def.format };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') out.min = c.minimum;
    else if (c.check === 'max_length') out.max = c.maximum;
    else if (c.check === 'greater_than') out.min = c.value;
    else if (c.check === 'less_than') out.max = c.value;
    else if (c.check === 'string_format') {
      if (c.pattern) out.patterns.push(c.pattern);
      out.format ??= c.format;
    }
  }
  return out;
}

/** The field tree of a schema (an object schema gives its fields). */
export function schemaFields(schema: z.ZodType): FieldNode[] {
  return fieldNode('', '', schema).fields ?? [];
}

function fieldNode(name: string, path: string, schema: z.ZodType): FieldNode {
  const { inner, optional, defaultValue, description } = unwrap(schema);
  const def = defOf(inner);
  const base = {
    name,
    path,
    required: !optional,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(description ? { description } : {}),
    schema: inner,
  };
  const limits = lengthLimits(def);
  const child = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'object':
      return {
        ...base,
        kind: 'object',
        fields: Object.entries(def.shape!).map(([key, value]) => fieldNode(key, child(key), value)),
      };
    case 'array':
      return {
        ...base,
        kind: 'list',
        item: fieldNode('[]', `${path}[]`, def.element!),
        ...(limits.min !== undefined ? { min: limits.min } : {}),
        ...(limits.max !== undefined ? { max: limits.max } : {}),
      };
    case 'record':
      return { ...base, kind: 'record', item: fieldNode('{}', `${path}{}`, def.valueType!) };
    case 'enum':
      return { ...base, kind: 'enum', options: Object.values(def.entries!) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'number': {
      const integer = (def.checks ?? []).some((c) => c._zod.def.format === 'safeint') || def.format === 'safeint';
      return {
        ...base,
        kind: integer ? 'integer' : 'number',
        ...(limits.min !== undefined ? { min: limits.min } : {}),
        ...(limits.max !== undefined ? { max: limits.max } : {}),
      };
    }
    case 'string': {
      const kind: FieldKind =
        limits.format === 'date'
          ? 'date'
          : limits.format === 'url'
            ? 'url'
            : limits.patterns.some((p) => p.source === ID_PATTERN.source)
              ? 'id'
              : (limits.max ?? 0) > LIMITS.shortText
                ? 'long-text'
                : 'text';
      return {
        ...base,
        kind,
        ...(limits.max !== undefined ? { max: limits.max } : {}),
        ...(limits.patterns.length ? { patterns: limits.patterns } : {}),
      };
    }
    default:
      // A type the editor has no input for is offered as text; the check still decides.
      return { ...base, kind: 'text' };
  }
}

/** Every field of a tree, depth first (lists and records give their item too). */
export function allFields(fields: readonly FieldNode[]): FieldNode[] {
  return fields.flatMap((f) => [f, ...(f.fields ? allFields(f.fields) : []), ...(f.item ? allFields([f.item]) : [])]);
}

/** The field at a path such as `requirements[].unit`, or undefined. */
export function fieldAt(fields: readonly FieldNode[], path: string): FieldNode | undefined {
  return allFields(fields).find((f) => f.path === path);
}
