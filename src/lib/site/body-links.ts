/**
 * Entry bodies link to other pages of the catalogue by their Chinese path (`/standards/<id>/`), whatever the body's
 * language; a page shows them in its own language, under the build's base path. Bodies are rendered once, cached by
 * digest and shared by both pages (and by builds with another BASE_PATH), so the mapping happens when a page inserts
 * the HTML, never in the cached render.
 */
import { localePath, type Lang } from '../../i18n/index.ts';
import { BASE_PATH, withBase } from './settings.ts';

/** Rewrites the root-relative links of rendered body HTML to `lang`'s pages (protocol-relative links are left alone). */
export function localizeBodyLinks(html: string, lang: Lang, base = BASE_PATH): string {
  return html.replace(
    / (href|src)="\/(?!\/)([^"]*)"/g,
    (_whole, attr: string, path: string) =>
      ` ${attr}="${attr === 'href' && !path.startsWith('en/') ? localePath(lang, path, base) : withBase(path, base)}"`,
  );
}
