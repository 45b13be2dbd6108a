/**
 * Every page type in both languages, each loaded once in Chromium with its Content-Security-Policy in force, and
 * everything about it checked on that load: status, language, heading, no console error or failed request, the
 * language switch's target, axe-core with zero violations in the light and the dark colour scheme, and no sideways
 * scrolling at 375 px. Then each page again without JavaScript: readable, navigable, nothing hidden that needs a
 * script to show.
 */
import { describe, it } from 'vitest';
import { ALL_PAGES, axeViolations, searchDone, site, useBrowser, watch } from './helpers.ts';

const browser = useBrowser();
/** The path of the same page in the other language. */
const counterpart = (pagePath: string) => (pagePath.startsWith('en/') ? pagePath.slice(3) : `en/${pagePath}`);

// Pages are checked a few at a time (the site project's maxConcurrency): a page mostly waits on Chromium.
describe.concurrent('every page type, both languages, one load each', () => {
  it.for(ALL_PAGES)('%s', async ([, pagePath], { expect }) => {
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
    expect(await axeViolations(page, { dark: true })).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'scrolls sideways at 375 px').toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.for(['no-such-page/', 'en/no-such-page/'])(
    'the 404 page for /%s has no axe violations',
    async (pagePath, { expect }) => {
      const page = await browser().newPage();
      expect((await page.goto(site().url + pagePath))?.status()).toBe(404);
      expect(await axeViolations(page, { dark: true })).toEqual([]);
      await page.close();
    },
  );
});

describe.concurrent('without JavaScript', () => {
  it.for(ALL_PAGES)('%s is readable and its links work', async ([, pagePath], { expect }) => {
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
