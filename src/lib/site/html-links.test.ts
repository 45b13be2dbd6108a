import { describe, expect, it } from 'vitest';
import { relativeUrl, resolveUrl, scanHtml } from './html-links.ts';

describe('scanHtml', () => {
  it('finds URLs with their exact place, ids, scripts and the end of head', () => {
    const html =
      '<!doctype html><html><head><script type="module" src="/_astro/a.js"></script></head><body><a id="top" href="/standards/">x</a><form action=\'/search/\'></form></body></html>';
    const scan = scanHtml(html);
    expect(scan.urls.map((u) => [u.tag, u.attr, u.value, html.slice(u.start, u.end)])).toEqual([
      ['script', 'src', '/_astro/a.js', '/_astro/a.js'],
      ['a', 'href', '/standards/', '/standards/'],
      ['form', 'action', '/search/', '/search/'],
    ]);
    expect([...scan.ids]).toEqual(['top']);
    expect(scan.scripts).toEqual([{ src: '/_astro/a.js', type: 'module', start: 27, end: 77 }]);
    expect(html.slice(scan.headEnd, scan.headEnd + 7)).toBe('</head>');
  });
});

describe('resolveUrl', () => {
  const files = new Set([
    'index.html',
    'standards/index.html',
    'standards/a b/index.html',
    'catalogue.json',
    'en/standards/x/index.html',
  ]);
  const exists = (f: string) => files.has(f);
  it.each([
    ['/standards/', 'index.html', { file: 'standards/index.html', query: '', fragment: '' }],
    [
      '/standards/?tier=industry#top',
      'index.html',
      { file: 'standards/index.html', query: '?tier=industry', fragment: 'top' },
    ],
    ['../../standards/', 'en/standards/index.html', { file: 'standards/index.html', query: '', fragment: '' }],
    ['/standards/a%20b/', 'index.html', { file: 'standards/a b/index.html', query: '', fragment: '' }],
    ['/standards', 'index.html', { file: 'standards/index.html', query: '', fragment: '' }],
    ['#s-scope', 'en/standards/x/index.html', { file: 'en/standards/x/index.html', query: '', fragment: 's-scope' }],
    [
      'https://site.example/en/standards/x/',
      'index.html',
      { file: 'en/standards/x/index.html', query: '', fragment: '' },
    ],
  ])('%s from %s', (url, from, target) =>
    expect(resolveUrl(from, url, exists, 'https://site.example/')).toEqual(target),
  );

  it.each(['https://www.3gpp.org/', 'mailto:x@example.org', '//cdn.example.org/x.js', 'data:text/plain,x'])(
    'leaves %s alone',
    (url) => {
      expect(resolveUrl('index.html', url, exists, 'https://site.example/')).toBeUndefined();
    },
  );
});

describe('resolveUrl under a base path', () => {
  const files = new Set(['index.html', 'standards/index.html', 'en/standards/x/index.html', '_astro/a.css']);
  const exists = (f: string) => files.has(f);
  it.each([
    ['/catalogue/standards/', 'index.html', { file: 'standards/index.html', query: '', fragment: '' }],
    ['/catalogue/', 'en/standards/x/index.html', { file: 'index.html', query: '', fragment: '' }],
    ['/catalogue', 'index.html', { file: 'index.html', query: '', fragment: '' }],
    ['../../../_astro/a.css', 'en/standards/x/index.html', { file: '_astro/a.css', query: '', fragment: '' }],
    [
      'https://site.example/catalogue/en/standards/x/#top',
      'index.html',
      { file: 'en/standards/x/index.html', query: '', fragment: 'top' },
    ],
  ])('%s from %s', (url, from, target) =>
    expect(resolveUrl(from, url, exists, 'https://site.example/', '/catalogue/')).toEqual(target),
  );

  it.each(['/standards/', '/catalogue-old/x/', 'https://site.example/standards/', '../../../../x/'])(
    'marks %s as outside the base path',
    (url) => {
      expect(
        resolveUrl('en/standards/x/index.html', url, exists, 'https://site.example/', '/catalogue/'),
      ).toMatchObject({ outside: true });
    },
  );
});

describe('relativeUrl', () => {
  it.each([
    ['index.html', 'standards/index.html', 'standards/index.html'],
    ['en/standards/x/index.html', 'standards/index.html', '../../../standards/index.html'],
    ['en/standards/x/index.html', 'en/standards/y/index.html', '../y/index.html'],
    ['search/index.html', 'pagefind-offline.js', '../pagefind-offline.js'],
    ['a/index.html', 'a/index.html', 'index.html'],
    ['index.html', 'standards/a b/index.html', 'standards/a%20b/index.html'],
  ])('%s → %s', (from, to, url) => expect(relativeUrl(from, to)).toBe(url));
});
