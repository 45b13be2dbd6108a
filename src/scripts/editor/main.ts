/**
 * The browser editor at /admin/: loads Decap CMS (served from the same folder, never from a CDN), teaches it the
 * catalogue's file format and checks, and starts it with the configuration generated from the schemas
 * (`config.<lang>.json`, written by the build or by `npm run edit`).
 */
import { ID_SOURCE } from '../../lib/editor/config.ts';
import { ID_KEY, readEntry, SOURCE_KEY, writeEntry } from '../../lib/editor/entry-file.ts';
import type { EditorLang } from '../../lib/editor/field-text.ts';
import { EDITOR_COLLECTIONS, type EditorCollection } from '../../lib/editor/collections.ts';
import { fileProblems, isValues } from '../../lib/editor/form-check.ts';
import { formatProblem } from '../../lib/catalogue/problems.ts';
import { suggestId } from '../../lib/catalogue/validate.ts';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { toJS, type Cms, type Immutable } from './decap.ts';
import { registerPreviews } from './preview.ts';
import { registerCheckedWidgets } from './widgets.ts';

const LANG_KEY = 'catalogue-editor-lang';

/** The interface language: `?lang=` first, then the last choice, then the site's default (Chinese). */
function chooseLang(): EditorLang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') {
    localStorage.setItem(LANG_KEY, asked);
    return asked;
  }
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

/** A link to the same page in the other language, in a corner the editor leaves free. */
function languageSwitch(lang: EditorLang): void {
  const t = lang === 'zh' ? zh : en;
  const link = document.createElement('a');
  const url = new URL(location.href);
  url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  link.href = url.href;
  link.className = 'language-switch';
  link.lang = lang === 'zh' ? 'en' : 'zh';
  link.title = t.editor.switchLanguageHint;
  link.textContent = t.editor.switchLanguage;
  document.body.append(link);
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(script);
  });
}

/** The file name (id) of a record: its slug, or for a new one made from its designation or name. */
function recordId(collection: EditorCollection, entry: Immutable, values: Record<string, unknown>): string {
  const slug = entry.get('slug');
  if (!entry.get('newRecord') && typeof slug === 'string' && slug) return slug;
  const source = ID_SOURCE[collection].split('.').reduce<unknown>((v, k) => (isValues(v) ? v[k] : undefined), values);
  return suggestId(typeof source === 'string' ? source : '');
}

/** The editor's English message for an empty required field, in the words of `npm run check`. */
function requiredInTheCheckWords(cms: Cms): void {
  const phrases = cms.getLocale('en');
  const widget = (phrases?.editor as { editorControlPane?: { widget?: Record<string, string> } } | undefined)
    ?.editorControlPane?.widget;
  if (!phrases || !widget) return;
  widget.required = 'missing required field "%{fieldLabel}"';
  cms.registerLocale('en', phrases);
}

/**
 * With `npm run edit`, a list always shows the folder as it is now: the editor keeps the lists it has loaded for the
 * whole visit, so returning to one from elsewhere loads the page again (the server reads the folder on each
 * request), and files added by hand while it runs are listed.
 */
function freshLists(): void {
  const isList = (hash: string) => /^#\/collections\/[a-z]+\/?$/.test(hash);
  let previous = location.hash;
  window.addEventListener('hashchange', () => {
    const from = previous;
    previous = location.hash;
    if (isList(location.hash) && !isList(from)) location.reload();
  });
}

async function start(): Promise<void> {
  const lang = chooseLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const t = lang === 'zh' ? zh : en;
  document.title = t.editor.title;
  const response = await fetch(`config.${lang}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.${lang}.json could not be loaded (${response.status})`);
  const config = (await response.json()) as Record<string, unknown> & { backend: { name: string } };
  document.querySelector('.editor-notice')?.remove();
  if (config.backend.name === 'proxy')
    // `npm run edit` needs no account: the local server is the user's own working copy.
    localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }));
  window.CMS_MANUAL_INIT = true;
  await loadScript('decap-cms.js');
  const { CMS: cms, h, createClass } = window;
  if (!cms || !h || !createClass) throw new Error('decap-cms.js did not define the editor');
  for (const collection of EDITOR_COLLECTIONS)
    cms.registerCustomFormat(`catalogue-${collection}`, collection === 'standards' ? 'mdx' : 'yaml', {
      fromFile: (text) => readEntry(collection, text),
      toFile: (data) => writeEntry(collection, data),
    });
  registerCheckedWidgets(cms, h, createClass);
  cms.registerPreviewStyle('editor.css');
  requiredInTheCheckWords(cms);
  registerPreviews(cms, h, createClass, lang);
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const collection = entry.get('collection') as EditorCollection;
      const data = entry.get('data') as Immutable;
      const values = toJS(data);
      if (!isValues(values) || !EDITOR_COLLECTIONS.includes(collection)) return undefined;
      const id = recordId(collection, entry, values);
      // The check of one file, as `npm run check` runs it, before anything is sent.
      const problems = fileProblems(collection, id, writeEntry(collection, values));
      if (problems.length)
        throw new Error(`${t.editor.checkFailed}\n${problems.map((p) => formatProblem(p)).join('\n')}`);
      return values[SOURCE_KEY] === undefined ? data.set(ID_KEY, id) : undefined;
    },
  });
  languageSwitch(lang);
  // The editor puts the preview beside the form; on a phone the form takes the screen (the eye button shows it).
  if (matchMedia('(max-width: 799px)').matches && !localStorage.getItem('cms.right-pane'))
    localStorage.setItem('cms.right-pane', 'none');
  if (config.backend.name === 'proxy') freshLists();
  cms.init({ config });
}

void start();
