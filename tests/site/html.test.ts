/** The HTML of every page type passes html-validate's standard rules; every internal link resolves. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { scanHtml } from '../../src/lib/site/html-links.ts';
import { ALL_PAGES, PAGE_TYPES, site } from './helpers.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // Astro writes <!DOCTYPE html> in upper case; both are valid HTML.
    'doctype-style': 'off',
  },
});

describe('html-validate', () => {
  it.each(ALL_PAGES)('%s is valid HTML', async (_label, pagePath) => {
    const file = path.join(site().dir, pagePath, 'index.html');
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it.each(['404.html', 'en/404/index.html'])('the 404 page %s is valid HTML', async (file) => {
    const report = await validator.validateString(await readFile(path.join(site().dir, file), 'utf8'), file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });
});

describe('language-neutral ids', () => {
  it.each(Object.entries(PAGE_TYPES))(
    'the %s page has the same ids in both languages, so a #fragment means the same place on either',
    async (_name, pagePath) => {
      const ids = async (root: string) =>
        [...scanHtml(await readFile(path.join(site().dir, root, pagePath, 'index.html'), 'utf8')).ids].sort();
      expect(await ids('en')).toEqual(await ids(''));
    },
  );

  it('gives an entry body’s headings ids by their place in the outline, the same in both languages', async () => {
    const html = await readFile(path.join(site().dir, 'en', PAGE_TYPES.entry!, 'index.html'), 'utf8');
    const headings = [...html.matchAll(/<h[2-6] id="(s-[^"]*)"/g)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(1);
    for (const id of headings) expect(id).toMatch(/^s-\d+(?:-\d+)*$/);
  });
});

describe('links', () => {
  it('every internal href, src and #fragment of the whole site resolves', async () => {
    const report = await checkLinks(site().dir, 'https://5g-standards.example.org/');
    expect(report.pages).toBeGreaterThan(250);
    expect(report.broken).toEqual([]);
  }, 120_000);
});
