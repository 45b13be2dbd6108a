/**
 * Finding and resolving the URLs of a built page: used by the link check (every internal
 * href/src and #fragment must resolve) and by the offline export (which rewrites each one to
 * a relative file path).
 */
import { SAXParser } from 'parse5-sax-parser';

/** An attribute holding a URL, with its place in the HTML text. */
export interface UrlAttribute {
  tag: string;
  attr: string;
  value: string;
  /** Offsets of the attribute's value (inside the quotes) in the HTML text. */
  start: number;
  end: number;
}

/** A `<script src>` element and where it is. */
export interface ScriptElement {
  src: string;
  type: string | undefined;
  start: number;
  end: number;
}

/** What a page links to and what it can be linked to (`id` and `a[name]`). */
export interface PageScan {
  urls: UrlAttribute[];
  ids: Set<string>;
  scripts: ScriptElement[];
  /** Offset of `</head>`, where scripts can be added. */
  headEnd: number;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data']);

/** Scans one HTML document. */
export function scanHtml(html: string): PageScan {
  const scan: PageScan = { urls: [], ids: new Set(), scripts: [], headEnd: -1 };
  const parser = new SAXParser({ sourceCodeLocationInfo: true });
  let openScript: Omit<ScriptElement, 'end'> | undefined;
  parser.on('startTag', (token) => {
    const loc = token.sourceCodeLocation as {
      startOffset: number;
      attrs?: Record<string, { startOffset: number; endOffset: number }>;
    };
    for (const attribute of token.attrs) {
      if (attribute.name === 'id' || (attribute.name === 'name' && token.tagName === 'a'))
        scan.ids.add(attribute.value);
      if (!URL_ATTRIBUTES.has(attribute.name)) continue;
      const at = loc.attrs?.[attribute.name];
      if (!at) continue;
      const raw = html.slice(at.startOffset, at.endOffset);
      const eq = raw.indexOf('=');
      let start = at.startOffset + eq + 1;
      let end = at.endOffset;
      if (html[start] === '"' || html[start] === "'") {
        start++;
        end--;
      }
      scan.urls.push({ tag: token.tagName, attr: attribute.name, value: attribute.value, start, end });
    }
    if (token.tagName === 'script') {
      const src = token.attrs.find((a) => a.name === 'src')?.value;
      if (src !== undefined)
        openScript = { src, type: token.attrs.find((a) => a.name === 'type')?.value, start: loc.startOffset };
    }
  });
  parser.on('endTag', (token) => {
    if (token.tagName === 'script' && openScript) {
      scan.scripts.push({ ...openScript, end: token.sourceCodeLocation!.endOffset });
      openScript = undefined;
    }
    if (token.tagName === 'head') scan.headEnd = token.sourceCodeLocation!.startOffset;
  });
  parser.end(html);
  return scan;
}

/** Where an internal URL points: a file of the site (posix path, relative to its root). */
export interface Target {
  file: string;
  query: string;
  fragment: string;
  /** The URL leaves the base path the site is served under (it can name no file of the site). */
  outside?: boolean;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Resolves a URL found in `fromFile` (site-relative, e.g. `en/standards/x/index.html`) to the
 * file it names, or undefined for external URLs. URLs on `siteOrigin` count as internal. The site
 * is served under `base` (`/` or `/catalogue/`): a URL must stay under it to name a file.
 * `exists` tells whether a site-relative file exists. URLs that start with one of `external` lead outside the site
 * whatever their origin (EDIT_URL and ISSUE_URL may be on the site's own origin, served by something else).
 */
export function resolveUrl(
  fromFile: string,
  url: string,
  exists: (file: string) => boolean,
  siteOrigin?: string,
  base = '/',
  external: readonly string[] = [],
): Target | undefined {
  let value = url.trim();
  if (external.some((prefix) => value.startsWith(prefix))) return undefined;
  if (siteOrigin && value.startsWith(siteOrigin))
    value = value.slice(siteOrigin.length - 1 + (siteOrigin.endsWith('/') ? 0 : 1)) || '/';
  if (value === '' || EXTERNAL.test(value)) return undefined;
  // An undecodable path (`/%zz`) names no file: it is reported as a broken link, never thrown.
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const resolved = new URL(value, new URL(`https://site.invalid${base}${fromFile}`));
  const fragment = decode(resolved.hash.slice(1));
  const pathname = decode(resolved.pathname);
  if (!pathname.startsWith(base) && `${pathname}/` !== base)
    return { file: pathname, query: resolved.search, fragment, outside: true };
  let file = pathname.slice(base.length);
  if (file === '' || file.endsWith('/')) file = `${file}index.html`;
  else if (!exists(file) && exists(`${file}/index.html`)) file = `${file}/index.html`;
  return { file, query: resolved.search, fragment };
}

/** The relative URL from one site file to another: `en/a/index.html` → `b/index.html` gives `../../b/index.html`. */
export function relativeUrl(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const up = from.length - i;
  const rest = to.slice(i).map(encodeURIComponent).join('/');
  return `${'../'.repeat(up)}${rest}` || './';
}
