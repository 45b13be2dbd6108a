/**
 * Citations of entries: biblatex `@standard`, RIS (`TY  - STAND`) and CSL-JSON (`type: standard`), per entry
 * and for the whole catalogue. Frontmatter is untrusted text, so each writer escapes for its format:
 * BibTeX's special characters (`{ } % & _ # $ ~ ^ \`) become commands, RIS values lose line breaks, and
 * CSL-JSON is JSON. Chinese text stays as it is (biber and every RIS reader take UTF-8).
 *
 * The title is given in the standard's own language (Chinese for national, industry, group and enterprise
 * standards, English for international ones) and the other language as the translated title: biblatex
 * `titleaddon`, RIS and CSL-JSON a note (citation-js reads RIS `TT` as the title itself).
 */
import { exportText } from '../catalogue/characters.ts';
import type { EntryNode } from '../catalogue/graph.ts';
import type { BodyData } from '../catalogue/schemas/index.ts';
import { withBase } from './settings.ts';
import { describedVersion } from './versions.ts';

/** What every format is written from. */
export interface Citation {
  id: string;
  /** The designation, e.g. `3GPP TS 22.104`. */
  number: string;
  title: string;
  /** The title in the other language. */
  translatedTitle: string;
  /** Language of `title`: BCP 47. */
  language: 'zh-CN' | 'en';
  /** Issuing organisation, named in the title's language. */
  organization: string;
  /** Publishing authority (主管部门), when another body than the issuer. */
  publisher?: string;
  /** The date of the version cited when the version history has it (YYYY, YYYY-MM or YYYY-MM-DD), else the publication date. */
  date?: string;
  /** The version cited: the one the entry describes. */
  version?: string;
  /** Where a reader verifies the standard: its first source. */
  url: string;
  /** The catalogue's page for the entry. */
  page: string;
  status: string;
}

/** A citation of an entry; `siteUrl` (an origin) makes the catalogue page absolute, under BASE_PATH. */
export function citationOf(
  issuers: ReadonlyMap<string, { data: Pick<BodyData, 'name'> }>,
  entry: EntryNode,
  siteUrl: string | URL,
): Citation {
  const d = entry.data;
  const lang = d.level === 'international' ? 'en' : 'zh';
  const other = lang === 'zh' ? 'en' : 'zh';
  const bodyName = (id: string | undefined) => {
    const body = id ? issuers.get(id) : undefined;
    return body ? body.data.name[lang] : id;
  };
  const publisher = entry.authority && entry.authority !== d.body ? bodyName(entry.authority) : undefined;
  // A versioned document is cited as the version the entry describes, dated by that version.
  const version = d.version;
  const date = (version !== undefined ? describedVersion(d)?.date : undefined) ?? d.dates?.published;
  return {
    id: entry.id,
    number: d.code,
    title: d.title[lang],
    translatedTitle: d.title[other],
    language: lang === 'zh' ? 'zh-CN' : 'en',
    organization: bodyName(d.body) ?? d.body,
    ...(publisher ? { publisher } : {}),
    ...(date ? { date } : {}),
    ...(version ? { version } : {}),
    url: d.sources[0]!.url,
    page: new URL(withBase(entry.path), siteUrl).href,
    status: d.status,
  };
}

const BIB_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding < and > print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Text for a BibTeX field: special characters as commands, whitespace folded; Chinese kept. */
export const bibText = (text: string) =>
  exportText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&_#$~^<>]/g, (c) => BIB_SPECIALS[c]!);

/** A URL for a verbatim BibTeX field: characters that would unbalance or end it percent-encoded. */
const bibUrl = (url: string) => url.replace(/[{}\\%\s]/g, (c) => (c === '%' ? '%' : encodeURIComponent(c)));

/** One biblatex `@standard` entry, keyed by the entry id. */
export function toBibtex(c: Citation): string {
  const fields: Array<[string, string]> = [
    ['title', `{${bibText(c.title)}}`],
    ['titleaddon', bibText(`[${c.translatedTitle}]`)],
    ['number', bibText(c.number)],
    ['organization', bibText(c.organization)],
    ...(c.publisher ? [['publisher', bibText(c.publisher)] as [string, string]] : []),
    ...(c.date ? [['date', c.date] as [string, string]] : []),
    ...(c.version ? [['version', bibText(c.version)] as [string, string]] : []),
    ['langid', c.language === 'zh-CN' ? 'chinese' : 'english'],
    ['pubstate', bibText(c.status)],
    ['url', bibUrl(c.url)],
    ['addendum', `\\url{${bibUrl(c.page)}}`],
  ];
  return `@standard{${c.id},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}

/** Every entry of the catalogue as one `.bib`. */
export function catalogueBibtex(citations: readonly Citation[]): string {
  return `% 5G application standards catalogue: ${citations.length} entries, UTF-8, biblatex @standard\n\n${citations.map(toBibtex).join('\n')}`;
}

/** A RIS value: one line (every line break folded, control characters written out). */
const risValue = (text: string) => exportText(text).replace(/\s+/g, ' ').trim();

/** One RIS record (`TY  - STAND`), CRLF line ends as the format asks. */
export function toRis(c: Citation): string {
  const tags: Array<[string, string | undefined]> = [
    ['TY', 'STAND'],
    ['ID', c.id],
    ['TI', c.title],
    ['SN', c.number],
    ['AU', c.organization],
    ['PB', c.publisher ?? c.organization],
    ['DA', c.date?.replaceAll('-', '/')],
    ['PY', c.date?.slice(0, 4)],
    ['ET', c.version],
    ['LA', c.language],
    ['UR', c.url],
    ['N1', `${c.language === 'zh-CN' ? 'English title' : 'Chinese title'}: ${c.translatedTitle}`],
    ['N1', `Status: ${c.status}. ${c.page}`],
  ];
  const lines = tags
    .filter((t): t is [string, string] => t[1] !== undefined && t[1] !== '')
    .map(([tag, value]) => `${tag}  - ${risValue(value)}`);
  return `${lines.join('\r\n')}\r\nER  - \r\n`;
}

/** A CSL-JSON item (`type: standard`). */
export function toCsl(c: Citation): Record<string, unknown> {
  return {
    id: c.id,
    type: 'standard',
    title: c.title,
    number: c.number,
    author: [{ literal: c.organization }],
    publisher: c.publisher ?? c.organization,
    authority: c.organization,
    ...(c.date ? { issued: { 'date-parts': [c.date.split('-').map(Number)] } } : {}),
    ...(c.version ? { version: c.version } : {}),
    language: c.language,
    URL: c.url,
    status: c.status,
    note: `${c.language === 'zh-CN' ? 'English title' : 'Chinese title'}: ${c.translatedTitle}`,
  };
}
