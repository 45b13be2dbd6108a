import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../tests/unit/helpers.ts';
import { buildGraph, type CatalogueGraph } from '../catalogue/graph.ts';
import { loadCatalogue } from '../catalogue/load.ts';
import { atomFeed, xmlText } from './exports.ts';
import { feedAddress, feedList, feedOf, feedTitle, lastChangeText, pageFeed } from './feeds.ts';
import type { EntryHistoryItem } from './history.ts';

let graph: CatalogueGraph;
const SITE = { zh: '目录', en: 'Catalogue' };
beforeAll(async () => {
  const { catalogue } = await loadCatalogue(path.join(FIXTURES, 'catalogue'));
  graph = buildGraph({ ...catalogue, today: '2025-01-01' });
});

interface Entry {
  id: string;
  updated: string;
  title: string;
  summary: string;
  content?: string;
}
const entriesOf = (xml: string): Entry[] => {
  const feed = (new XMLParser().parse(xml) as { feed: { entry?: Entry | Entry[] } }).feed;
  return feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry];
};

describe('feedList', () => {
  it('lists the whole catalogue’s feed, then one per sector, topic and issuer with entries, at the contract’s paths', () => {
    const feeds = feedList(graph, SITE);
    expect(feeds[0]).toMatchObject({ kind: 'all', path: 'feed.xml', page: '' });
    expect(feeds[0]!.entries.length).toBe(graph.entries.length);
    expect(feeds.filter((f) => f.kind === 'sectors').map((f) => f.id)).toEqual(graph.sectors.map((s) => s.id));
    expect(feeds.filter((f) => f.kind === 'topics').length).toBe(graph.topics.length);
    const ports = feedOf(feeds, 'sectors', 'ports')!;
    expect(ports).toMatchObject({ path: 'sectors/ports/feed.xml', page: 'sectors/ports/' });
    expect(ports.entries.map((e) => e.id).sort()).toEqual(
      graph.entries
        .filter((e) => e.data.sectors.includes('ports'))
        .map((e) => e.id)
        .sort(),
    );
    // An issuer none of whose entries it issued, published or holds has no feed.
    for (const f of feeds.filter((x) => x.kind === 'bodies')) expect(f.entries.length).toBeGreaterThan(0);
    expect(feeds.filter((f) => f.kind === 'bodies').length).toBeLessThan(graph.bodies.length + 1);
    expect(feedAddress(ports, 'en', 'https://example.org/')).toBe('https://example.org/en/sectors/ports/feed.xml');
    expect(feedAddress(ports, 'zh', undefined)).toBe('/sectors/ports/feed.xml');
    expect(feedTitle(ports, 'zh')).toMatch(/^.+ · 5G应用标准目录$/);
    expect(pageFeed('sectors', 'ports', { zh: '港口', en: 'Ports' }, 'en')).toEqual({
      title: 'Ports · 5G Application Standards Catalogue',
      path: 'sectors/ports/feed.xml',
      about: 'feeds/#sectors-ports',
      label: 'Follow changes in Ports',
    });
  });
});

describe('a scoped feed', () => {
  it('carries only its entries, dated by their last change, each saying what that change was', () => {
    const ports = feedOf(feedList(graph, SITE), 'sectors', 'ports')!;
    const days: Record<string, string> = { 'spec-a': '2026-07-07', 'spec-b': '2024-01-01', 'spec-c': '2025-05-05' };
    const xml = atomFeed(
      graph,
      'en',
      new URL('https://example.org/'),
      { title: feedTitle(ports, 'en'), description: 'D' },
      (e) => days[e.id],
      {
        entries: ports.entries,
        feedPath: ports.path,
        pagePath: ports.page,
        what: (e) => (e.id === 'spec-c' ? 'Status changed: drafting → published' : undefined),
      },
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: Record<string, unknown> }).feed;
    expect(feed.id).toBe('https://example.org/en/sectors/ports/');
    expect(JSON.stringify(feed.link)).toContain('https://example.org/en/sectors/ports/feed.xml');
    const entries = entriesOf(xml);
    expect(entries.map((e) => e.id).sort()).toEqual(
      ports.entries.map((e) => `https://example.org/en/standards/${e.id}/`).sort(),
    );
    const c = entries.find((e) => e.id.endsWith('/spec-c/'))!;
    expect(c.updated).toBe('2025-05-05T00:00:00.000Z');
    expect(c.summary).toBe('Status changed: drafting → published');
    expect(c.content).toBeTruthy();
  });

  it('stays well-formed XML whatever the names and titles hold', () => {
    const hostile = 'Ports\u0000\u0008\u000b</title><script>alert(1)</script>\ud800 ]]>';
    const xml = atomFeed(
      graph,
      'zh',
      new URL('https://example.org/'),
      { title: hostile, description: hostile },
      () => '2025-01-01',
      { what: () => hostile },
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script/i);
    expect(entriesOf(xml)[0]!.summary).toContain('\ufffd');
    expect(xmlText('a\u0000b\ud83d\ude00c\udc00')).toBe('a\ufffdb\ud83d\ude00c\ufffd');
  });
});

describe('lastChangeText', () => {
  const change = (day: string | undefined, what: EntryHistoryItem['what']): EntryHistoryItem => ({
    hash: 'h',
    subject: 's',
    what,
    ...(day ? { day } : {}),
  });
  it('says the newest dated change in the feed’s language: new standard, new state, new version, corrected field', () => {
    const changes = [
      change(undefined, [{ kind: 'text' }]),
      change('2026-01-02', [{ kind: 'field', field: 'version', how: 'changed', from: '1.0', to: '1.1' }]),
      change('2026-01-01', [{ kind: 'added' }]),
    ];
    expect(lastChangeText(changes, 'zh')).toBe('版本：1.0 → 1.1');
    expect(lastChangeText(changes, 'en')).toBe('Version changed: 1.0 → 1.1');
    expect(lastChangeText(changes.slice(2), 'en')).toBe('Entry added');
    expect(lastChangeText([], 'en')).toBeUndefined();
  });
});
