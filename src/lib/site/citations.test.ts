import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { EntryNode } from '../catalogue/graph.ts';
import {
  bibText,
  catalogueBibtex,
  catalogueCitationOf,
  catalogueCitationText,
  CATALOGUE_KEY,
  citationOf,
  toBibtex,
  toCsl,
  toRis,
} from './citations.ts';

const issuers = new Map([
  ['ccsa', { data: { name: { zh: '中国通信标准化协会', en: 'China Communications Standards Association' } } }],
  ['miit', { data: { name: { zh: '工业和信息化部', en: 'MIIT' } } }],
]);
const entry = {
  id: 'yd-t-9999-2024',
  path: 'standards/yd-t-9999-2024/',
  authority: 'miit',
  data: {
    code: 'YD/T 9999-2024',
    title: { zh: '5G网络{切片}技术要求：100% & A_B #1 $x ~y ^z \\w', en: 'Slicing {requirements}: 100% & A_B' },
    level: 'industry',
    body: 'ccsa',
    status: 'published',
    version: 'v1_0',
    dates: { published: '2024-03-01' },
    sources: [{ label: 'x', url: 'https://example.org/a_b?x=1&y=2%20z' }],
  },
} as unknown as EntryNode;
const citation = citationOf(issuers, entry, 'https://site.example/');

describe('citations', () => {
  it('escape BibTeX specials and keep Chinese text, so a well-kept parser reads the fields back', () => {
    expect(bibText('{a}%&_#$~^\\')).toBe(
      '\\{a\\}\\%\\&\\_\\#\\$\\textasciitilde{}\\textasciicircum{}\\textbackslash{}',
    );
    const parsed = parseBibtex(toBibtex(citation));
    expect(parsed.errors).toEqual([]);
    const e = parsed.entries[0]!;
    expect(e.type).toBe('standard');
    expect(e.key).toBe('yd-t-9999-2024');
    expect(e.fields.title).toBe('5G网络{切片}技术要求：100% & A_B #1 $x ~y ^z \\w');
    expect(e.fields.titleaddon).toBe('[Slicing {requirements}: 100% & A_B]');
    expect(e.fields.number).toBe('YD/T 9999-2024');
    expect(e.fields.organization).toEqual(['中国通信标准化协会']);
    expect(e.fields.publisher).toEqual(['工业和信息化部']);
    expect(e.fields.date).toBe('2024-03-01');
    expect(e.fields.version).toBe('v1_0');
    expect(e.fields.url).toBe('https://example.org/a_b?x=1&y=2%20z');
  });

  it('write RIS that citation-js reads back as a standard', async () => {
    const ris = toRis(citation);
    expect(ris.startsWith('TY  - STAND\r\n')).toBe(true);
    const [item] = (await Cite.async(ris)).data;
    expect(item).toMatchObject({
      type: 'standard',
      number: 'YD/T 9999-2024',
      title: '5G网络{切片}技术要求：100% & A_B #1 $x ~y ^z \\w',
      URL: 'https://example.org/a_b?x=1&y=2%20z',
    });
    expect(item.issued['date-parts']).toEqual([[2024, 3, 1]]);
    expect(item.note).toContain('English title: Slicing {requirements}: 100% & A_B');
  });

  it('write CSL-JSON that citation-js accepts', async () => {
    const [item] = (await Cite.async([toCsl(citation)])).data;
    expect(item).toMatchObject({ type: 'standard', number: 'YD/T 9999-2024', language: 'zh-CN' });
  });

  it('cite international standards by their English title', () => {
    const intl = citationOf(
      issuers,
      { ...entry, data: { ...entry.data, level: 'international' } },
      'https://site.example/',
    );
    expect(intl.title).toBe('Slicing {requirements}: 100% & A_B');
    expect(intl.language).toBe('en');
  });
});

describe('what a citation identifies', () => {
  const spec = {
    ...entry,
    id: '3gpp-ts-23-501',
    path: 'standards/3gpp-ts-23-501/',
    authority: undefined,
    data: { ...entry.data, code: '3GPP TS 23.501', level: 'international', version: '16.9.0', release: 'R16' },
  } as unknown as EntryNode;

  it('carries the version and the release in BibTeX, RIS and CSL-JSON', async () => {
    const c = citationOf(issuers, spec, 'https://std.example.net');
    expect(c.version).toBe('16.9.0 (Release 16)');
    expect(parseBibtex(toBibtex(c)).entries[0]!.fields.version).toBe('16.9.0 (Release 16)');
    expect(toRis(c)).toContain('ET  - 16.9.0 (Release 16)\r\n');
    expect(toCsl(c).version).toBe('16.9.0 (Release 16)');
    const releaseOnly = citationOf(
      issuers,
      { ...spec, data: { ...spec.data, version: undefined, release: 'R17' } } as unknown as EntryNode,
      'https://std.example.net',
    );
    expect(releaseOnly.version).toBe('Release 17');
    const [item] = (await Cite.async(toRis(releaseOnly))).data;
    expect(item.note).toContain('Version: Release 17');
  });

  it('names the page at the site’s real address, under the base path; none in a preview', () => {
    const c = citationOf(issuers, spec, 'https://std.example.net');
    expect(c.page).toBe('https://std.example.net/standards/3gpp-ts-23-501/');
    expect(parseBibtex(toBibtex(c)).entries[0]!.fields.addendum).toContain(
      'https://std.example.net/standards/3gpp-ts-23-501/',
    );
    const preview = citationOf(issuers, spec, undefined);
    expect(preview.page).toBeUndefined();
    for (const text of [toBibtex(preview), toRis(preview), JSON.stringify(toCsl(preview))]) {
      expect(text).not.toContain('standards/3gpp-ts-23-501');
      expect(text).not.toContain('std.example.net');
    }
    expect(parseBibtex(toBibtex(preview)).errors).toEqual([]);
  });

  it('gives the year alone, never a day, when only the designation’s year is known', async () => {
    const c = citationOf(
      issuers,
      { ...entry, datedBy: 'year', year: 2024, data: { ...entry.data, dates: undefined } } as unknown as EntryNode,
      undefined,
    );
    expect(c.date).toBe('2024');
    expect(parseBibtex(toBibtex(c)).entries[0]!.fields.date).toBe('2024');
    expect(toRis(c)).toContain('PY  - 2024\r\n');
    expect(toRis(c)).not.toContain('DA  -');
    expect(toCsl(c).issued).toEqual({ 'date-parts': [[2024]] });
    const [item] = (await Cite.async(toRis(c))).data;
    expect(item.issued['date-parts']).toEqual([[2024]]);
  });
});

describe('the catalogue itself', () => {
  it('is the first entry of catalogue.bib, with its title, edition date and address', () => {
    const self = catalogueCitationOf(127, '2026-11-25', 'https://std.example.net');
    const bib = catalogueBibtex([citation], self);
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    const first = parsed.entries[0]!;
    expect(first.key).toBe(CATALOGUE_KEY);
    expect(first.type).toBe('online');
    expect(first.fields).toMatchObject({
      title: '5G应用标准目录',
      titleaddon: '[5G Application Standards Catalogue]',
      date: '2026-11-25',
      url: 'https://std.example.net/',
      urldate: '2026-11-25',
    });
    expect(parsed.entries.map((e) => e.key)).toEqual([CATALOGUE_KEY, 'yd-t-9999-2024']);
    expect(catalogueCitationText(self, 'en')).toBe(
      '5G Application Standards Catalogue (edition of 2026-11-25). https://std.example.net/',
    );
    expect(catalogueCitationText(self, 'zh')).toBe('5G应用标准目录（2026-11-25 版）. https://std.example.net/');
  });

  it('names no address in a preview', () => {
    const self = catalogueCitationOf(127, '2026-11-25', undefined);
    const parsed = parseBibtex(catalogueBibtex([], self));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries[0]!.fields.url).toBeUndefined();
    expect(catalogueCitationText(self, 'en')).toBe('5G Application Standards Catalogue (edition of 2026-11-25)');
  });
});

describe('citations of a versioned document', () => {
  it('cite the version the entry describes, dated by that version rather than by the first publication', () => {
    const spec = {
      ...entry,
      id: '3gpp-ts-1',
      data: {
        ...entry.data,
        code: '3GPP TS 22.186',
        level: 'international',
        version: '19.0.0',
        versions: [
          { version: '15.0.0', date: '2017-03-17', release: 'R15' },
          { version: '19.0.0', date: '2025-10-15', release: 'R19' },
        ],
        dates: { published: '2017-03-17' },
      },
    } as unknown as EntryNode;
    const c = citationOf(issuers, spec, 'https://site.example/');
    // The release is that of the version cited (R19), not a release the entry might name for itself.
    expect([c.version, c.date]).toEqual(['19.0.0 (Release 19)', '2025-10-15']);
    expect(toCsl(c)).toMatchObject({ version: '19.0.0 (Release 19)', issued: { 'date-parts': [[2025, 10, 15]] } });
    expect(toRis(c)).toContain('DA  - 2025/10/15\r\n');
    expect(parseBibtex(toBibtex(c)).entries[0]!.fields.version).toBe('19.0.0 (Release 19)');
  });
});
