/**
 * Entry bodies link to other pages of the catalogue by their Chinese path (`/standards/<id>/`), whatever the body's
 * language; a page shows them in its own language, under the build's base path. Bodies are rendered once, cached by
 * digest and shared by both pages (and by builds with another BASE_PATH), so the mapping happens when a page inserts
 * the HTML, never in the cached render.
 */
import { localePath, type Lang } from '../../i18n/index.ts';
import { scanHtml } from './html-links.ts';
import { BASE_PATH, withBase } from './settings.ts';

const attributeText = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Rewrites the root-relative links of rendered body HTML to `lang`'s pages (protocol-relative links are left alone).
 * Only real `href` and `src` attributes are rewritten, found by an HTML parser: text that merely looks like one (in
 * a code span, `href="/x"`) stays as the author wrote it.
 */
export function localizeBodyLinks(html: string, lang: Lang, base = BASE_PATH): string {
  if (!html.includes('="/')) return html;
  const links = scanHtml(html).urls.filter((u) => (u.attr === 'href' || u.attr === 'src') && /^\/(?!\/)/.test(u.value));
  let out = html;
  for (const link of links.reverse()) {
    const path = link.value.slice(1);
    const to = link.attr === 'href' && !path.startsWith('en/') ? localePath(lang, path, base) : withBase(path, base);
    out = `${out.slice(0, link.start)}${attributeText(to)}${out.slice(link.end)}`;
  }
  return out;
}
