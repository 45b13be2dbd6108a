/**
 * The offline zip published with the site. `npm run build` leaves a slot on the home and About
 * pages (no zip exists yet, and building one would slow every build); `npm run export` writes the
 * zip to a stable address of the built site and fills the slots with a link, its size and date.
 * In the offline copy itself the slots say that the reader holds the offline copy, and link nothing.
 */
import { ui, type Lang } from '../../i18n/index.ts';
import { escapeHtml } from './escape.ts';
import { relativeUrl } from './html-links.ts';

/** Where the zip is published, relative to the site root. */
export const DOWNLOAD_FILE = 'downloads/5g-standards-catalogue.zip';

/** The pages that carry a slot (site-relative files). */
export const DOWNLOAD_PAGES = ['index.html', 'en/index.html', 'about/index.html', 'en/about/index.html'];

/** What the pages say about a published zip. */
export interface DownloadInfo {
  bytes: number;
  /** The day it was made (YYYY-MM-DD, China time). */
  date: string;
}

/** The attribute that marks a slot; its value is the page's language. */
export const SLOT_ATTRIBUTE = 'data-download-slot';

// A slot is a <div> holding no other <div>: the build writes it, so its shape is known.
const SLOT = new RegExp(`(<div\\b[^>]*\\b${SLOT_ATTRIBUTE}="(zh|en)"[^>]*>)[\\s\\S]*?(</div>)`, 'g');

/** "3.4 MB" (decimal units, as download sizes are usually given). */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Replaces the content of every slot of `html` with what `fill` returns for the slot's language. */
export function fillSlots(html: string, fill: (lang: Lang) => string): string {
  return html.replace(SLOT, (_whole, open: string, lang: Lang, close: string) => `${open}${fill(lang)}${close}`);
}

/** The slot's content on a published page `file`: a relative link to the zip, with size and date. */
export function publishedSlot(file: string, lang: Lang, info: DownloadInfo): string {
  const t = ui(lang).download;
  const href = relativeUrl(file, DOWNLOAD_FILE);
  return `<p><a class="download" href="${escapeHtml(href)}" download type="application/zip">${escapeHtml(t.link)}</a> <span class="meta">${escapeHtml(t.meta(formatBytes(info.bytes), info.date))}</span></p><p class="muted">${escapeHtml(t.howTo)}</p>`;
}

/** The slot's content inside the offline copy: no link to the zip, only what the reader holds. */
export function offlineSlot(lang: Lang, date: string): string {
  return `<p class="muted">${escapeHtml(ui(lang).download.offlineCopy(date))}</p>`;
}
