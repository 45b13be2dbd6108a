/**
 * The editor's file format: reads a catalogue file into the values of the form and writes the form back into the
 * same file, changing only what was edited. An entry's frontmatter is patched in place by the patcher the importer
 * writes through too (`../authoring/yaml-patch.ts`), and its bodies are two fields, written as the
 * `<Body lang="zh">` and `<Body lang="en">` blocks of the authoring format.
 * The same code runs in the browser (the editor's format) and in Node (the tests).
 */
import { parseYaml, type FieldKind as ReadKind } from '../catalogue/source.ts';
import { REFERENCE_FIELDS, STANDARD_FIELDS } from '../catalogue/validate.ts';
import { schemaFields, type FieldNode } from '../authoring/fields.ts';
import { patchSchema } from '../authoring/patch-schema.ts';
import { isEmptyValue, normalizeData, patchYaml, sameData } from '../authoring/yaml-patch.ts';
import { COLLECTION_SCHEMAS, type EditorCollection } from './collections.ts';

/** The file's text as it was read, carried with the form's values so that a save can patch it. */
export const SOURCE_KEY = '_source';
/** The id of a new record (its file name), set just before the first save. */
export const ID_KEY = '_id';
/** The two bodies of an entry, `{ zh, en }`. */
export const BODIES_KEY = 'bodies';
/** Keys of the form's values that are not fields of the file. */
export const INTERNAL_KEYS: readonly string[] = [SOURCE_KEY, ID_KEY, BODIES_KEY];

/** A record's key and value, as the form shows a mapping such as a metric's `units`. */
export interface RecordRow {
  key: string;
  value: unknown;
}

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The languages of a body, in the order blocks are written when the entry names none. */
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

const fieldsCache = new Map<EditorCollection, FieldNode[]>();
const fieldsOf = (collection: EditorCollection) => {
  let fields = fieldsCache.get(collection);
  if (!fields) fieldsCache.set(collection, (fields = schemaFields(COLLECTION_SCHEMAS[collection])));
  return fields;
};

const readKind = (collection: EditorCollection): ReadKind =>
  collection === 'standards' ? STANDARD_FIELDS : REFERENCE_FIELDS;

/** Mappings the form shows as rows (`units: { us: 0.001 }` → `[{ key: 'us', value: 0.001 }]`), and back. */
function convertRecords(value: unknown, fields: readonly FieldNode[] | undefined, toRows: boolean): unknown {
  if (!isObject(value) || !fields) return value;
  const out: Plain = { ...value };
  for (const field of fields) {
    const v = out[field.name];
    if (v === undefined) continue;
    if (field.kind === 'record') {
      if (toRows && isObject(v)) out[field.name] = Object.entries(v).map(([key, item]) => ({ key, value: item }));
      else if (!toRows && Array.isArray(v))
        out[field.name] = Object.fromEntries(
          (v as RecordRow[])
            .filter((row) => isObject(row) && row.key !== undefined && row.key !== '')
            .map((row) => [row.key, row.value]),
        );
    } else if (field.kind === 'object') out[field.name] = convertRecords(v, field.fields, toRows);
    else if (field.kind === 'list' && field.item?.kind === 'object' && Array.isArray(v))
      out[field.name] = v.map((item) => convertRecords(item, field.item!.fields, toRows));
  }
  return out;
}

/** Where the frontmatter and the body of an MDX text are. */
interface MdxParts {
  head: string;
  frontmatter: string;
  fence: string;
  body: string;
}

function splitMdx(text: string): MdxParts | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  if (!source.startsWith('---\n')) return undefined;
  const end = source.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const afterFence = source.indexOf('\n', end + 4);
  const fence = afterFence === -1 ? source.slice(end + 1) : source.slice(end + 1, afterFence + 1);
  if (fence.trim() !== '---') return undefined;
  return {
    head: `${bom}---\n`,
    frontmatter: source.slice(4, end + 1),
    fence,
    body: afterFence === -1 ? '' : source.slice(afterFence + 1),
  };
}

/** A language block of a body: where its text starts and ends. */
interface BodyBlock {
  lang: Lang;
  /** Offset of the `<Body lang>` line. */
  open: number;
  /** Offset of the text inside (after the opening line). */
  start: number;
  /** Offset of the `</Body>` line. */
  end: number;
  /** Offset after the closing line. */
  close: number;
}

const OPEN = /^<Body lang="(zh|en)">[ \t]*$/;
const CLOSE = /^<\/Body>[ \t]*$/;

/**
 * The language blocks of a body when it is written as the authoring format asks (each tag on a line of its own,
 * nothing outside the blocks); undefined for a body without blocks, null for one the editor cannot split safely.
 */
function bodyBlocks(body: string): BodyBlock[] | undefined | null {
  if (!/^<Body\b/m.test(body)) return undefined;
  const blocks: BodyBlock[] = [];
  let open: { lang: Lang; open: number; start: number } | undefined;
  let pos = 0;
  for (const line of body.split('\n')) {
    const next = pos + line.length + 1;
    const opening = OPEN.exec(line);
    if (opening) {
      if (open || blocks.some((b) => b.lang === opening[1])) return null;
      open = { lang: opening[1] as Lang, open: pos, start: Math.min(next, body.length) };
    } else if (CLOSE.test(line)) {
      if (!open) return null;
      blocks.push({ ...open, end: pos, close: Math.min(next, body.length) });
      open = undefined;
    } else if (!open && line.trim() !== '') return null;
    else if (open && /<\/?Body\b/.test(line)) return null;
    pos = next;
  }
  return open ? null : blocks;
}

/** A body's text as the form shows it: without the blank lines around it. */
const trimText = (text: string) => text.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');

/** The two bodies of an entry's MDX body (`lang` names a body written without blocks). */
export function readBodies(body: string, lang: Lang): Record<Lang, string> {
  const blocks = bodyBlocks(body);
  if (!blocks) return { zh: '', en: '', [lang]: trimText(body) };
  const out: Record<Lang, string> = { zh: '', en: '' };
  for (const block of blocks) out[block.lang] = trimText(body.slice(block.start, block.end));
  return out;
}

const block = (lang: Lang, text: string) => `<Body lang="${lang}">\n\n${text}\n\n</Body>\n`;

/**
 * Writes the two bodies into an entry's body, changing only the block whose text changed; a new entry gets a block
 * per language written, the language of `lang` first.
 */
export function writeBodies(original: string | undefined, bodies: Partial<Record<Lang, string>>, lang: Lang): string {
  const wanted = { zh: trimText(bodies.zh ?? ''), en: trimText(bodies.en ?? '') };
  const order: Lang[] = lang === 'en' ? ['en', 'zh'] : ['zh', 'en'];
  const fresh = () =>
    order
      .filter((l) => wanted[l])
      .map((l) => block(l, wanted[l]))
      .join('\n');
  if (original === undefined) return fresh();
  const current = readBodies(original, lang);
  if (LANGS.every((l) => current[l] === wanted[l])) return original;
  const blocks = bodyBlocks(original);
  if (!blocks) {
    // A body without blocks stays so while it has one language; a second language makes it two blocks.
    const only = LANGS.filter((l) => wanted[l]);
    if (only.length === 0) return '';
    if (only.length === 1 && only[0] === lang) return `${wanted[lang]}\n`;
    return fresh();
  }
  let out = original;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const b of blocks) {
    if (current[b.lang] === wanted[b.lang]) continue;
    if (!wanted[b.lang]) {
      // The block goes, with one blank line around it.
      const after = original.slice(b.close).match(/^\n*/)?.[0].length ?? 0;
      edits.push({ start: b.open, end: b.close + after, text: '' });
    } else edits.push({ start: b.start, end: b.end, text: `\n${wanted[b.lang]}\n\n` });
  }
  for (const l of order)
    if (wanted[l] && !blocks.some((b) => b.lang === l)) {
      const sep = out.endsWith('\n\n') || out === '' ? '' : out.endsWith('\n') ? '\n' : '\n\n';
      edits.push({ start: original.length, end: original.length, text: `${sep}${block(l, wanted[l])}` });
    }
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out.replace(/^\n+/, '').replace(/\n{2,}$/, '\n');
}

/** The form's values of a file: its fields, for an entry its two bodies, and the text itself. */
export function readEntry(collection: EditorCollection, text: string): Plain {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (collection !== 'standards') {
    const data = parseYaml(normalized, readKind(collection)).data;
    return { ...(convertRecords(isObject(data) ? data : {}, fieldsOf(collection), true) as Plain), [SOURCE_KEY]: text };
  }
  const parts = splitMdx(normalized);
  if (!parts) return { [SOURCE_KEY]: text, [BODIES_KEY]: { zh: '', en: '' } };
  const data = parseYaml(parts.frontmatter, readKind(collection)).data;
  const fields = isObject(data) ? data : {};
  const lang: Lang = fields.lang === 'en' ? 'en' : 'zh';
  return {
    ...(convertRecords(fields, fieldsOf(collection), true) as Plain),
    [BODIES_KEY]: readBodies(parts.body, lang),
    [SOURCE_KEY]: text,
  };
}

/** The fields of the form's values as the file holds them: internal keys dropped, rows turned back into mappings. */
export function fileData(collection: EditorCollection, values: Plain): Plain {
  const data = Object.fromEntries(Object.entries(values).filter(([k]) => !INTERNAL_KEYS.includes(k)));
  return convertRecords(data, fieldsOf(collection), false) as Plain;
}

/** Raised when the written text would not read back as the values saved; nothing is written then. */
export class WriteError extends Error {}

/**
 * The file text for the form's values: the text it was read from with only the edited values changed, or for a new
 * record a file written in the authoring format. Verifies that the text reads back as the values.
 */
export function writeEntry(collection: EditorCollection, values: Plain): string {
  const schema = patchSchema(COLLECTION_SCHEMAS[collection]);
  const original = typeof values[SOURCE_KEY] === 'string' ? values[SOURCE_KEY] : undefined;
  const crlf = original?.includes('\r\n') ?? false;
  const source = original?.replace(/\r\n?/g, '\n');
  const wanted = fileData(collection, values);
  const kind = readKind(collection);
  const yamlOf = (text: string) => {
    const data = parseYaml(text, kind).data;
    return isObject(data) ? data : {};
  };
  let out: string;
  if (collection !== 'standards') {
    const before = source === undefined ? {} : yamlOf(source);
    out = patchYaml(source ?? '', before, clean(wanted), schema);
  } else {
    const parts = source === undefined ? undefined : splitMdx(source);
    if (source !== undefined && !parts)
      throw new WriteError('the file does not start with frontmatter between two --- lines; fix it in a text editor');
    const before = parts ? yamlOf(parts.frontmatter) : {};
    const lang: Lang = wanted.lang === 'en' ? 'en' : 'zh';
    const bodies = (isObject(values[BODIES_KEY]) ? values[BODIES_KEY] : {}) as Partial<Record<Lang, string>>;
    const frontmatter = patchYaml(parts?.frontmatter ?? '', before, clean(wanted), schema);
    const body = writeBodies(parts?.body, bodies, lang);
    out = parts ? `${parts.head}${frontmatter}${parts.fence}${body}` : `---\n${frontmatter}---\n${body}`;
    const check = splitMdx(out);
    if (
      !check ||
      !sameData(readBodies(check.body, lang), { zh: trimText(bodies.zh ?? ''), en: trimText(bodies.en ?? '') })
    )
      throw new WriteError('the bodies could not be written back as typed; nothing was saved');
  }
  const written = collection === 'standards' ? yamlOf(splitMdx(out)!.frontmatter) : yamlOf(out);
  if (!sameData(normalizeData(written, schema) ?? {}, normalizeData(wanted, schema) ?? {}))
    throw new WriteError('the values could not be written back as typed; nothing was saved');
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

/** Drops the form's empty values (a cleared field is an absent field), keeping an explicit empty list or false. */
function clean(value: Plain): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '') continue;
    if (isObject(v)) {
      const inner = clean(v);
      if (!isEmptyValue(inner)) out[k] = inner;
    } else if (Array.isArray(v))
      out[k] = (v as unknown[])
        .map((item) => (isObject(item) ? clean(item) : item))
        .filter((item) => item !== '' && item !== null && item !== undefined);
    else out[k] = v;
  }
  return out;
}
