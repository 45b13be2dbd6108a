/**
 * The importer's edits written into entry files through the patcher the browser editor saves with
 * (`../authoring/yaml-patch.ts`): an edit changes the entry's data, and the patcher rewrites only the text of what
 * changed, inserting a new field where the standards schema orders it and writing it as the authoring format does.
 */
import { standardSchema } from '../catalogue/schemas/index.ts';
import { parseYaml, splitFrontmatter } from '../catalogue/source.ts';
import { STANDARD_FIELDS } from '../catalogue/validate.ts';
import { patchSchema } from '../authoring/patch-schema.ts';
import { patchYaml } from '../authoring/yaml-patch.ts';

/** A value the importer writes: text, a list of ids, a list of flat mappings, or a mapping of text. */
export type PatchValue = string | string[] | Array<Record<string, string>> | Record<string, string>;

/** One change to the frontmatter: set a field (top level, or one level down such as `title.en`), or append to a list. */
export type FieldEdit =
  | { op: 'set'; path: [string] | [string, string]; value: PatchValue }
  | { op: 'append'; path: [string]; items: Array<string | Record<string, string>> };

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The frontmatter data with the edits applied; `data` itself is left as it was. */
export function withEdits(data: Plain, edits: readonly FieldEdit[]): Plain {
  const out: Plain = { ...data };
  for (const edit of edits) {
    const [top, sub] = edit.path;
    const current = out[top];
    if (edit.op === 'append') out[top] = [...(Array.isArray(current) ? (current as unknown[]) : []), ...edit.items];
    else if (sub === undefined) out[top] = edit.value;
    else out[top] = { ...(isObject(current) ? current : {}), [sub]: edit.value };
  }
  return out;
}

/**
 * The entry file's text with the edits written into its frontmatter; the body and every other line stay as they are,
 * with a byte-order mark and Windows line ends kept, as the editor keeps them.
 */
export function patchEntry(path: string, text: string, edits: readonly FieldEdit[]): string {
  const split = splitFrontmatter(text);
  if (!split) throw new Error(`${path} has no frontmatter`);
  const before = parseYaml(split.frontmatter, STANDARD_FIELDS).data;
  if (!isObject(before)) throw new Error(`${path}: the frontmatter is not a mapping of fields`);
  const frontmatter = patchYaml(split.frontmatter, before, withEdits(before, edits), patchSchema(standardSchema));
  const out = `${text.startsWith('\uFEFF') ? '\uFEFF' : ''}---\n${frontmatter}---\n${split.body}`;
  return text.includes('\r\n') ? out.replace(/\n/g, '\r\n') : out;
}

/** A new entry file: its fields in the schema's order, written as the authoring format writes them, then its body. */
export function newEntryText(data: Plain, body: string): string {
  return `---\n${patchYaml('', {}, data, patchSchema(standardSchema))}---\n${body}`;
}
