/**
 * Checks every internal link of a built site: each href/src/action must name a file of the
 * site, under the base path it is served from, and each #fragment an id on the page it names.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listTree } from './files.ts';
import { resolveUrl, scanHtml } from '../../src/lib/site/html-links.ts';

export interface BrokenLink {
  file: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/**
 * Checks the site in `dir`, served under `base` (`/` or `/catalogue/`): a root-relative URL outside
 * the base path is broken. URLs on `siteOrigin` (canonical, hreflang) are checked as internal.
 */
export async function checkLinks(
  dir: string,
  siteOrigin?: string,
  base = '/',
  external: readonly string[] = [],
): Promise<LinkReport> {
  const files = await listTree(dir);
  const present = new Set(files);
  const exists = (f: string) => present.has(f);
  const pages = files.filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const scans = new Map<string, ReturnType<typeof scanHtml>>();
  for (const file of pages) {
    const scan = scanHtml(await readFile(path.join(dir, file), 'utf8'));
    scans.set(file, scan);
    ids.set(file, scan.ids);
  }
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, scan] of scans) {
    for (const url of scan.urls) {
      const target = resolveUrl(file, url.value, exists, siteOrigin, base, external);
      if (!target) continue;
      links++;
      if (target.outside) broken.push({ file, url: url.value, reason: `outside the base path ${base}` });
      else if (!exists(target.file)) broken.push({ file, url: url.value, reason: `no file ${target.file}` });
      else if (target.fragment && ids.has(target.file) && !ids.get(target.file)!.has(target.fragment))
        broken.push({ file, url: url.value, reason: `no id "${target.fragment}" in ${target.file}` });
    }
  }
  return { pages: pages.length, links, broken };
}
