/**
 * Every page type in both languages, each loaded once in Chromium with its Content-Security-Policy in force, and
 * everything about it checked on that load: status, language, heading, no console error or failed request, the
 * language switch's target, axe-core with zero violations in the light and the dark colour scheme, and no sideways
 * scrolling at 375 px. Then each page again without JavaScript: readable, navigable, nothing hidden that needs a
 * script to show.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALL_PAGES, searchDone, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core on the loaded page: every rule in the light scheme, then the rules that depend on colour in the dark one
 * (the page is the same document; only colours change). axe is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so the policy stays in force for everything else.
 */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource);
  const found: string[] = [];
  for (const [scheme, only] of [
    ['light', undefined],
    ['dark', ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block']],
  ] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const list = await page.evaluate(async (runOnly) => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      return (await axe.run(document, { resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) })).violations;
    }, only ?? null);
    found.push(
      ...list.map(
        (v) =>
          `${scheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      ),
    );
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

/** The path of the same page in the other language. */
const counterpart = (pagePath: string) => (pagePath.startsWith('en/') ? pagePath.slice(3) : `en/${pagePath}`);

describe('every page type, both languages, one load each', () => {
  it.each(ALL_PAGES)('%s', async (_label, pagePath) => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watch(page);
    // The search page is checked with results and facets on show.
    const search = pagePath.endsWith('search/');
    const response = await page.goto(site().url + pagePath + (search ? '?q=5G' : ''));
    expect(response?.status()).toBe(200);
    if (search) await searchDone(page);
    expect(await page.getAttribute('html', 'lang')).toBe(pagePath.startsWith('en/') ? 'en' : 'zh-CN');
    expect((await page.textContent('h1'))?.trim()).toBeTruthy();
    // The language switch leads to the same page in the other language.
    const other = await page.getAttribute('a.lang-switch', 'href');
    expect(new URL(other ?? '', page.url()).pathname).toBe(`/${counterpart(pagePath)}`);
    expect(await violations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'scrolls sideways at 375 px').toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['no-such-page/', 'en/no-such-page/'])('the 404 page for /%s has no axe violations', async (pagePath) => {
    const page = await browser().newPage();
    expect((await page.goto(site().url + pagePath))?.status()).toBe(404);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it.each(ALL_PAGES)('%s is readable and its links work', async (_label, pagePath) => {
    const page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(site().url + pagePath);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(await page.locator('nav.site-nav a').count()).toBe(8);
    // Filter forms need scripts, so they stay hidden; every table row stays visible.
    expect(await page.locator('form.filters:visible').count()).toBe(0);
    expect(await page.locator('tbody tr[hidden]').count()).toBe(0);
    if (pagePath.endsWith('search/')) expect(await page.locator('#search-nojs').isVisible()).toBe(true);
    const next = await page.locator('nav.site-nav a').first().getAttribute('href');
    expect((await page.request.get(new URL(next ?? '', page.url()).href)).status()).toBe(200);
    await page.close();
  });
});
