/**
 * Every page type in both languages, each loaded once in Chromium with its Content-Security-Policy in force, and
 * everything about it checked on that load: status, language, heading, no console error or failed request, the
 * language switch's target, axe-core with zero violations in the light and the dark colour scheme, and no sideways
 * scrolling at 375 px. Then each page again without JavaScript: readable, navigable, nothing hidden that needs a
 * script to show.
 */
import { describe, it } from 'vitest';
import { ALL_PAGES, axeViolations, handUseProblems, searchDone, site, useBrowser, watch } from './helpers.ts';

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
    // Every page is opened with a query and a #fragment the language switch must carry over.
    const response = await page.goto(`${site().url}${pagePath}?${search ? 'q=5G&' : ''}from=test#main`);
    expect(response?.status()).toBe(200);
    if (search) await searchDone(page);
    expect(await page.getAttribute('html', 'lang')).toBe(pagePath.startsWith('en/') ? 'en' : 'zh-CN');
    expect((await page.textContent('h1'))?.trim()).toBeTruthy();
    // The language switch leads to the same page in the other language, the query and #fragment kept.
    await page.focus('a.lang-switch');
    const other = new URL((await page.getAttribute('a.lang-switch', 'href')) ?? '', page.url());
    expect(other.pathname).toBe(`/${counterpart(pagePath)}`);
    expect(other.searchParams.get('from')).toBe('test');
    if (search) expect(other.searchParams.get('q')).toBe('5G');
    expect(other.hash).toBe('#main');
    // Feeds: a sector's, topic's or issuer's page links its own feed for readers; visible feed links lead to /feeds/.
    const root = pagePath.startsWith('en/') ? 'en/' : '';
    const feeds = await page.$$eval('link[rel=alternate][type="application/atom+xml"]', (links) =>
      links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname),
    );
    expect(feeds).toContain(`/${root}feed.xml`);
    const scoped = /^(?:en\/)?(sectors|topics|bodies)\/([^/]+)\/$/.exec(pagePath);
    if (scoped) {
      expect(feeds).toContain(`/${root}${scoped[1]}/${scoped[2]}/feed.xml`);
      const follow = new URL((await page.getAttribute('a.follow-link', 'href')) ?? '', page.url());
      expect(follow.pathname + follow.hash).toBe(`/${root}feeds/#${scoped[1]}-${scoped[2]}`);
    }
    const footerFeed = new URL((await page.getAttribute('footer a[href$="feeds/"]', 'href')) ?? '', page.url());
    expect(footerFeed.pathname).toBe(`/${root}feeds/`);
    expect(await page.locator('main a[href$=".xml"], footer a[href$=".xml"]').count()).toBe(0);
    expect(await axeViolations(page, { dark: true })).toEqual([]);
    expect(await handUseProblems(page, false), 'charts and lists by hand').toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'scrolls sideways at 375 px').toBeLessThanOrEqual(0);
    expect(await handUseProblems(page, true), 'charts and lists by hand, on a phone').toEqual([]);
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
    // Without scripts the language switch is a plain link to the other page.
    const other = new URL((await page.getAttribute('a.lang-switch', 'href')) ?? '', page.url());
    expect(other.pathname + other.search + other.hash).toBe(`/${counterpart(pagePath)}`);
    const next = await page.locator('nav.site-nav a').first().getAttribute('href');
    expect((await page.request.get(new URL(next ?? '', page.url()).href)).status()).toBe(200);
    await page.close();
  });
});
