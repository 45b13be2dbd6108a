/**
 * The catalogue as pages see it: the collections read once, the graph built once per build.
 * Pages only read from here; they never recompute what the graph knows.
 */
import { getCollection } from 'astro:content';
import { buildGraph, type CatalogueGraph } from '../catalogue/graph.ts';
import type { Lang } from '../catalogue/vocabulary.ts';
import { today } from '../catalogue/dates.ts';
import type { LocalizedBody } from '../catalogue/body/index.ts';
import { changesByEntry, type EntryHistoryItem, type History } from './history.ts';
import { HISTORY_RECORD, type BodyRef } from './loader.ts';
import { readBody } from './body-cache.ts';

/** A rendered entry body, in the language a page asked for or, when the entry has none in it, the other. */
export interface EntryBody {
  html: string;
  text: string;
  /** The language the body is written in. */
  lang: Lang;
  /** True when the page's language has no body and this is the other language's. */
  fallback: boolean;
  headings: Array<{ depth: number; slug: string; text: string }>;
}

/** The graph plus what only the site needs: rendered bodies and lookups. */
export interface SiteCatalogue extends CatalogueGraph {
  /** An entry's rendered body, read from the body cache when a page asks for it (no page holds another's). */
  bodyOf: (id: string, lang: Lang) => Promise<EntryBody | undefined>;
  sectorById: Map<string, CatalogueGraph['sectors'][number]>;
  topicById: Map<string, CatalogueGraph['topics'][number]>;
  issuerById: Map<string, CatalogueGraph['bodies'][number]>;
  metricById: Map<string, CatalogueGraph['metrics'][number]>;
  /** The entry with this id; throws when the graph has none (a page asked for an id the catalogue does not hold). */
  entry: (id: string) => CatalogueGraph['entries'][number];
  sector: (id: string) => CatalogueGraph['sectors'][number];
  topic: (id: string) => CatalogueGraph['topics'][number];
  issuer: (id: string) => CatalogueGraph['bodies'][number];
  metric: (id: string) => CatalogueGraph['metrics'][number];
  /** When the data was read (ISO time). */
  generated: string;
  /** The git history of the entries (status `git`), or why there is none. */
  history: History;
  /** An entry's changes, newest first, at most ENTRY_CHANGES_MAX (empty without history). */
  changesOf: (id: string) => EntryHistoryItem[];
  /** How many changes an entry has in the history, including those not kept. */
  changeCountOf: (id: string) => number;
  /** When an entry last changed: its newest commit, else its `updated` date, else its publication date. */
  lastChange: (id: string) => LastChange | undefined;
  /** The entry file's path in the repository (`content/standards/<id>.mdx`), for edit links. */
  sourcePath: (id: string) => string;
}

/** When an entry last changed, and what says so. */
export interface LastChange {
  day: string;
  /** `git`: its newest commit; `updated`/`published`: the entry's own date field (no history). */
  source: 'git' | 'updated' | 'published';
}

/** A look-up the checked catalogue guarantees: a miss is a bug in the site, said with the id. */
function found<T>(map: ReadonlyMap<string, T>, id: string, kind: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`the catalogue has no ${kind} ${JSON.stringify(id)}`);
  return value;
}

let cached: Promise<SiteCatalogue> | undefined;

async function build(): Promise<SiteCatalogue> {
  const [standards, sectors, topics, bodies, metrics, targets, historyRecords] = await Promise.all([
    getCollection('standards'),
    getCollection('sectors'),
    getCollection('topics'),
    getCollection('bodies'),
    getCollection('metrics'),
    getCollection('targets'),
    getCollection('history'),
  ]);
  const graph = buildGraph({ standards, sectors, topics, bodies, metrics, targets, today: today() });
  const bodyFiles = new Map(standards.map((s) => [s.id, (s.rendered?.metadata as BodyRef | undefined)?.file]));
  const bodyOf = async (id: string, lang: Lang): Promise<EntryBody | undefined> => {
    const file = bodyFiles.get(id);
    const bodies: LocalizedBody = file ? await readBody(file) : {};
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const found = bodies[lang]
      ? { lang, fallback: false, body: bodies[lang] }
      : bodies[other]
        ? { lang: other, fallback: true, body: bodies[other] }
        : undefined;
    return found && { ...found.body, lang: found.lang, fallback: found.fallback };
  };
  const history = (historyRecords.find((r) => r.id === HISTORY_RECORD)?.data as History | undefined) ?? {
    status: 'no-git',
    changes: [],
  };
  const byEntry = changesByEntry(history);
  const files = new Map(standards.map((s) => [s.id, s.filePath]));
  const lastChange = (id: string): LastChange | undefined => {
    // The newest dated change (a commit with an impossible time has no day).
    const newest = byEntry.get(id)?.items.find((c) => c.day !== undefined);
    if (newest?.day) return { day: newest.day, source: 'git' };
    const data = graph.byId.get(id)?.data;
    if (data?.updated) return { day: data.updated, source: 'updated' };
    if (data?.dates?.published) return { day: data.dates.published, source: 'published' };
    return undefined;
  };
  const sectorById = new Map(graph.sectors.map((s) => [s.id, s]));
  const topicById = new Map(graph.topics.map((t) => [t.id, t]));
  const issuerById = new Map(graph.bodies.map((b) => [b.id, b]));
  const metricById = new Map(graph.metrics.map((m) => [m.id, m]));
  return {
    ...graph,
    bodyOf,
    entry: (id) => found(graph.byId, id, 'entry'),
    sector: (id) => found(sectorById, id, 'sector'),
    topic: (id) => found(topicById, id, 'topic'),
    issuer: (id) => found(issuerById, id, 'issuer'),
    metric: (id) => found(metricById, id, 'metric'),
    history,
    changesOf: (id) => byEntry.get(id)?.items ?? [],
    changeCountOf: (id) => byEntry.get(id)?.total ?? 0,
    lastChange,
    // Astro gives the path relative to the project root when the file is inside it.
    sourcePath: (id) => files.get(id)?.replaceAll('\\', '/') ?? `content/standards/${id}.mdx`,
    sectorById,
    topicById,
    issuerById,
    metricById,
    generated: new Date().toISOString(),
  };
}

/** The catalogue, built on first use and shared by every page of the build. */
export function getCatalogue(): Promise<SiteCatalogue> {
  return (cached ??= build());
}
