import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { entryJsonLd, openSearchXml, scriptJson } from './discovery.ts';
import { localizeBodyLinks } from './body-links.ts';

describe('scriptJson', () => {
  it('cannot close its script element or open a comment, and parses back to the same value', () => {
    const hostile = { title: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = scriptJson(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});

describe('openSearchXml', () => {
  it('describes the search page with a {searchTerms} template, escaping every text', () => {
    const xml = openSearchXml({
      shortName: 'A & B <catalogue> with a long name',
      description: 'Find "x" & <y>',
      lang: 'en',
      searchPage: 'https://x.org/cat/en/search/',
      self: 'https://x.org/cat/en/opensearch.xml',
      icon: 'https://x.org/cat/favicon.svg',
    });
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml).OpenSearchDescription;
    expect(doc.ShortName).toBe('A & B <catalogue');
    expect(xml).toContain('<ShortName>A &amp; B &lt;catalogue</ShortName>');
    expect(doc.Description).toBe('Find "x" & <y>');
    expect(doc.Url[0]).toMatchObject({
      '@_type': 'text/html',
      '@_template': 'https://x.org/cat/en/search/?q={searchTerms}',
    });
  });
});

describe('entryJsonLd', () => {
  it('names the standard and its issuer, with its dates', () => {
    const entry = {
      state: 'in-force' as const,
      data: {
        code: 'YD/T 1-2024',
        title: { zh: '测试', en: 'Test' },
        summary: { en: 'S' },
        sources: [{ label: 'x', url: 'https://s.example/1' }],
        dates: { published: '2024-01-01' },
      },
    } as never;
    const ld = entryJsonLd(entry, {
      lang: 'en',
      url: 'https://x.org/en/standards/a/',
      issuer: { name: 'CCSA' },
      modified: '2025-02-02',
      site: { name: 'Cat', url: 'https://x.org/en/' },
    });
    expect(ld).toMatchObject({
      '@type': 'CreativeWork',
      name: 'YD/T 1-2024 Test',
      identifier: 'YD/T 1-2024',
      alternateName: ['YD/T 1-2024', '测试'],
      description: 'S',
      datePublished: '2024-01-01',
      dateModified: '2025-02-02',
      publisher: { name: 'CCSA' },
      sameAs: ['https://s.example/1'],
    });
  });
});

describe('localizeBodyLinks', () => {
  const html =
    '<p><a href="/standards/x/">x</a> <a href="/en/sectors/ports/">p</a> <a href="//cdn.example.org/">c</a> <a href="https://x.org/">e</a> <img src="/img/a.png" alt=""></p>';
  it('sends links to the page language, under the base path', () => {
    expect(localizeBodyLinks(html, 'en', '/catalogue/')).toBe(
      '<p><a href="/catalogue/en/standards/x/">x</a> <a href="/catalogue/en/sectors/ports/">p</a> <a href="//cdn.example.org/">c</a> <a href="https://x.org/">e</a> <img src="/catalogue/img/a.png" alt=""></p>',
    );
    expect(localizeBodyLinks(html, 'zh', '/')).toBe(html);
  });

  it('leaves text that only looks like a link attribute (in code) as written', () => {
    const code = '<p><code>&#x3C;a href="/standards/x/"></code> and <a href="/standards/x/?a=1&#x26;b=2">x</a></p>';
    expect(localizeBodyLinks(code, 'en', '/')).toBe(
      '<p><code>&#x3C;a href="/standards/x/"></code> and <a href="/en/standards/x/?a=1&amp;b=2">x</a></p>',
    );
  });
});
