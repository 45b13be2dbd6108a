/** The HTML of every page type passes html-validate's standard rules; every internal link resolves. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { ALL_PAGES, site } from './helpers.ts';

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

describe('links', () => {
  it('every internal href, src and #fragment of the whole site resolves', async () => {
    const report = await checkLinks(site().dir, 'https://5g-standards.example.org/');
    expect(report.pages).toBeGreaterThan(250);
    expect(report.broken).toEqual([]);
  }, 120_000);
});
