/**
 * Page weight budgets, set from measurements of the built catalogue (see README, Performance):
 * an entry page stays small whatever the size of the catalogue, and pages that need no script
 * ship none.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/page-weight.ts';
import { site } from './helpers.ts';

/**
 * Bytes. Measured: entry pages 9-25 KB of HTML, except one that grew with its own figures (TS 22.261,
 * when it listed 92 requirement rows with their notes: 51 KB; a page never grows with the rest of the catalogue); one
 * stylesheet of 20 KB for every page (the search, compare and reference pages add their own few KB); 2 KB
 * of table script; a search script of 16.8 KB (7 KB before it read queries: the query planner, the
 * concept matcher, ranking and excerpts came with issue 14; 14.4 KB before the engine was split from the page and
 * learned to abort an older query, retry a failed load and count filters concurrently after the results; 19.7 KB
 * with the language switch's script and, from issue 25, excerpts per language, the search by most words and the
 * metric pages a query names); 22.4 KB since a designation's first result comes from the designation index before
 * pagefind is loaded, the index may be in parts, and the filter counts come from the facet table (issue 23: at 10,000
 * entries pagefind's own set-up alone is over 250 KB, and counting with pagefind took minutes).
 */
const BUDGET = { entryHtml: 64 * 1024, css: 24 * 1024, entryJs: 3 * 1024, searchJs: 23 * 1024, langSwitchJs: 1024 };

/**
 * Pages that only show information: they ship no JavaScript but the language switch's, which carries the reader's
 * query and #fragment to the other language's page (the switch is a plain link without it).
 */
const NO_SCRIPT = [
  '',
  'progress/',
  'plan/',
  'sectors/',
  'topics/',
  'bodies/',
  'about/',
  'about/fields/',
  'changes/',
  'feeds/',
];

describe('page budgets', () => {
  it('every entry page, both languages, stays within its HTML, CSS and JS budget', async () => {
    const ids = (await readdir(path.join(site().dir, 'standards'), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && d.name !== 'page')
      .map((d) => d.name);
    expect(ids.length).toBeGreaterThan(60);
    for (const root of ['', 'en/'])
      for (const id of ids) {
        const w = await pageWeight(site().dir, `${root}standards/${id}/index.html`);
        expect(w.html, `${root}${id} HTML`).toBeLessThanOrEqual(BUDGET.entryHtml);
        expect(w.css, `${root}${id} CSS`).toBeLessThanOrEqual(BUDGET.css);
        expect(w.js, `${root}${id} JS`).toBeLessThanOrEqual(BUDGET.entryJs);
      }
  }, 120_000);

  it.each(NO_SCRIPT.flatMap((p) => [p, `en/${p}`]))(
    '/%s ships no JavaScript but the language switch’s',
    async (pagePath) => {
      const w = await pageWeight(site().dir, `${pagePath}index.html`);
      expect(w.js).toBeGreaterThan(0);
      expect(w.js).toBeLessThanOrEqual(BUDGET.langSwitchJs);
    },
  );

  it('the search page loads a small script of its own; the index comes on demand', async () => {
    const w = await pageWeight(site().dir, 'search/index.html');
    expect(w.js).toBeGreaterThan(0);
    expect(w.js).toBeLessThanOrEqual(BUDGET.searchJs);
  });
});
