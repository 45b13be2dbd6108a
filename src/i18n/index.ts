import { BASE_PATH } from '../lib/site/settings.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

/** Languages of the site: Chinese at `/`, English at `/en/`. */
export { LANGS, type Lang } from '../lib/catalogue/vocabulary.ts';
import { LANGS, type Lang } from '../lib/catalogue/vocabulary.ts';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends object
      ? { -readonly [K in keyof T]: Widen<T[K]> }
      : T;

/** The shape of the interface strings, taken from the Chinese file. */
export type UiStrings = Widen<typeof zh>;

const STRINGS: Record<Lang, UiStrings> = { zh, en };

/** Interface strings for a language. */
export const ui = (lang: Lang): UiStrings => STRINGS[lang];

/**
 * The URL of a page: `/path/` for Chinese, `/en/path/` for English, under the build's base path
 * (`BASE_PATH=/catalogue/` gives `/catalogue/path/`). Every link of the site is made here.
 */
export function localePath(lang: Lang, path = '', base = BASE_PATH): string {
  const clean = path.replace(/^\/+/, '');
  return lang === 'zh' ? `${base}${clean}` : `${base}en/${clean}`;
}

/** Static paths for a page that exists in both languages. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: lang === 'zh' ? undefined : lang }, props: { lang } }));
}

/**
 * Static paths for a page per item in both languages: `param` is the route's own parameter
 * (`id`, `metric`, `n`); each page gets `lang` and the value as props.
 */
export function langPathsFor<K extends string>(param: K, values: readonly string[]) {
  return LANGS.flatMap((lang) =>
    values.map((value) => ({
      params: { lang: lang === 'zh' ? undefined : lang, [param]: value } as { lang: string | undefined } & Record<
        K,
        string
      >,
      props: { lang, [param]: value } as { lang: Lang } & Record<K, string>,
    })),
  );
}

/** The language of a `[...lang]` route parameter. */
export const langOf = (param: string | undefined): Lang => (param === 'en' ? 'en' : 'zh');

/** The other language. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** A localised text in the wanted language, falling back to the other one. */
export function pick(text: { zh?: string; en?: string } | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? text[otherLang(lang)] ?? '';
}

/** The language a localised text is actually shown in (for the `lang` attribute). */
export function pickLang(text: { zh?: string; en?: string } | undefined, lang: Lang): Lang {
  return text?.[lang] !== undefined ? lang : otherLang(lang);
}

/** BCP 47 tag for `lang` attributes. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
