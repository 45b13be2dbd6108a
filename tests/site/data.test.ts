/** /catalogue.json, /catalogue.csv and the feeds read back and checked against the source entries. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, standardSchema, type StandardData } from '../../src/lib/catalogue/index.ts';
import { ui } from '../../src/i18n/index.ts';
import { baseSite, site } from './helpers.ts';

/** The year a designation ends with (`GB/T 42126.5-2024`), written again here so that the test does not trust the code. */
const yearOf = (code: string) => {
  const m = /[-–—:](\d{4})$/.exec(code.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
};
/** A published entry with no day of publication whose designation carries a year: dated by that year. */
const yearOnly = (d: StandardData) =>
  !d.dates?.published && ['published', 'superseded', 'withdrawn'].includes(d.status) ? yearOf(d.code) : undefined;
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface JsonEntry extends StandardData {
  id: string;
  referencedBy: string[];
  supersededBy: string[];
  inForce: boolean;
  state: string;
  datedBy?: 'year';
  year?: number;
  url: string;
  doctypeDerived: string;
}
interface JsonTarget {
  id: string;
  threshold: number;
  deadline: string;
  count: number;
  countByDeadline: number;
  countedByYear: number;
  undated: number;
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
      // A state is a claim from evidence: with no date, a published entry is never in force.
      expect(entry.inForce, entry.id).toBe(
        entry.status === 'published' && !informative && starts !== undefined && starts <= '2026-11-25',
      );
      if (entry.status === 'published' && starts === undefined) expect(entry.state, entry.id).toBe('published-undated');
      // Dated by the designation's year exactly when the day is unknown and the designation has one.
      const year = yearOnly(source.get(entry.id)!);
      expect(entry.datedBy, entry.id).toBe(year === undefined ? undefined : 'year');
      expect(entry.year, entry.id).toBe(year);
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
        // The day, or else a designation year whose whole year lies after the plan's date (5 July 2021).
        (d.dates?.published !== undefined ? d.dates.published >= '2021-07-05' : (yearOnly(d) ?? 0) > 2021),
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
        selected.filter(([, d]) =>
          d.dates?.published ? d.dates.published <= '2023-12-31' : (yearOnly(d) ?? 9999) <= 2023,
        ).length,
      );
      expect(target.countedByYear).toBe(selected.filter(([, d]) => yearOnly(d) !== undefined).length);
      for (const [sector, n] of Object.entries(target.bySector))
        expect(n).toBe(selected.filter(([, d]) => d.sectors.includes(sector)).length);
    }
    expect(byId['key-industry-standards']!.ids).toEqual(['probe-key-industry']);
    // A 5G standard of the key industries whose day is unknown counts by its designation's year (the probe, 2022).
    expect(byId['industry-standards']!.ids).toContain('probe-year-only');
    expect(byId['industry-standards']!.countedByYear).toBeGreaterThanOrEqual(1);
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
      const t = ui(root === 'en' ? 'en' : 'zh');
      for (const target of json.targets)
        for (const id of target.ids) {
          expect(html, `${prefix}progress/ ${id}`).toContain(`href="${prefix}standards/${id}/"`);
          const year = yearOnly(source.get(id)!);
          // The year alone where only the designation gives it, never an invented day.
          expect(html, `${prefix}progress/ date of ${id}`).toContain(
            year === undefined ? source.get(id)!.dates!.published! : escapeText(t.progress.publishedInYear(year)),
          );
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

  it('says on the home and progress pages, in both languages, that the count is a lower bound and why, with a legend for every segment', async () => {
    const target = json.targets.find((t) => t.id === 'industry-standards')!;
    for (const lang of ['zh', 'en'] as const) {
      const t = ui(lang);
      for (const page of ['', 'progress/']) {
        const html = await readFile(path.join(site().dir, lang === 'en' ? 'en' : '', page, 'index.html'), 'utf8');
        const sentence = escapeText(t.progress.atLeast(target.count, target.countedByYear, target.undated));
        expect(html, `${lang} ${page}`).toContain(`<p class="lower-bound">${sentence}</p>`);
        for (const legend of [
          t.progress.legendByDeadline(target.countByDeadline),
          t.progress.legendAfterDeadline(target.count - target.countByDeadline),
          t.progress.legendToGo(Math.max(0, target.threshold - target.count)),
        ])
          expect(html, `${lang} ${page} legend`).toContain(escapeText(legend));
      }
    }
    expect(ui('en').progress.atLeast(target.count, target.countedByYear, target.undated)).toContain(
      `, ${target.countedByYear} of them by the year in their designation`,
    );
  });

  it('shows an undated entry as published with the date unknown, with its designation year, never in force', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = ui(lang);
      const html = await readFile(
        path.join(site().dir, lang === 'en' ? 'en' : '', 'standards', 'probe-year-only', 'index.html'),
        'utf8',
      );
      expect(html).toContain(
        `<span class="badge state-published-undated">${escapeText(t.states['published-undated'])}</span>`,
      );
      expect(html).toContain(escapeText(t.entry.yearFromDesignation(2022)));
      expect(html).not.toContain('state-in-force');
      expect(html).not.toContain(`>${t.states['in-force']}<`);
    }
    expect(ui('zh').states['published-undated']).toBe('已发布（日期不详）');
    expect(ui('en').states['published-undated']).toBe('Published (date unknown)');
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
  it('list entries newest update first; a preview links root-relative and names no domain', async () => {
    for (const file of ['feed.xml', 'en/feed.xml']) {
      const xml = await readFile(path.join(site().dir, file), 'utf8');
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      const entries = feed.entry as Array<{ updated: string; link: { '@_href': string } }>;
      expect(entries.length).toBeGreaterThan(10);
      const dates = entries.map((e) => e.updated);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(entries[0]!.link['@_href']).toBe(`/${file.startsWith('en/') ? 'en/' : ''}standards/probe-key-industry/`);
      expect(feed.id).toMatch(/^urn:uuid:/);
    }
  });

  it('lists every page of both languages in the sitemap (of a build with SITE_URL)', async () => {
    const xml = await readFile(path.join(baseSite().dir, 'sitemap-0.xml'), 'utf8');
    expect(xml).toContain('/catalogue/standards/probe-key-industry/</loc>');
    expect(xml).toContain('/catalogue/en/standards/probe-key-industry/</loc>');
    expect(xml).not.toContain('404');
  });
});

describe('versions on the pages, in compare data and in citations', () => {
  const read = (...parts: string[]) => readFile(path.join(site().dir, ...parts), 'utf8');

  it('shows the version history, the version described and the version rows were read from', async () => {
    const html = await read('en', 'standards', 'probe-future', 'index.html');
    expect(html).toContain('<h2 id="versions">Version history</h2>');
    expect(html).toMatch(/<dt>Version<\/dt>\s*<dd>2\.0 \(2026-10-01\)<\/dd>/);
    expect(html).toMatch(/<dt>Requirement rows read from<\/dt>\s*<dd>1\.0<\/dd>/);
    expect(html).toContain('The figures below were read from version 1.0 of the document.');
    expect(html).toMatch(/<tr class="described">\s*<th scope="row">2\.0<\/th>/);
    expect(html).toMatch(/<small class="req-version">\s*Version 1\.0\s*<\/small>/);
    const zh = await read('standards', '3gpp-ts-22-186', 'index.html');
    expect(zh).toContain('全部 12 个版本（15.0.0 至 19.0.0）');
    expect(zh).toMatch(/<dd>19\.0\.0 \(2025-10-15, R19\)<\/dd>/);
  });

  it('says why an entry has its scope, and when only one source shows it', async () => {
    const html = await read('en', 'standards', 'gb-t-42126-1-2022', 'index.html');
    expect(html).toContain('<p class="field-note scope-note" lang="en">Its title and the text extracts');
    expect(html).toContain('Only one source shows this standard');
    expect(await read('en', 'standards', '3gpp-ts-22-186', 'index.html')).not.toContain('Only one source shows');
  });

  it('gives compare data and citations the version an entry describes, dated by that version', async () => {
    expect(await read('compare', 'data', '3gpp-ts-22-186.js')).toContain('"version":"19.0.0 (2025-10-15, R19)"');
    expect(await read('compare', 'data', 'probe-future.js')).toContain('"readFrom":["1.0"]');
    const bib = await read('cite', '3gpp-ts-22-186.bib');
    expect(bib).toContain('date = {2025-10-15},');
    // With the release of the version cited.
    expect(bib).toContain('version = {19.0.0 (Release 19)},');
  });
});
