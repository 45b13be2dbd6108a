/**
 * Entry bodies link to other pages of the catalogue by their Chinese path (`/standards/<id>/`), whatever the body's
 * language; a page shows them in its own language. Bodies are rendered once and shared by both pages, so the
 * mapping happens when a page inserts the HTML.
 */
import { localePath, type Lang } from '../../i18n/index.ts';

/** Rewrites the root-relative links of rendered body HTML to `lang`'s pages (protocol-relative links are left alone). */
export function localizeBodyLinks(html: string, lang: Lang): string {
  return html.replace(/ href="\/(?!\/)([^"]*)"/g, (whole, path: string) => (path.startsWith('en/') ? whole : ` href="${localePath(lang, path)}"`));
}
