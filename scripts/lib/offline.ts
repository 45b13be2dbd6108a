/**
 * Turns a built site into one that works opened from disk (file://): every internal URL rewritten to a relative file path (folders end in
 * index.html), module scripts inlined (file:// blocks `<script type="module" src>`), and the
 * search index embedded in one classic script that the search page reads instead of fetching.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ADMIN_FOLDER } from '../../src/lib/editor/admin-files.ts';
import { DOWNLOAD_FILE, fillSlots, offlineSlot, SLOT_ATTRIBUTE } from '../../src/lib/site/download.ts';
import { listTree } from './files.ts';
import { relativeUrl, resolveUrl, scanHtml } from '../../src/lib/site/html-links.ts';

/** A problem that makes the export unusable; it fails the export. */
export interface OfflineProblem {
  file: string;
  message: string;
}

export interface OfflineResult {
  files: number;
  pages: number;
  rewritten: number;
  problems: OfflineProblem[];
}

/** The classic script holding the search index, at the root of the export. */
export const OFFLINE_SEARCH_SCRIPT = 'pagefind-offline.js';

/** Embeds pagefind's files (except its worker and UI) as base64 in one classic script. */
async function offlineSearchScript(site: string, files: string[]): Promise<string> {
  const bundle: Record<string, string> = {};
  for (const file of files.filter((f) => f.startsWith('pagefind/') && !f.endsWith('pagefind-worker.js'))) {
    bundle[file.slice('pagefind/'.length)] = (await readFile(path.join(site, file))).toString('base64');
  }
  return `window.__pagefindBundle=${JSON.stringify({ files: bundle })};\n`;
}

const escapeScript = (code: string) => code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of an offline page. The site's own policy cannot hold from file://: its module
 * scripts become inline scripts (allowed by their hashes, nothing else inline) and search imports pagefind.js
 * from a data: URL, the only way a module loads from disk; so script-src adds `data:` and those hashes. Everything
 * else stays as on the site: no event-handler attributes, no plugins, nothing from the network.
 */
export function offlinePolicy(inlineScripts: readonly string[], sitePolicy: string): string {
  const styleSrc = /(?:^|;)\s*(style-src [^;]*)/.exec(sitePolicy)?.[1] ?? "style-src 'self'";
  // Scripts the site already inlines keep the hashes the site's policy gives them.
  const siteHashes = (/(?:^|;)\s*script-src ([^;]*)/.exec(sitePolicy)?.[1] ?? '')
    .split(/\s+/)
    .filter((t) => t.startsWith("'sha"));
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "connect-src 'self' data:",
    `script-src 'self' 'wasm-unsafe-eval' data: ${[...new Set([...siteHashes, ...inlineScripts.map(sha256)])].join(' ')}`.trim(),
    "script-src-attr 'none'",
    styleSrc.trim(),
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/** How the site was built and what the copy says of itself. */
export interface OfflineOptions {
  /** The base path the site was built for (`BASE_PATH`): its root-relative URLs start with it. */
  base?: string;
  /** The day the copy is made, shown where the published site links its zip. */
  date?: string;
  /** Addresses outside the site even on its origin: the settings' EDIT_URL and ISSUE_URL (settingAddresses). */
  external?: readonly string[];
}

/**
 * Writes an offline copy of the built site `site` into `out`. URLs that resolve to no file are
 * returned as problems (a broken link); nothing is written for them. A zip published into the
 * site earlier (`downloads/`) is left out, and the pages that link it say instead that the reader
 * holds the offline copy; so is the browser editor (`admin/`).
 */
export async function makeOffline(
  site: string,
  out: string,
  siteOrigin: string | undefined,
  options: OfflineOptions = {},
): Promise<OfflineResult> {
  const base = options.base ?? '/';
  const downloads = `${DOWNLOAD_FILE.split('/')[0]}/`;
  // Neither the published zip nor the browser editor (it edits the repository; a copy on disk has none).
  const links: string[] = [];
  const files = (await listTree(site, '', links)).filter(
    (f) => !f.startsWith(downloads) && !f.startsWith(`${ADMIN_FOLDER}/`),
  );
  const present = new Set(files.filter((f) => !f.startsWith('pagefind/')));
  present.add(OFFLINE_SEARCH_SCRIPT);
  const exists = (f: string) => present.has(f);
  // A link is never followed into the copy: it could publish a file from anywhere on the machine.
  const problems: OfflineProblem[] = links.map((file) => ({
    file,
    message: 'is a symbolic link (or not a regular file); the offline copy holds only the files of the built site',
  }));
  let rewritten = 0;
  let pages = 0;
  await rm(out, { recursive: true, force: true });

  for (const file of files) {
    if (file.startsWith('pagefind/')) continue;
    const target = path.join(out, file);
    await mkdir(path.dirname(target), { recursive: true });
    if (!file.endsWith('.html')) {
      if (file.endsWith('.css')) {
        const css = await readFile(path.join(site, file), 'utf8');
        await writeFile(
          target,
          css.replace(/url\((['"]?)(\/[^)'"]+)\1\)/g, (whole, q: string, url: string) => {
            const to = resolveUrl(file, url, exists, undefined, base);
            if (!to || to.outside || !exists(to.file)) {
              problems.push({ file, message: `url(${url}) names no file` });
              return whole;
            }
            rewritten++;
            return `url(${q}${relativeUrl(file, to.file)}${q})`;
          }),
        );
      } else await copyFile(path.join(site, file), target);
      continue;
    }
    pages++;
    let html = await readFile(path.join(site, file), 'utf8');
    if (html.includes(SLOT_ATTRIBUTE)) html = fillSlots(html, (lang) => offlineSlot(lang, options.date ?? ''));
    const scan = scanHtml(html);
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const replaced: Array<[number, number]> = [];
    const inline: string[] = [];
    for (const script of scan.scripts) {
      const to = resolveUrl(file, script.src, exists, undefined, base);
      if (!to) continue;
      if (to.outside || !exists(to.file)) {
        problems.push({ file, message: `script ${script.src} names no file` });
        continue;
      }
      if (script.type === 'module') {
        const code = await readFile(path.join(site, to.file), 'utf8');
        if (/(?:^|[;\s}])(?:import\s*[\w{*"'`]|export\s)/.test(code)) {
          problems.push({
            file,
            message: `module script ${script.src} imports other modules; it cannot run from file://`,
          });
          continue;
        }
        inline.push(escapeScript(code));
        edits.push({
          start: script.start,
          end: script.end,
          text: `<script type="module">${escapeScript(code)}</script>`,
        });
        replaced.push([script.start, script.end]);
      }
    }
    for (const url of scan.urls) {
      if (replaced.some(([start, end]) => url.start >= start && url.end <= end)) continue;
      // Canonical and alternate links name the published site on purpose.
      const to =
        url.tag === 'link' && /^https?:/.test(url.value)
          ? undefined
          : resolveUrl(file, url.value, exists, siteOrigin, base, options.external);
      if (!to) continue;
      if (to.outside) {
        problems.push({
          file,
          message: `${url.attr}="${url.value}" is outside the base path ${base} the site was built for`,
        });
        continue;
      }
      if (!exists(to.file)) {
        problems.push({ file, message: `${url.attr}="${url.value}" names no file (${to.file})` });
        continue;
      }
      edits.push({
        start: url.start,
        end: url.end,
        text: `${relativeUrl(file, to.file)}${to.query}${to.fragment ? `#${encodeURIComponent(to.fragment)}` : ''}`,
      });
      rewritten++;
    }
    if (file.endsWith('search/index.html') && scan.headEnd >= 0)
      edits.push({
        start: scan.headEnd,
        end: scan.headEnd,
        text: `<script src="${relativeUrl(file, OFFLINE_SEARCH_SCRIPT)}"></script>`,
      });
    edits.sort((a, b) => b.start - a.start);
    let result = html;
    for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    result = result.replace(
      CSP_META,
      (_whole, policy: string) =>
        `<meta http-equiv="content-security-policy" content="${offlinePolicy(inline, policy)}">`,
    );
    await writeFile(target, result);
  }
  await writeFile(path.join(out, OFFLINE_SEARCH_SCRIPT), await offlineSearchScript(site, files));
  return { files: files.length, pages, rewritten, problems };
}
