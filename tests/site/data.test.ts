/** /catalogue.json, /catalogue.csv and the feeds read back and checked against the source entries. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, standardSchema, type StandardData } from '../../src/lib/catalogue/index.ts';
import { site } from './helpers.ts';

interface JsonEntry extends StandardData {
  id: string;
  referencedBy: string[];
  supersededBy: string[];
  inForce: boolean;
  url: string;
  doctypeDerived: string;
}
interface JsonTarget {
  id: string;
  threshold: number;
  deadline: string;
  count: number;
  countByDeadline: number;
  bySector: Record<string, number>;
  ids: string[];
  filter: Record<string, unknown>;
}
let json: { generated: string; entries: JsonEntry[]; targets: JsonTarget[] };
let source: Map<string, StandardData>;

beforeAll(async () => {
  json = JSON.parse(await readFile(path.join(site().dir, 'catalogue.json'), 'utf8'));
  const loaded = await loadCatalogue(path.dirname(site().content));
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  source = new Map(loaded.catalogue.standards.map((s) => [s.id, s.data]));
});

describe('/catalogue.json', () => {
  it('has a generation time and one entry per source file', () => {
    expect(new Date(json.generated).toISOString()).toBe(json.generated);
    expect(json.entries.map((e) => e.id).sort()).toEqual([...source.keys()].sort());
  });

  it('carries every frontmatter field of every entry as authored', () => {
    for (const entry of json.entries) {
      const data = source.get(entry.id)!;
      for (const field of Object.keys(standardSchema.shape) as Array<keyof StandardData>) {
        expect(entry[field], `${entry.id}.${field}`).toEqual(
          JSON.parse(JSON.stringify(data[field] ?? null)) ?? undefined,
        );
      }
    }
  });

  it('derives back-links, in-force state and URLs from the source', () => {
    const referencedBy = new Map<string, string[]>();
    const supersededBy = new Map<string, string[]>();
    for (const [id, data] of source) {
      for (const r of data.references) referencedBy.set(r, [...(referencedBy.get(r) ?? []), id]);
      for (const r of data.supersedes) supersededBy.set(r, [...(supersededBy.get(r) ?? []), id]);
    }
    for (const entry of json.entries) {
      expect(entry.referencedBy.sort(), entry.id).toEqual((referencedBy.get(entry.id) ?? []).sort());
      expect(entry.supersededBy.sort(), entry.id).toEqual((supersededBy.get(entry.id) ?? []).sort());
      const starts = entry.dates?.effective ?? entry.dates?.published;
      const informative = entry.doctypeDerived === 'report' || entry.doctypeDerived === 'guide';
      expect(entry.inForce, entry.id).toBe(
        entry.status === 'published' && !informative && (starts === undefined || starts <= '2026-11-25'),
      );
      expect(entry.url).toBe(`/standards/${entry.id}/`);
    }
  });

  it('counts each target as the plan does: Chinese 5G standards of the key industries published since the plan', () => {
    const industry = [...source].filter(
      ([, d]) =>
        d.tier === 'industry' &&
        d.scope === '5g' &&
        ['national', 'industry', 'group'].includes(d.level) &&
        (d.status === 'published' || d.status === 'superseded') &&
        d.dates?.published !== undefined &&
        d.dates.published >= '2021-07-05',
    );
    const key = industry.filter(([, d]) => d.key);
    const byId = Object.fromEntries(json.targets.map((t) => [t.id, t]));
    expect(Object.keys(byId).sort()).toEqual(['industry-standards', 'key-industry-standards']);
    for (const target of json.targets) {
      const selected = target.id === 'key-industry-standards' ? key : industry;
      expect(target.ids.sort()).toEqual(selected.map(([i]) => i).sort());
      expect(target.count).toBe(selected.length);
      expect(target.threshold).toBe(30);
      expect(target.deadline).toBe('2023-12-31');
      expect(target.countByDeadline).toBe(
        selected.filter(([, d]) => d.dates?.published && d.dates.published <= '2023-12-31').length,
      );
      for (const [sector, n] of Object.entries(target.bySector))
        expect(n).toBe(selected.filter(([, d]) => d.sectors.includes(sector)).length);
    }
    expect(byId['key-industry-standards']!.ids).toEqual(['probe-key-industry']);
    // Never an international specification or a background standard.
    for (const id of byId['industry-standards']!.ids)
      expect(source.get(id)!.level !== 'international' && source.get(id)!.scope === '5g', id).toBe(true);
  });

  it('links every counted entry, with its date, on the progress page of both languages', async () => {
    for (const [root, prefix] of [
      ['', '/'],
      ['en', '/en/'],
    ] as const) {
      const html = await readFile(path.join(site().dir, root, 'progress', 'index.html'), 'utf8');
      for (const target of json.targets)
        for (const id of target.ids) {
          expect(html, `${prefix}progress/ ${id}`).toContain(`href="${prefix}standards/${id}/"`);
          const published = source.get(id)!.dates!.published!;
          expect(html, `${prefix}progress/ date of ${id}`).toContain(published);
        }
    }
  });

  it('shows the same counts on the home and progress pages', async () => {
    const html = await readFile(path.join(site().dir, 'progress', 'index.html'), 'utf8');
    const figure = (t: JsonTarget) =>
      `<p class="figure">${t.count}<small> / ${t.threshold}</small> <small class="percent">${Math.round((t.count / t.threshold) * 1000) / 10}%</small></p>`;
    for (const target of json.targets) expect(html).toContain(figure(target));
    const home = await readFile(path.join(site().dir, 'en', 'index.html'), 'utf8');
    for (const target of json.targets) expect(home).toContain(figure(target));
  });
});

describe('/catalogue.csv', () => {
  it('is UTF-8 with a BOM and has one row per entry', async () => {
    const bytes = await readFile(path.join(site().dir, 'catalogue.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Array<Record<string, string>> = parse(bytes.subarray(3).toString('utf8'), { columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual([...source.keys()].sort());
    const probe = rows.find((r) => r.id === 'probe-key-industry')!;
    expect(probe).toMatchObject({
      code: 'T/PROBE 1-2023',
      title_zh: '探针标准：港口远程控制',
      sectors: 'ports; power',
      key: 'true',
    });
  });
});

describe('the Atom feeds and the sitemap', () => {
  it('list entries newest update first, with absolute links', async () => {
    for (const file of ['feed.xml', 'en/feed.xml']) {
      const xml = await readFile(path.join(site().dir, file), 'utf8');
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      const entries = feed.entry as Array<{ updated: string; link: { '@_href': string } }>;
      expect(entries.length).toBeGreaterThan(10);
      const dates = entries.map((e) => e.updated);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(entries[0]!.link['@_href']).toMatch(/^https?:\/\/.+\/standards\/probe-key-industry\/$/);
    }
  });

  it('lists every page of both languages in the sitemap', async () => {
    const xml = await readFile(path.join(site().dir, 'sitemap-0.xml'), 'utf8');
    expect(xml).toContain('/standards/probe-key-industry/</loc>');
    expect(xml).toContain('/en/standards/probe-key-industry/</loc>');
    expect(xml).not.toContain('404');
  });
});
