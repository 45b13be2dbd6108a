/**
 * The catalogue as pages see it: the collections read once, the graph built once per build.
 * Pages only read from here; they never recompute what the graph knows.
 */
import { getCollection } from 'astro:content';
import { buildGraph, type CatalogueGraph } from '../catalogue/graph.ts';
import { today } from '../catalogue/dates.ts';

/** A rendered entry body. */
export interface EntryBody {
  html: string;
  text: string;
  lang: 'zh' | 'en';
  headings: Array<{ depth: number; slug: string; text: string }>;
}

/** The graph plus what only the site needs: rendered bodies and lookups. */
export interface SiteCatalogue extends CatalogueGraph {
  bodyOf: (id: string) => EntryBody;
  sectorById: Map<string, CatalogueGraph['sectors'][number]>;
  topicById: Map<string, CatalogueGraph['topics'][number]>;
  issuerById: Map<string, CatalogueGraph['bodies'][number]>;
  metricById: Map<string, CatalogueGraph['metrics'][number]>;
  /** When the data was read (ISO time). */
  generated: string;
}

let cached: Promise<SiteCatalogue> | undefined;

async function build(): Promise<SiteCatalogue> {
  const [standards, sectors, topics, bodies, metrics, targets] = await Promise.all([
    getCollection('standards'),
    getCollection('sectors'),
    getCollection('topics'),
    getCollection('bodies'),
    getCollection('metrics'),
    getCollection('targets'),
  ]);
  const graph = buildGraph({ standards, sectors, topics, bodies, metrics, targets, today: today() });
  const rendered = new Map(
    standards.map((s) => {
      const meta = (s.rendered?.metadata ?? {}) as Partial<EntryBody>;
      return [s.id, { html: s.rendered?.html ?? '', text: meta.text ?? '', lang: meta.lang ?? s.data.lang, headings: meta.headings ?? [] }];
    }),
  );
  return {
    ...graph,
    bodyOf: (id) => rendered.get(id)!,
    sectorById: new Map(graph.sectors.map((s) => [s.id, s])),
    topicById: new Map(graph.topics.map((t) => [t.id, t])),
    issuerById: new Map(graph.bodies.map((b) => [b.id, b])),
    metricById: new Map(graph.metrics.map((m) => [m.id, m])),
    generated: new Date().toISOString(),
  };
}

/** The catalogue, built on first use and shared by every page of the build. */
export function getCatalogue(): Promise<SiteCatalogue> {
  return (cached ??= build());
}
