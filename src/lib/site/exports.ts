/**
 * The machine-readable files: /catalogue.json (the documented data contract), /catalogue.csv
 * and the Atom feeds. Pure functions of the graph, so tests can check them without a build.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import type { CatalogueGraph, EntryNode } from '../catalogue/graph.ts';
import { standardSchema } from '../catalogue/schemas/index.ts';
import { exportText, jsonText } from '../catalogue/characters.ts';
import { escapeHtml } from './escape.ts';
import { localePath, pick, ui, type Lang } from '../../i18n/index.ts';

/** Version of the /catalogue.json contract; bumped only for incompatible changes. */
export const CATALOGUE_FORMAT = 1;

const FRONTMATTER_FIELDS = Object.keys(standardSchema.shape) as Array<keyof EntryNode['data']>;

/** One entry of /catalogue.json: id, every frontmatter field, then derived data. */
export function entryJson(entry: EntryNode) {
  const fields = { id: entry.id } as { id: string } & Partial<EntryNode['data']>;
  for (const key of FRONTMATTER_FIELDS)
    if (entry.data[key] !== undefined) (fields as Record<string, unknown>)[key] = entry.data[key];
  return {
    ...fields,
    referencedBy: entry.referencedBy,
    supersededBy: entry.supersededBy,
    adoptedBy: entry.adoptedBy,
    relatedBy: entry.relatedBy,
    inForce: entry.inForce,
    state: entry.state,
    // Only when the year of publication comes from the designation: the day is not known.
    ...(entry.datedBy ? { datedBy: entry.datedBy, year: entry.year } : {}),
    doctypeDerived: entry.doctype,
    authorityDerived: entry.authority ?? null,
    url: localePath('zh', entry.path),
    urlEn: localePath('en', entry.path),
    requirementValues: entry.requirements.map((r) => ({
      id: r.id,
      metric: r.metric,
      comparator: r.comparator,
      canonical: r.canonical,
    })),
  };
}

/** The whole /catalogue.json document. */
export function catalogueJson(graph: CatalogueGraph, generated: string) {
  return {
    format: CATALOGUE_FORMAT,
    generated,
    today: graph.today,
    entries: graph.entries.map(entryJson),
    targets: graph.targets.map((t) => ({
      id: t.id,
      name: t.data.name,
      description: t.data.description,
      filter: t.data.filter,
      threshold: t.threshold,
      deadline: t.deadline,
      count: t.count,
      countByDeadline: t.countByDeadline,
      countedByYear: t.countedByYear,
      countedByYearByDeadline: t.countedByYearByDeadline,
      undated: t.undated,
      percent: t.percent,
      completedOn: t.completedOn ?? null,
      completedByDeadline: t.completedByDeadline,
      bySector: t.bySector,
      byState: t.byState,
      byYear: t.byYear,
      ids: t.ids,
      inDevelopment: t.inDevelopment,
      inDevelopmentBySector: t.inDevelopmentBySector,
      excluded: t.excluded,
    })),
    sectors: graph.sectors.map((s) => ({ id: s.id, ...s.data, entries: s.entries })),
    topics: graph.topics.map((s) => ({ id: s.id, ...s.data, entries: s.entries })),
    bodies: graph.bodies.map((s) => ({ id: s.id, ...s.data, entries: s.entries })),
    metrics: graph.metrics.map((m) => ({ id: m.id, ...m.data })),
  };
}

const list = (values: readonly unknown[]) => values.map(String).join('; ');

/** Columns of /catalogue.csv, in order. */
export const CSV_COLUMNS = [
  'id',
  'code',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'lang',
  'scope',
  'doctype',
  'tier',
  'topics',
  'sectors',
  'body',
  'authority',
  'committee',
  'level',
  'status',
  'state',
  'in_force',
  'key',
  'release',
  'version',
  'versions',
  'published',
  'published_year',
  'dated_by',
  'effective',
  'references',
  'supersedes',
  'related',
  'adopts',
  'ics',
  'ccs',
  'plan',
  'requirements',
  'sources',
  'updated',
  'referenced_by',
  'superseded_by',
  'url',
] as const;

/**
 * A cell a spreadsheet will not run: text that starts with =, +, -, @, a tab or a carriage return (a formula to
 * Excel, LibreOffice and Sheets) gets a leading apostrophe, as OWASP advises for CSV injection.
 */
export function csvCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Control and direction characters are written out (`\u202E`), never raw; a carriage return too (it ends a row).
  const text = exportText(value).replace(/\r/g, '\\u000D');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** /catalogue.csv: one row per entry, lists joined with "; ", UTF-8 with a BOM for spreadsheets. */
export function catalogueCsv(graph: CatalogueGraph): string {
  const rows = graph.entries.map((e) => {
    const d = e.data;
    return [
      e.id,
      d.code,
      d.title.zh,
      d.title.en,
      d.summary?.zh ?? '',
      d.summary?.en ?? '',
      d.lang,
      d.scope,
      e.doctype,
      d.tier,
      list(d.topics),
      list(d.sectors),
      d.body,
      e.authority ?? '',
      d.committee ?? '',
      d.level,
      d.status,
      e.state,
      e.inForce,
      d.key,
      d.release ?? '',
      d.version ?? '',
      list(d.versions.map((v) => [v.version, v.code, v.date, v.release].filter(Boolean).join(' '))),
      d.dates?.published ?? '',
      e.year ?? '',
      e.datedBy ?? '',
      d.dates?.effective ?? '',
      list(d.references),
      list(d.supersedes),
      list(d.related),
      list(d.adopts.map((a) => `${a.id} (${a.degree})`)),
      list(d.ics),
      list(d.ccs),
      list(d.plan),
      list(
        e.requirements.map(
          (r) =>
            `${r.metric} ${r.comparator === 'range' ? `${r.min}-${r.max}` : `${r.comparator} ${r.value}`} ${r.unit}`,
        ),
      ),
      list(d.sources.map((l) => `${l.label} <${l.url}>`)),
      d.updated ?? '',
      list(e.referencedBy),
      list(e.supersededBy),
      localePath('zh', e.path),
    ];
  });
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows.map((row) => row.map(csvCell))], { record_delimiter: 'windows', cast: { boolean: (value) => String(value) } })}`;
}

/** How many entries a feed carries: the newest ones. */
export const FEED_SIZE = 100;

/** The day an entry last changed when no history is given: updated, else published. */
const fieldDate = (e: EntryNode) => e.data.updated ?? e.data.dates?.published;

/** What one feed covers: its entries, where it and its page are, and what each entry's last change was. */
export interface FeedOptions {
  /** The entries it follows (default: the whole catalogue). */
  entries?: readonly EntryNode[];
  /** Its path under the language root (default `feed.xml`). */
  feedPath?: string;
  /** The path of the page it follows under the language root (default: the language's home). */
  pagePath?: string;
  /** What an entry's last change was, in the feed's language (new standard, new state, new version, …). */
  what?: (e: EntryNode) => string | undefined;
}

/** Namespace of the catalogue's name-based UUIDs (RFC 9562, version 5): a fixed random value. */
const UUID_NAMESPACE = Buffer.from('6f1c2d0e8a3b4c7d9e5f1a2b3c4d5e6f', 'hex');

/** A name-based UUID (version 5) as a `urn:uuid:` IRI: a stable Atom id that names no domain. */
export function nameUrn(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Atom feed of a language: the entries that changed last first. `lastChanged` gives the day
 * an entry last changed (the site passes the day of its newest commit, the one its page shows);
 * `options` narrows it to a sector's, topic's or issuer's entries and says what each last change was.
 * `site` is the origin links and ids start with; without one (a preview) links are root-relative and ids
 * name-based UUIDs, so the feed names no address the catalogue does not have.
 */
export function atomFeed(
  graph: CatalogueGraph,
  lang: Lang,
  site: string | URL | undefined,
  names: { title: string; description: string },
  lastChanged: (e: EntryNode) => string | undefined = fieldDate,
  options: FeedOptions = {},
): string {
  const entries = options.entries ?? graph.entries;
  const days = new Map(entries.map((e) => [e.id, lastChanged(e)]));
  const changedOn = (e: EntryNode) => days.get(e.id);
  const dated = entries
    .filter((e) => changedOn(e))
    .sort((a, b) =>
      changedOn(b)! > changedOn(a)! ? 1 : changedOn(b)! < changedOn(a)! ? -1 : a.data.code.localeCompare(b.data.code),
    );
  const newest = dated.slice(0, FEED_SIZE);
  const address = (path: string) => (site === undefined ? path : new URL(path, site).href);
  const id = (path: string) => (site === undefined ? nameUrn(path) : new URL(path, site).href);
  const home = address(localePath(lang, options.pagePath ?? ''));
  const feed = new Feed({
    id: id(localePath(lang, options.pagePath ?? '')),
    link: home,
    title: xmlText(names.title),
    description: xmlText(names.description),
    language: lang === 'zh' ? 'zh-CN' : 'en',
    updated: newest[0] ? new Date(`${changedOn(newest[0])}T00:00:00Z`) : new Date(0),
    copyright: '',
    // Atom requires an author on the feed when its entries have none.
    author: { name: xmlText(names.title), link: home },
    feedLinks: { atom: address(localePath(lang, options.feedPath ?? 'feed.xml')) },
    generator: '5G application standards catalogue',
  });
  for (const e of newest) {
    const url = address(localePath(lang, e.path));
    const what = options.what?.(e);
    const summary = pick(e.data.summary, lang) || pick(e.data.title, lang);
    feed.addItem({
      id: id(localePath(lang, e.path)),
      link: url,
      // The feed library writes these as type="html": escaped, so a reader shows the text and runs nothing.
      title: escapeHtml(xmlText(`${e.data.code} ${pick(e.data.title, lang)}`)),
      // What changed comes first: it is why the item is in the feed.
      description: escapeHtml(xmlText(what ?? summary)),
      ...(what ? { content: escapeHtml(xmlText(summary)) } : {}),
      date: new Date(`${changedOn(e)}T00:00:00Z`),
      // The entry's state, the same one its page, the filters and catalogue.json give (`published-undated`, …).
      category: [{ term: e.state, name: ui(lang).states[e.state] }],
      ...(e.data.dates?.published ? { published: new Date(`${e.data.dates.published}T00:00:00Z`) } : {}),
    });
  }
  // Whatever reached a title or a name, the feed stays well-formed XML: no control character is written raw.
  return exportText(feed.atom1());
}

/** /catalogue.json's text: the document, with control and direction characters written as JSON escapes. */
export const catalogueJsonText = (graph: CatalogueGraph, generated: string): string =>
  jsonText(JSON.stringify(catalogueJson(graph, generated), null, 1));

// Characters XML 1.0 does not allow at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that may go into XML: the characters XML cannot hold shown as U+FFFD, so the feed stays well-formed. */
export const xmlText = (text: string) => text.replace(NOT_XML, '\ufffd');
