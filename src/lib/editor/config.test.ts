/**
 * The editor's configuration is the schema's: every field with an input of its kind, the same choices, pickers
 * exactly where the check resolves ids, a label and help in both languages; a field added to a schema appears.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.ts';
import { ID_REFERENCES } from '../catalogue/schemas/references.ts';
import { partlyLocalizedSchema, standardSchema } from '../catalogue/schemas/index.ts';
import { collectionFields, editorConfig, type EditorField } from './config.ts';
import { BODIES_KEY, writeEntry } from './entry-file.ts';
import { fieldHelp, fieldLabel, isLanguageChild, TABLE_KEYS } from './field-text.ts';
import { allFields, schemaFields, type FieldNode } from '../authoring/fields.ts';
import { COLLECTION_SCHEMAS, EDITOR_COLLECTIONS, type EditorCollection } from './collections.ts';

const LANGS = ['zh', 'en'] as const;

/** The widget a field of a kind needs, and where the config must carry its choices or target. */
function expectedInput(collection: EditorCollection, field: FieldNode): Partial<EditorField> {
  const target = ID_REFERENCES[collection]?.[field.path];
  const itemTarget = field.item && ID_REFERENCES[collection]?.[field.item.path];
  switch (field.kind) {
    case 'object':
      return { widget: 'object' };
    case 'list':
      if (itemTarget) return { widget: 'relation', collection: itemTarget, multiple: true };
      if (field.item?.kind === 'enum') return { widget: 'select', multiple: true };
      return { widget: 'list' };
    case 'record':
      return { widget: 'list' };
    case 'enum':
      return { widget: 'select' };
    case 'boolean':
      return { widget: 'boolean' };
    case 'number':
    case 'integer':
      return { widget: 'number' };
    case 'long-text':
      return { widget: 'text' };
    case 'id':
      return target ? { widget: 'relation', collection: target, multiple: false } : { widget: 'string' };
    default:
      return { widget: 'string' };
  }
}

/**
 * Where the generated fields and the schema disagree: a schema field without its input, an input of the wrong
 * kind, choices that differ, an input the schema does not have.
 */
function disagreements(
  collection: EditorCollection,
  fields: readonly FieldNode[],
  config: readonly EditorField[],
): string[] {
  const out: string[] = [];
  const names = new Set(fields.map((f) => f.name));
  for (const extra of config.filter(
    (c) => !names.has(c.name) && !(collection === 'standards' && c.name === BODIES_KEY),
  ))
    out.push(`${collection}: the form has "${extra.name}", the schema does not`);
  for (const field of fields) {
    const input = config.find((c) => c.name === field.name);
    if (!input) {
      out.push(`${collection}: ${field.path} is missing from the form`);
      continue;
    }
    for (const [key, value] of Object.entries(expectedInput(collection, field)))
      if (input[key] !== value)
        out.push(`${collection}: ${field.path} has ${key} ${String(input[key])}, expected ${String(value)}`);
    const choices =
      field.kind === 'enum'
        ? field.options
        : field.kind === 'list' && field.item?.kind === 'enum'
          ? field.item.options
          : undefined;
    if (choices && input.widget === 'select') {
      const offered = (input.options as Array<{ value: string }>).map((o) => o.value);
      if (JSON.stringify([...offered].sort()) !== JSON.stringify([...choices].sort()))
        out.push(`${collection}: ${field.path} offers ${offered.join('|')}, the schema allows ${choices.join('|')}`);
    }
    if (input.catalogue !== `${collection}:${field.path}`)
      out.push(`${collection}: ${field.path} is checked as ${String(input.catalogue)}`);
    if (field.kind === 'object') out.push(...disagreements(collection, field.fields!, input.fields as EditorField[]));
    if (field.kind === 'list' && field.item?.kind === 'object' && !ID_REFERENCES[collection]?.[field.item.path])
      out.push(...disagreements(collection, field.item.fields!, input.fields as EditorField[]));
  }
  return out;
}

describe('the editor configuration generated from the schemas', () => {
  it('has every field of every collection, each with an input of its kind and the schema’s choices', () => {
    for (const lang of LANGS)
      for (const collection of EDITOR_COLLECTIONS)
        expect(
          disagreements(collection, schemaFields(COLLECTION_SCHEMAS[collection]), collectionFields(collection, lang)),
        ).toEqual([]);
  });

  it('the comparison is not vacuous: a missing field, an enum that differs and a stray input are reported', () => {
    const fields = schemaFields(standardSchema);
    const config = collectionFields('standards', 'en').filter((f) => f.name !== 'updated');
    const tier = config.find((f) => f.name === 'tier')!;
    tier.options = (tier.options as Array<{ value: string }>).slice(1);
    config.push({ name: 'stray', label: 'Stray', widget: 'string', required: false });
    expect(disagreements('standards', fields, config)).toEqual([
      'standards: the form has "stray", the schema does not',
      'standards: tier offers common|industry, the schema allows base|common|industry',
      'standards: updated is missing from the form',
    ]);
  });

  it('changes with the schema: a new optional field in both languages appears with its inputs', () => {
    const extended = standardSchema.safeExtend({
      exampleNote: partlyLocalizedSchema.optional().describe('What the scope leaves out.'),
    });
    const config = collectionFields('standards', 'en', extended);
    const note = config.find((f) => f.name === 'exampleNote')!;
    expect(note).toMatchObject({ widget: 'object', hint: 'What the scope leaves out.', required: false });
    expect((note.fields as EditorField[]).map((f) => [f.name, f.widget, f.label])).toEqual([
      ['zh', 'text', 'Chinese'],
      ['en', 'text', 'English'],
    ]);
    expect(disagreements('standards', schemaFields(extended), config)).toEqual([]);
  });

  it('has a label and help in both languages for every field, and no table entry for a field that does not exist', () => {
    const missing: string[] = [];
    for (const collection of EDITOR_COLLECTIONS) {
      const walk = (fields: readonly FieldNode[], parent?: FieldNode) => {
        for (const field of fields) {
          const labelled = field.name !== '[]' && field.name !== '{}';
          if (labelled)
            for (const lang of LANGS) {
              const label = fieldLabel(collection, field, parent, lang);
              if (!label) missing.push(`${collection}:${field.path} has no ${lang} label`);
              if (!isLanguageChild(field, parent) && !fieldHelp(collection, field, lang))
                missing.push(`${collection}:${field.path} has no ${lang} help`);
            }
          if (field.fields) walk(field.fields, field);
          if (field.item?.fields) walk(field.item.fields, field.item);
        }
      };
      walk(schemaFields(COLLECTION_SCHEMAS[collection]));
      const paths = new Set(allFields(schemaFields(COLLECTION_SCHEMAS[collection])).map((f) => f.path));
      for (const key of [...TABLE_KEYS.labels(collection), ...TABLE_KEYS.zhHelp(collection)])
        if (!paths.has(key)) missing.push(`${collection}: the tables name ${key}, which the schema does not have`);
    }
    for (const key of TABLE_KEYS.guide())
      if (!schemaFields(standardSchema).some((f) => f.path === key)) missing.push(`the field guide map names ${key}`);
    expect(missing).toEqual([]);
  });

  it('writes the backend of each mode: the local server, or GitHub with each save a pull request', () => {
    const local = editorConfig({ lang: 'zh', backend: { mode: 'local', proxyUrl: '/api/v1' } });
    expect(local).toMatchObject({ locale: 'zh_Hans', backend: { name: 'proxy', proxy_url: '/api/v1' } });
    expect(local.publish_mode).toBeUndefined();
    const hosted = editorConfig({
      lang: 'en',
      backend: { mode: 'hosted', repo: 'org/catalogue', branch: 'main', baseUrl: 'https://auth.example.org' },
    });
    expect(hosted).toMatchObject({
      locale: 'en',
      publish_mode: 'editorial_workflow',
      backend: {
        name: 'github',
        repo: 'org/catalogue',
        branch: 'main',
        base_url: 'https://auth.example.org',
        open_authoring: true,
      },
    });
    const collections = hosted.collections as Array<{ name: string; folder: string; format: string; create: boolean }>;
    expect(collections.map((c) => [c.name, c.folder])).toEqual(EDITOR_COLLECTIONS.map((c) => [c, `content/${c}`]));
  });
});

/** A valid row for each list of mappings whose fields hold ids, so that one id can be made unknown. */
const BASE_ROWS: Record<string, Record<string, unknown>> = {
  'standards:adopts[]': { id: 'spec-b', degree: 'identical' },
  'standards:requirements[]': { id: 'row', metric: 'latency', comparator: '<=', value: 1, unit: 'ms' },
};

/** Valid records of each collection of the fixture catalogue, to put one unknown id into. */
const BASE_RECORDS: Partial<Record<EditorCollection, Record<string, unknown>>> = {
  standards: {
    code: 'T/ID 1-2026',
    title: { zh: '测试', en: 'Test' },
    lang: 'en',
    scope: '5g',
    tier: 'base',
    body: '3gpp',
    level: 'group',
    status: 'drafting',
    sources: [{ label: 'Source', url: 'https://example.org/' }],
    [BODIES_KEY]: { en: 'Text.' },
  },
  targets: {
    name: { zh: '测试', en: 'Test' },
    description: { zh: '测试。', en: 'Test.' },
    threshold: 1,
    deadline: '2030-01-01',
    filter: { tier: ['industry'] },
    order: 9,
  },
  terms: { zh: '测试', en: 'test', note: { zh: '无', en: 'none' } },
};

/** The record with `value` at a schema path (`requirements[].metric`), lists of one row made where needed. */
function withValue(collection: EditorCollection, record: Record<string, unknown>, fieldPath: string, value: string) {
  const out = structuredClone(record);
  const parts = fieldPath.split('.');
  let at: Record<string, unknown> = out;
  let prefix = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const name = part.replace(/\[\]$/, '');
    prefix = prefix ? `${prefix}.${part}` : part;
    if (part.endsWith('[]')) {
      if (last) at[name] = [value];
      else {
        const row = structuredClone(BASE_ROWS[`${collection}:${prefix}`] ?? {});
        at[name] = [row];
        at = row;
      }
    } else if (last) at[name] = value;
    else at = (at[name] ??= {}) as Record<string, unknown>;
  });
  return out;
}

describe('the pickers and the check resolve the same ids', () => {
  it('an unknown id is refused by the check exactly in the fields offered as pickers, naming the picker’s collection', async () => {
    const root = path.resolve('tests/fixtures/catalogue');
    const mismatches: string[] = [];
    let checked = 0;
    for (const collection of EDITOR_COLLECTIONS) {
      const base = BASE_RECORDS[collection];
      if (!base) continue;
      for (const field of allFields(schemaFields(COLLECTION_SCHEMAS[collection])).filter((f) => f.kind === 'id')) {
        const target = ID_REFERENCES[collection]?.[field.path];
        const record = withValue(collection, base, field.path, 'no-such-record');
        const file = `${collection}/probe-id.${collection === 'standards' ? 'mdx' : 'yaml'}`;
        const { problems } = await loadCatalogue(root, {}, new Map([[file, writeEntry(collection, record)]]));
        const mine = problems.filter((p) => p.file.endsWith(file) && p.severity === 'error');
        const unknown = mine.filter(
          (p) => p.rule === 'unknown-id' || (p.rule === 'term-list' && /no-such-record/.test(p.message)),
        );
        checked++;
        if (
          target &&
          !unknown.some(
            (p) =>
              [p.expected, p.suggestion, p.message].some((x) => x?.includes(`content/${target}/`)) ||
              p.message.includes(target.replace(/s$/, '')),
          )
        )
          mismatches.push(
            `${collection}:${field.path} is a picker over ${target}, but the check says ${JSON.stringify(mine.map((p) => p.message))}`,
          );
        if (!target && unknown.length)
          mismatches.push(`${collection}:${field.path} is checked as an id of another record but is no picker`);
        if (mine.some((p) => p.rule !== 'unknown-id' && p.rule !== 'term-list' && p.rule !== 'self-link'))
          mismatches.push(
            `${collection}:${field.path}: the probe record has other problems: ${mine.map((p) => p.message).join('; ')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });
});
