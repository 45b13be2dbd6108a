/** axe-core on every page type, both languages, light and dark: zero violations of any impact. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALL_PAGES, searchDone, site, useBrowser } from './helpers.ts';

const browser = useBrowser();
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

const SCHEMES = ['light', 'dark'] as const;

/** Injects axe into the loaded page and runs it in each colour scheme; the violations found, labelled. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const list = (await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
      ).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as AxeViolation[];
    found.push(
      ...list.map(
        (v) =>
          `${colorScheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      ),
    );
  }
  return found;
}

describe('axe-core, light and dark colour schemes', () => {
  it.each(ALL_PAGES)('%s has no violations', async (_label, pagePath) => {
    // axe is injected as an inline script, which the pages' Content-Security-Policy (rightly) blocks.
    const page = await browser().newPage({ bypassCSP: true });
    // The search page is checked with results and facets on show.
    await page.goto(site().url + pagePath + (pagePath.endsWith('search/') ? '?q=5G' : ''));
    if (pagePath.endsWith('search/')) await searchDone(page);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it.each(['no-such-page/', 'en/no-such-page/'])('the 404 page for /%s has no violations', async (pagePath) => {
    const page = await browser().newPage({ bypassCSP: true });
    expect((await page.goto(site().url + pagePath))?.status()).toBe(404);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
