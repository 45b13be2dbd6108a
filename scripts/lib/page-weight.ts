/**
 * What a page costs a reader: bytes of HTML, of the CSS it links, and of the JavaScript it
 * runs (inline and linked). Reported by scripts/site-report.ts, enforced by a test.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveUrl, scanHtml } from '../../src/lib/site/html-links.ts';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
}

/** Measures one built page (`file` relative to the site root) of a site built for `base`. */
export async function pageWeight(dir: string, file: string, base = '/'): Promise<PageWeight> {
  const html = await readFile(path.join(dir, file), 'utf8');
  const scan = scanHtml(html);
  const exists = () => true;
  let css = 0;
  let js = 0;
  for (const url of scan.urls) {
    if (url.tag !== 'link' || !/\.css$/.test(url.value)) continue;
    const target = resolveUrl(file, url.value, exists, undefined, base);
    if (target) css += (await stat(path.join(dir, target.file))).size;
  }
  for (const script of scan.scripts) {
    const target = resolveUrl(file, script.src, exists, undefined, base);
    if (target) js += (await stat(path.join(dir, target.file))).size;
  }
  // Inline scripts (not JSON data blocks) and styles.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/type="application\/(ld\+)?json"/.test(m[1]!)) js += Buffer.byteLength(m[2]!);
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += Buffer.byteLength(m[1]!);
  return { html: Buffer.byteLength(html), css, js };
}
