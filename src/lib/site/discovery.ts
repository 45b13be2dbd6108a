/**
 * How search engines and browsers find the catalogue: schema.org JSON-LD on entry pages and an
 * OpenSearch description, so that a browser offers the catalogue's own search. Pure functions
 * of their inputs; every contributed text is escaped for the place it goes.
 */
import { escapeUTF8 as escapeXml } from 'entities';
import type { EntryNode } from '../catalogue/graph.ts';
import { htmlLang, pick, type Lang } from '../../i18n/index.ts';

/** What an OpenSearch description names. */
export interface OpenSearchOptions {
  shortName: string;
  description: string;
  lang: Lang;
  /** Absolute URL of the search page; `?q={searchTerms}` is added. */
  searchPage: string;
  /** Absolute URL of this description. */
  self: string;
  /** Absolute URL of the site's icon (SVG). */
  icon: string;
}

/** An OpenSearch 1.1 description document (https://github.com/dewitt/opensearch). */
export function openSearchXml(o: OpenSearchOptions): string {
  const template = `${o.searchPage}?q={searchTerms}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    // ShortName: 16 characters at most, as the specification asks.
    `  <ShortName>${escapeXml([...o.shortName].slice(0, 16).join(''))}</ShortName>`,
    `  <Description>${escapeXml(o.description)}</Description>`,
    `  <InputEncoding>UTF-8</InputEncoding>`,
    `  <Language>${escapeXml(htmlLang(o.lang))}</Language>`,
    `  <Image type="image/svg+xml">${escapeXml(o.icon)}</Image>`,
    `  <Url type="text/html" method="get" template="${escapeXml(template)}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(o.self)}"/>`,
    `  <moz:SearchForm>${escapeXml(o.searchPage)}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become \u escapes,
 * so no text can close the element or open a comment, and U+2028/U+2029 are escaped for old parsers.
 * The JSON still parses to the same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What the JSON-LD of an entry page is made of, beyond the entry. */
export interface EntryLdContext {
  lang: Lang;
  /** Absolute URL of the page. */
  url: string;
  /** The issuer's name and website, when known. */
  issuer?: { name: string; url?: string };
  /** The day the entry last changed. */
  modified?: string;
  site: { name: string; url: string };
}

/** The schema.org description of an entry page: the standard as a CreativeWork, on a page of the catalogue. */
export function entryJsonLd(entry: Pick<EntryNode, 'data' | 'state'>, c: EntryLdContext) {
  const d = entry.data;
  const other: Lang = c.lang === 'zh' ? 'en' : 'zh';
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': `${c.url}#standard`,
    name: `${d.code} ${pick(d.title, c.lang)}`,
    alternateName: [d.code, d.title[other]].filter((x): x is string => Boolean(x)),
    identifier: d.code,
    headline: pick(d.title, c.lang),
    ...(pick(d.summary, c.lang) ? { description: pick(d.summary, c.lang) } : {}),
    inLanguage: htmlLang(c.lang),
    url: c.url,
    mainEntityOfPage: c.url,
    ...(c.issuer
      ? { publisher: { '@type': 'Organization', name: c.issuer.name, ...(c.issuer.url ? { url: c.issuer.url } : {}) } }
      : {}),
    ...(d.dates?.published ? { datePublished: d.dates.published } : {}),
    ...(c.modified ? { dateModified: c.modified } : {}),
    ...(d.version ? { version: d.version } : {}),
    creativeWorkStatus: entry.state,
    sameAs: d.sources.map((s) => s.url),
    isPartOf: { '@type': 'WebSite', name: c.site.name, url: c.site.url },
  };
}
