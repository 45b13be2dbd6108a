import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../tests/unit/helpers.ts';
import { buildGraph, type CatalogueGraph } from '../catalogue/graph.ts';
import { loadCatalogue } from '../catalogue/load.ts';
import { atomFeed, catalogueCsv, catalogueJson, CSV_COLUMNS, nameUrn } from './exports.ts';

let graph: CatalogueGraph;
beforeAll(async () => {
  const { catalogue } = await loadCatalogue(path.join(FIXTURES, 'catalogue'));
  graph = buildGraph({ ...catalogue, today: '2025-01-01' });
});

describe('/catalogue.json', () => {
  it('carries every frontmatter field as authored, then the derived data', () => {
    const json = catalogueJson(graph, '2025-01-01T00:00:00.000Z');
    const b = json.entries.find((e) => e.id === 'spec-b')!;
    expect(b).toMatchObject({
      id: 'spec-b',
      code: 'YD/T 9001-2020',
      title: { zh: '测试标准B', en: 'Test standard B' },
      tier: 'industry',
      sectors: ['ports', 'power'],
      status: 'superseded',
      key: true,
      dates: { published: '2020-03-01', effective: '2020-07-01' },
      references: ['spec-a'],
      adopts: [{ id: 'spec-a', degree: 'modified' }],
      plan: ['12', 'box-1'],
      referencedBy: [],
      supersededBy: ['spec-c'],
      inForce: false,
      state: 'superseded',
      url: '/standards/spec-b/',
      urlEn: '/en/standards/spec-b/',
    });
    expect(json.entries.find((e) => e.id === 'spec-a')!.requirementValues[0]).toEqual({
      id: 'lat',
      metric: 'latency',
      comparator: '<=',
      canonical: { unit: 'ms', value: 0.5 },
    });
    expect(json.generated).toBe('2025-01-01T00:00:00.000Z');
  });

  it('gives each target its count, threshold, deadline, sectors and the ids it counted', () => {
    const [target] = catalogueJson(graph, 'x').targets;
    expect(target).toMatchObject({
      id: 'industry-standards',
      threshold: 2,
      deadline: '2023-12-31',
      count: 1,
      countByDeadline: 0,
      ids: ['spec-c'],
      bySector: { ports: 1, mining: 0, power: 0 },
    });
  });
});

describe('an entry dated by the year of its designation', () => {
  let undated: CatalogueGraph;
  beforeAll(async () => {
    const { catalogue } = await loadCatalogue(path.join(FIXTURES, 'catalogue'));
    const c = catalogue.standards.find((s) => s.id === 'spec-c')!;
    const extra = { ...c, id: 'spec-d', data: { ...c.data, code: 'YD/T 9004-2022', dates: undefined } };
    const windowed = catalogue.targets.map((t) => ({
      ...t,
      data: { ...t.data, filter: { ...t.data.filter, published: { from: '2021-07-05' } } },
    }));
    undated = buildGraph({
      ...catalogue,
      standards: [...catalogue.standards, extra],
      targets: windowed,
      today: '2025-01-01',
    });
  });

  it('carries datedBy "year" and the year in /catalogue.json, and a state that claims no date', () => {
    const json = catalogueJson(undated, 'x');
    expect(json.entries.find((e) => e.id === 'spec-d')).toMatchObject({
      datedBy: 'year',
      year: 2022,
      state: 'published-undated',
      inForce: false,
    });
    expect(json.entries.find((e) => e.id === 'spec-d')!.dates).toBeUndefined();
    // Absent when the day is known.
    expect('datedBy' in json.entries.find((e) => e.id === 'spec-c')!).toBe(false);
  });

  it('tells how many each target counted by the year alone, and how many it could not place', () => {
    const [target] = catalogueJson(undated, 'x').targets;
    expect(target).toMatchObject({
      count: 2,
      countByDeadline: 1,
      countedByYear: 1,
      countedByYearByDeadline: 1,
      undated: 0,
      ids: ['spec-d', 'spec-c'],
    });
  });

  it('gives the year and how it is known in /catalogue.csv, never a day', () => {
    const rows: Array<Record<string, string>> = parse(catalogueCsv(undated).slice(1), { columns: true });
    expect(rows.find((r) => r.id === 'spec-d')).toMatchObject({
      published: '',
      published_year: '2022',
      dated_by: 'year',
      state: 'published-undated',
      in_force: 'false',
    });
    expect(rows.find((r) => r.id === 'spec-c')).toMatchObject({ published_year: '2024', dated_by: '' });
  });
});

describe('/catalogue.csv', () => {
  it('starts with a BOM and reads back as one row per entry', () => {
    const csv = catalogueCsv(graph);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: Array<Record<string, string>> = parse(csv.slice(1), { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(['spec-a', 'spec-b', 'spec-c']);
    expect(rows[1]).toMatchObject({
      title_zh: '测试标准B',
      sectors: 'ports; power',
      adopts: 'spec-a (modified)',
      state: 'superseded',
      superseded_by: 'spec-c',
    });
    expect(rows[0]!.requirements).toBe('latency <= 500 us; availability 99.9-99.999 %');
  });
});

describe('the Atom feed', () => {
  it('has the elements the Atom spec requires, newest first', () => {
    const xml = atomFeed(graph, 'en', new URL('https://example.org/'), { title: 'T', description: 'D' });
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: Record<string, unknown> & { entry: Array<Record<string, unknown>> };
    };
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated']) expect(doc.feed[field]).toBeTruthy();
    // RFC 4287: a feed whose entries have no author must have one itself.
    expect((doc.feed.author as { name: string }).name).toBe('T');
    const entries = doc.feed.entry;
    expect(entries.map((e) => e.id)).toEqual([
      'https://example.org/en/standards/spec-c/',
      'https://example.org/en/standards/spec-b/',
      'https://example.org/en/standards/spec-a/',
    ]);
    for (const entry of entries) {
      expect(entry.title).toBeTruthy();
      expect(String(entry.updated)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    }
    expect(doc.feed.updated).toBe(entries[0]!.updated);
    // Each entry carries its state, as its page gives it.
    expect(entries.map((e) => (e.category as Record<string, string>)['@_term'])).toEqual([
      'to-take-effect',
      'superseded',
      'in-force',
    ]);
    expect((entries[0]!.category as Record<string, string>)['@_label']).toBe('To take effect');
  });

  it('dates entries by the day they last changed when the site gives it (their history), and orders by it', () => {
    const days: Record<string, string> = { 'spec-a': '2026-07-07', 'spec-b': '2024-01-01', 'spec-c': '2025-05-05' };
    const xml = atomFeed(
      graph,
      'zh',
      new URL('https://example.org/'),
      { title: 'T', description: 'D' },
      (e) => days[e.id],
    );
    const entries = (new XMLParser().parse(xml) as { feed: { entry: Array<{ id: string; updated: string }> } }).feed
      .entry;
    expect(entries.map((e) => [e.id, e.updated])).toEqual([
      ['https://example.org/standards/spec-a/', '2026-07-07T00:00:00.000Z'],
      ['https://example.org/standards/spec-c/', '2025-05-05T00:00:00.000Z'],
      ['https://example.org/standards/spec-b/', '2024-01-01T00:00:00.000Z'],
    ]);
  });

  it('names no address in a preview: links are root-relative and ids name-based UUIDs', () => {
    const xml = atomFeed(graph, 'en', undefined, { title: 'T', description: 'D' });
    expect(xml).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { id: string; entry: Array<{ id: string; link: { '@_href': string } }> };
    };
    expect(doc.feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(doc.feed.entry.map((e) => e.link['@_href'])).toEqual([
      '/en/standards/spec-c/',
      '/en/standards/spec-b/',
      '/en/standards/spec-a/',
    ]);
    // Stable and distinct per entry and language.
    expect(doc.feed.entry[0]!.id).toBe(nameUrn('/en/standards/spec-c/'));
    expect(new Set(doc.feed.entry.map((e) => e.id)).size).toBe(3);
    expect(nameUrn('/standards/spec-c/')).not.toBe(nameUrn('/en/standards/spec-c/'));
  });
});
