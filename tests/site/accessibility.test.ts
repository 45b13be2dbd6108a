/** axe-core on every page type, both languages, light and dark: zero violations of any impact. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ALL_PAGES, searchDone, site, useBrowser } from './helpers.ts';

const browser = useBrowser();
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme', (colorScheme) => {
  it.each(ALL_PAGES)('%s has no violations', async (_label, pagePath) => {
    // axe is injected as an inline script, which the pages' Content-Security-Policy (rightly) blocks.
    const page = await browser().newPage({ colorScheme, bypassCSP: true });
    await page.goto(site().url + pagePath);
    if (pagePath.endsWith('search/')) {
      // Check the search page with results and facets on show.
      await page.goto(`${site().url}${pagePath}?q=5G`);
      await searchDone(page);
    }
    await page.addScriptTag({ content: await axeSource });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as AxeViolation[];
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.close();
  });

  it.each(['no-such-page/', 'en/no-such-page/'])('the 404 page for /%s has no violations', async (pagePath) => {
    const page = await browser().newPage({ colorScheme });
    expect((await page.goto(site().url + pagePath))?.status()).toBe(404);
    await page.addScriptTag({ content: await axeSource });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as AxeViolation[];
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);
    await page.close();
  });
});
