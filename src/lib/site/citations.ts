/**
 * Citations of entries: biblatex `@standard`, RIS (`TY  - STAND`) and CSL-JSON (`type: standard`), per entry
 * and for the whole catalogue. Frontmatter is untrusted text, so each writer escapes for its format:
 * BibTeX's special characters (`{ } % & _ # $ ~ ^ \`) become commands, RIS values lose line breaks, and
 * CSL-JSON is JSON. Chinese text stays as it is (biber and every RIS reader take UTF-8).
 *
 * The title is given in the standard's own language (Chinese for national, industry, group and enterprise
 * standards, English for international ones) and the other language as the translated title: biblatex
 * `titleaddon`, RIS and CSL-JSON a note (citation-js reads RIS `TT` as the title itself).
 *
 * A citation identifies what was read: the version and the 3GPP release where the entry has them, the date (or
 * only the year, when the designation's year is all that is known), and the catalogue page at the site's real
 * address. A preview build (no SITE_URL) has no address, so its citations name no page.
 */
import { exportText } from '../catalogue/characters.ts';
import type { EntryNode } from '../catalogue/graph.ts';
import type { BodyData } from '../catalogue/schemas/index.ts';
import { ui } from '../../i18n/index.ts';
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
  /**
   * The date of the version cited when the version history has it (YYYY, YYYY-MM or YYYY-MM-DD), else the
   * publication date, else the year the designation carries (YYYY) when only that is known.
   */
  date?: string;
  /** The version cited (the one the entry describes), with its 3GPP release: `16.9.0 (Release 16)`, `Release 17`. */
  version?: string;
  /** Where a reader verifies the standard: its first source. */
  url: string;
  /** The catalogue's page for the entry, at the site's address; absent in a preview (no SITE_URL). */
  page?: string;
  status: string;
}

/** `R16` → `Release 16`. */
const releaseName = (release: string) => `Release ${release.replace(/^R/, '')}`;

/** The version a citation names: the entry's version and its release (the version's own, else the entry's), either, or none. */
function versionOf(d: Pick<EntryNode['data'], 'version' | 'release'>, versionRelease?: string): string | undefined {
  const release = versionRelease ?? d.release;
  if (d.version && release) return `${d.version} (${releaseName(release)})`;
  return d.version ?? (release ? releaseName(release) : undefined);
}

/**
 * A citation of an entry; `siteUrl` (an origin) makes the catalogue page absolute, under BASE_PATH. Without one
 * (a preview) the citation names no page.
 */
export function citationOf(
  issuers: ReadonlyMap<string, { data: Pick<BodyData, 'name'> }>,
  entry: Pick<EntryNode, 'id' | 'path' | 'data' | 'authority'> & Partial<Pick<EntryNode, 'year' | 'datedBy'>>,
  siteUrl: string | URL | undefined,
): Citation {
  const d = entry.data;
  const lang = d.level === 'international' ? 'en' : 'zh';
  const other = lang === 'zh' ? 'en' : 'zh';
  const bodyName = (id: string | undefined) => {
    const body = id ? issuers.get(id) : undefined;
    return body ? body.data.name[lang] : id;
  };
  const publisher = entry.authority && entry.authority !== d.body ? bodyName(entry.authority) : undefined;
  // A versioned document is cited as the version the entry describes, dated by that version; its release named.
  const described = describedVersion(d);
  const version = versionOf(d, described?.release);
  const date =
    (d.version !== undefined ? described?.date : undefined) ??
    d.dates?.published ??
    (entry.datedBy === 'year' && entry.year ? String(entry.year) : undefined);
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
    ...(siteUrl !== undefined ? { page: new URL(withBase(entry.path), siteUrl).href } : {}),
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
    ...(c.page ? [['addendum', `\\url{${bibUrl(c.page)}}`] as [string, string]] : []),
  ];
  return `@standard{${c.id},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}

/** The catalogue itself as a work to cite: its titles, the day of this edition and, when it has one, its address. */
export interface CatalogueCitation {
  /** Title in Chinese, the catalogue's first language. */
  title: string;
  /** Title in English. */
  translatedTitle: string;
  /** The day this edition's data was built, YYYY-MM-DD. */
  edition: string;
  /** The home page at the site's address (SITE_URL and BASE_PATH); absent in a preview. */
  url?: string;
  /** How many entries this edition holds. */
  entries: number;
}

/** The catalogue's citation for a build: its titles from the interface strings, the home page under BASE_PATH. */
export function catalogueCitationOf(
  entries: number,
  edition: string,
  siteUrl: string | URL | undefined,
): CatalogueCitation {
  return {
    title: ui('zh').siteName,
    translatedTitle: ui('en').siteName,
    edition,
    entries,
    ...(siteUrl !== undefined ? { url: new URL(withBase(''), siteUrl).href } : {}),
  };
}

/** The biblatex key of the catalogue's own entry in /catalogue.bib. */
export const CATALOGUE_KEY = '5g-standards-catalogue';

/** The catalogue as one biblatex `@online` entry: title, edition date and URL (none in a preview). */
export function catalogueSelfBibtex(c: CatalogueCitation): string {
  const fields: Array<[string, string]> = [
    ['title', `{${bibText(c.title)}}`],
    ['titleaddon', bibText(`[${c.translatedTitle}]`)],
    ['date', c.edition],
    ['langid', 'chinese'],
    ['note', bibText(`${c.entries} entries`)],
    ...(c.url
      ? ([
          ['url', bibUrl(c.url)],
          ['urldate', c.edition],
        ] as Array<[string, string]>)
      : []),
  ];
  return `@online{${CATALOGUE_KEY},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}

/** The catalogue as a reader cites it in running text, in one language: title, edition date and address. */
export function catalogueCitationText(c: CatalogueCitation, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `${c.title}（${c.edition} 版）${c.url ? `. ${c.url}` : ''}`
    : `${c.translatedTitle} (edition of ${c.edition})${c.url ? `. ${c.url}` : ''}`;
}

/** The catalogue itself, then every entry, as one `.bib`. */
export function catalogueBibtex(citations: readonly Citation[], self?: CatalogueCitation): string {
  const head = `% 5G application standards catalogue: ${citations.length} entries, UTF-8, biblatex @standard${self ? `; cite the catalogue itself as ${CATALOGUE_KEY}` : ''}\n\n`;
  return `${head}${self ? `${catalogueSelfBibtex(self)}\n` : ''}${citations.map(toBibtex).join('\n')}`;
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
    // RIS dates are YYYY/MM/DD; a year alone goes in PY only.
    ['DA', c.date && c.date.length > 4 ? c.date.replaceAll('-', '/') : undefined],
    ['PY', c.date?.slice(0, 4)],
    ['ET', c.version],
    ['LA', c.language],
    ['UR', c.url],
    ['N1', `${c.language === 'zh-CN' ? 'English title' : 'Chinese title'}: ${c.translatedTitle}`],
    // RIS has no version tag for STAND records (citation-js maps ET to nothing for them): the note says it too.
    ['N1', c.version ? `Version: ${c.version}` : undefined],
    ['N1', `Status: ${c.status}.${c.page ? ` ${c.page}` : ''}`],
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
