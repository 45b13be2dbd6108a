/**
 * The browser editor's configuration (Decap CMS), generated from the zod schemas: one collection per content
 * folder, one input per field with its label and help in the editor's language, enums as choices, ids of other
 * records as pickers over those records, dates as YYYY-MM-DD text, lists of rows as repeatable groups, and an
 * entry's two bodies as two text areas. Nothing here names a field of the catalogue except the pickers' targets.
 */
import type { z } from 'astro/zod';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import {
  ADOPTION_DEGREES,
  BODY_LANGS,
  COMPARATORS,
  DOCTYPES,
  LEVELS,
  PLAN_CLAUSE_IDS,
  PLAN_CLAUSES,
  SCOPES,
  STATUSES,
  TIERS,
} from '../catalogue/schemas/index.ts';
import { ID_REFERENCES } from '../catalogue/schemas/references.ts';
import { BODIES_KEY, ID_KEY } from './entry-file.ts';
import { fieldHelp, fieldLabel, type EditorLang } from './field-text.ts';
import { schemaFields, type FieldNode } from '../authoring/fields.ts';
import { COLLECTION_SCHEMAS, EDITOR_COLLECTIONS, type EditorCollection } from './collections.ts';

/** A field of the editor's configuration. */
export interface EditorField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  /** `<collection>:<path>`: the field's place in the schema, for the form's checks. */
  catalogue?: string;
  [option: string]: unknown;
}

/** A collection of the editor's configuration. */
export interface EditorCollectionConfig {
  name: EditorCollection;
  label: string;
  label_singular: string;
  folder: string;
  extension: string;
  format: string;
  create: boolean;
  delete: boolean;
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields: string[];
  fields: EditorField[];
  [option: string]: unknown;
}

/** Where the editor reads and writes: the local server of `npm run edit`, or the Git host. */
export type EditorBackend =
  | { mode: 'local'; proxyUrl: string }
  | {
      mode: 'hosted';
      /** `owner/name` of the repository on GitHub. */
      repo: string;
      branch: string;
      /** Origin of the OAuth service that signs editors in with GitHub. */
      baseUrl: string;
      /** Path of its authorisation endpoint, when not `auth`. */
      authEndpoint?: string;
    };

/** Everything the configuration depends on besides the schemas. */
export interface EditorSettings {
  lang: EditorLang;
  backend: EditorBackend;
}

/** The name of the editor's file format of a collection (registered by the editor's script). */
export const formatName = (collection: EditorCollection) => `catalogue-${collection}`;

const strings = (lang: EditorLang) => (lang === 'zh' ? zh : en);

/**
 * The catalogue's fixed vocabularies, in their own order, with the labels of their values from the site's strings.
 * (An enum's values come back from zod in object-key order, which puts "1".."32" before "box-1"; the vocabulary keeps
 * the plan's order.)
 */
function vocabulary(
  values: readonly string[],
  lang: EditorLang,
): { order: readonly string[]; labels: Record<string, string> } | undefined {
  const t = strings(lang);
  const known: Array<[readonly string[], Record<string, string>]> = [
    [TIERS, t.tierBadge],
    [LEVELS, t.levels],
    [STATUSES, { ...t.states, published: t.editor.published }],
    [SCOPES, t.scopes],
    [DOCTYPES, t.doctypes],
    [ADOPTION_DEGREES, t.degrees],
    [COMPARATORS, { ...t.comparators, range: t.editor.range }],
    [BODY_LANGS, t.editor.languages],
    [PLAN_CLAUSE_IDS, Object.fromEntries(PLAN_CLAUSES.map((c) => [c.id, `${c.id} · ${c.heading[lang]}`]))],
    [['lower', 'higher'], t.editor.better],
  ];
  const same = (list: readonly string[]) => list.length === values.length && list.every((v) => values.includes(v));
  const found = known.find(([list]) => same(list));
  return found && { order: found[0], labels: found[1] };
}

const options = (values: readonly string[], lang: EditorLang) => {
  const known = vocabulary(values, lang);
  return (known?.order ?? values).map((value) => {
    const label = known?.labels[value];
    return { value, label: label && !label.startsWith(value) ? `${label} (${value})` : (label ?? value) };
  });
};

/** How a picker shows and searches the records of a collection. */
const PICKER_FIELDS: Record<EditorCollection, { search: string[]; display: (lang: EditorLang) => string[] }> = {
  standards: { search: ['code', 'title.zh', 'title.en'], display: (lang) => ['code', `title.${lang}`] },
  sectors: { search: ['name.zh', 'name.en'], display: (lang) => [`name.${lang}`] },
  topics: { search: ['name.zh', 'name.en'], display: (lang) => [`name.${lang}`] },
  bodies: { search: ['short', 'name.zh', 'name.en'], display: (lang) => ['short', `name.${lang}`] },
  metrics: { search: ['name.zh', 'name.en', 'unit'], display: (lang) => [`name.${lang}`, 'unit'] },
  targets: { search: ['name.zh', 'name.en'], display: (lang) => [`name.${lang}`] },
  terms: { search: ['zh', 'en'], display: (lang) => [lang] },
};

function picker(target: EditorCollection, lang: EditorLang, multiple: boolean) {
  return {
    widget: 'relation',
    collection: target,
    value_field: '{{slug}}',
    search_fields: PICKER_FIELDS[target].search,
    display_fields: PICKER_FIELDS[target].display(lang),
    multiple,
    // Every record is offered: a catalogue has a few hundred.
    options_length: 5000,
  };
}

/** The editor's input for one schema field. */
function editorField(
  collection: EditorCollection,
  field: FieldNode,
  parent: FieldNode | undefined,
  lang: EditorLang,
  label?: string,
  parentRequired = true,
): EditorField {
  const t = strings(lang);
  const name = field.name;
  const text = label ?? fieldLabel(collection, field, parent, lang) ?? name;
  const help = fieldHelp(collection, field, lang);
  const base = {
    name,
    label: text,
    // Required where the file must always have it: inside an optional mapping (dates, a description) a field is
    // needed only once the mapping has a value, which the form's own check says (form-check.ts).
    required: field.required && parentRequired,
    ...(help ? { hint: help } : {}),
    catalogue: `${collection}:${field.path}`,
  };
  const target = ID_REFERENCES[collection]?.[field.path];
  const itemTarget = field.item ? ID_REFERENCES[collection]?.[field.item.path] : undefined;
  switch (field.kind) {
    case 'object':
      return {
        ...base,
        widget: 'object',
        collapsed: false,
        fields: field.fields!.map((f) => editorField(collection, f, field, lang, undefined, base.required)),
      };
    case 'list': {
      const item = field.item!;
      if (itemTarget) return { ...base, ...picker(itemTarget, lang, true) };
      if (item.kind === 'enum')
        return { ...base, widget: 'select', multiple: true, options: options(item.options!, lang) };
      if (item.kind === 'object')
        return {
          ...base,
          widget: 'list',
          collapsed: false,
          add_to_top: false,
          ...(field.min ? { min: field.min } : {}),
          label_singular: text,
          fields: item.fields!.map((f) => editorField(collection, f, item, lang)),
        };
      return { ...base, widget: 'list', collapsed: false, field: editorField(collection, item, field, lang, text) };
    }
    case 'record':
      return {
        ...base,
        widget: 'list',
        collapsed: false,
        fields: [
          {
            name: 'key',
            label: t.editor.recordKey,
            widget: 'string',
            required: true,
            catalogue: `${collection}:${field.path}{key}`,
          },
          editorField(
            collection,
            { ...field.item!, name: 'value' },
            field,
            lang,
            fieldLabel(collection, field.item!, field, lang) ?? t.editor.recordValue,
          ),
        ],
      };
    case 'enum':
      return { ...base, widget: 'select', options: options(field.options!, lang) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'number':
    case 'integer':
      return {
        ...base,
        widget: 'number',
        value_type: field.kind === 'integer' ? 'int' : 'float',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
      };
    case 'long-text':
      return { ...base, widget: 'text' };
    case 'date':
      return { ...base, widget: 'string', hint: [help, t.editor.dateHint].filter(Boolean).join(' ') };
    case 'id':
      if (target) return { ...base, ...picker(target, lang, false) };
      return { ...base, widget: 'string' };
    default:
      return { ...base, widget: 'string' };
  }
}

/** The fields of a collection's form (from its schema, or another for a test of what a schema change does). */
export function collectionFields(
  collection: EditorCollection,
  lang: EditorLang,
  schema: z.ZodType = COLLECTION_SCHEMAS[collection],
): EditorField[] {
  const t = strings(lang);
  const fields = schemaFields(schema).map((f) => editorField(collection, f, undefined, lang));
  if (collection !== 'standards') return fields;
  return [
    ...fields,
    {
      name: BODIES_KEY,
      label: t.editor.bodies,
      widget: 'object',
      required: false,
      collapsed: false,
      hint: t.editor.bodiesHint,
      fields: (['zh', 'en'] as const).map((l) => ({
        name: l,
        label: t.editor.bodyIn[l],
        widget: 'text',
        required: false,
        catalogue: `standards:${BODIES_KEY}.${l}`,
      })),
    },
  ];
}

/** How a new record's file name is made: from the designation of a standard, the short name of a body, … */
export const ID_SOURCE: Record<EditorCollection, string> = {
  standards: 'code',
  sectors: 'name.en',
  topics: 'name.en',
  bodies: 'short',
  metrics: 'name.en',
  targets: 'name.en',
  terms: 'en',
};

function collectionConfig(collection: EditorCollection, lang: EditorLang): EditorCollectionConfig {
  const t = strings(lang);
  const standards = collection === 'standards';
  return {
    name: collection,
    label: t.editor.collections[collection],
    label_singular: t.editor.collectionsSingular[collection],
    description: t.editor.collectionHelp[collection],
    folder: `content/${collection}`,
    extension: standards ? 'mdx' : 'yaml',
    format: formatName(collection),
    create: true,
    // Removing a record is a change of its own (other records may link to it): done in Git, reviewed.
    delete: false,
    // The file name is made by the editor's script before the first save (ID_SOURCE), as `npm run new` makes it.
    slug: `{{fields.${ID_KEY}}}`,
    identifier_field: ID_SOURCE[collection],
    summary: standards ? `{{code}} · {{title.${lang}}}` : collection === 'terms' ? `{{${lang}}}` : `{{name.${lang}}}`,
    sortable_fields: standards ? ['code', 'updated'] : [],
    fields: collectionFields(collection, lang),
  };
}

/** The editor's whole configuration for a language and a backend. */
export function editorConfig(settings: EditorSettings): Record<string, unknown> {
  const { lang, backend } = settings;
  return {
    load_config_file: false,
    locale: lang === 'zh' ? 'zh_Hans' : 'en',
    backend:
      backend.mode === 'local'
        ? { name: 'proxy', proxy_url: backend.proxyUrl, branch: 'main' }
        : {
            name: 'github',
            repo: backend.repo,
            branch: backend.branch,
            base_url: backend.baseUrl,
            ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
            // Editors without write access to the repository work in a fork of it; their saves are pull requests too.
            open_authoring: true,
            // Commit subjects are in English, as in the rest of the history; the reviewer may reword them.
            commit_messages: {
              create: '{{path}}: new, from the browser editor',
              update: '{{path}}: edited in the browser editor',
              delete: '{{path}}: removed in the browser editor',
              uploadMedia: 'Upload {{path}}',
              deleteMedia: 'Delete {{path}}',
            },
          },
    // Each save becomes a pull request for review in hosted mode; the local copy is written directly.
    ...(backend.mode === 'hosted' ? { publish_mode: 'editorial_workflow' } : {}),
    // No field takes files; the folder is only there because the editor requires one.
    media_folder: 'public/uploads',
    // No site_url: the editor would show it as the link's text; the site is the page the editor was opened from.
    show_preview_links: false,
    search: true,
    editor: { preview: true },
    collections: EDITOR_COLLECTIONS.map((c) => collectionConfig(c, lang)),
  };
}
