/**
 * The editor's preview: every field as text, and an entry's bodies rendered by the site's own renderer (the
 * same sanitising pipeline as the published pages), or the check's problems when a body would not be published.
 * Nothing typed into a field is ever inserted as HTML.
 */
import { checkBody, renderBody } from '../../lib/catalogue/body/index.ts';
import { BODIES_KEY, INTERNAL_KEYS } from '../../lib/editor/entry-file.ts';
import type { EditorLang } from '../../lib/editor/field-text.ts';
import { EDITOR_COLLECTIONS } from '../../lib/editor/collections.ts';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { toJS, type Cms, type CreateClass, type H, type Immutable } from './decap.ts';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as lines of text. */
function asText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join('; ');
  if (isPlain(value))
    return Object.entries(value)
      .map(([k, v]) => (asText(v) ? `${k}: ${asText(v)}` : ''))
      .filter(Boolean)
      .join(', ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The preview templates of every collection. */
export function registerPreviews(cms: Cms, h: H, createClass: CreateClass, lang: EditorLang): void {
  const t = lang === 'zh' ? zh : en;
  // The preview is drawn again on every change of any field: a body is checked and rendered once per text.
  const rendered = new Map<string, { issues: ReturnType<typeof checkBody>; html: string }>();
  const render = (text: string, language: 'zh' | 'en') => {
    const key = `${language}\u0000${text}`;
    let done = rendered.get(key);
    if (!done) {
      const issues = checkBody(text, { full: true, lang: language });
      done = { issues, html: issues.length ? '' : renderBody(text).html };
      if (rendered.size > 50) rendered.delete(rendered.keys().next().value!);
      rendered.set(key, done);
    }
    return done;
  };
  const body = (text: unknown, language: 'zh' | 'en') => {
    if (typeof text !== 'string' || !text.trim()) return null;
    const { issues, html } = render(text, language);
    if (issues.length)
      return h(
        'div',
        { className: 'preview-problems' },
        h('p', null, t.editor.preview.bodyProblem),
        h('ul', null, ...issues.map((i) => h('li', null, `line ${i.line}: ${i.message}`))),
      );
    // The site's renderer: Markdown and the allowed components only, through the same sanitiser as the site.
    return h('div', { className: 'prose', lang: language, dangerouslySetInnerHTML: { __html: html } });
  };
  for (const collection of EDITOR_COLLECTIONS) {
    const Preview = createClass({
      render(this: { props: { entry: Immutable; collection: Immutable } }) {
        const data = toJS(this.props.entry.get('data'));
        const values = isPlain(data) ? data : {};
        // The form's order and labels; values the form has no field for are not shown.
        const form = toJS(this.props.collection.get('fields'));
        const fields = (Array.isArray(form) ? (form as Array<{ name: string; label?: string }>) : [])
          .filter((f) => !INTERNAL_KEYS.includes(f.name))
          .map((f) => [f.label ?? f.name, values[f.name]] as const);
        const bodies = isPlain(values[BODIES_KEY]) ? values[BODIES_KEY] : {};
        return h(
          'article',
          { className: 'catalogue-preview' },
          h('p', { className: 'preview-note' }, t.editor.preview.note),
          h(
            'dl',
            null,
            ...fields.flatMap(([key, value]) => [
              h('dt', { key: `${key}-t` }, key),
              h('dd', { key: `${key}-d` }, asText(value) || t.editor.preview.empty),
            ]),
          ),
          ...(collection === 'standards' ? (['zh', 'en'] as const) : []).map((l) =>
            h(
              'section',
              { key: l },
              h('h2', null, t.editor.bodyIn[l]),
              body(bodies[l], l) ?? h('p', null, t.editor.preview.empty),
            ),
          ),
        );
      },
    });
    cms.registerPreviewTemplate(collection, Preview);
  }
}
