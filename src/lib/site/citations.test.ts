import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { EntryNode } from '../catalogue/graph.ts';
import { bibText, citationOf, toBibtex, toCsl, toRis } from './citations.ts';

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
    expect([c.version, c.date]).toEqual(['19.0.0', '2025-10-15']);
    expect(toCsl(c)).toMatchObject({ version: '19.0.0', issued: { 'date-parts': [[2025, 10, 15]] } });
    expect(toRis(c)).toContain('DA  - 2025/10/15\r\n');
    expect(parseBibtex(toBibtex(c)).entries[0]!.fields.version).toBe('19.0.0');
  });
});
