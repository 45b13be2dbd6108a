/** Shared by the site tests: the page types, the built site's files, one browser per test file. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

/** One page of every type, by name: path under the language root. */
export const PAGE_TYPES: Record<string, string> = {
  home: '',
  standards: 'standards/',
  entry: 'standards/3gpp-ts-22-104/',
  'entry-superseded': 'standards/ieee-802-1q-2018/',
  'entry-withdrawn': 'standards/probe-withdrawn/',
  'entry-to-take-effect': 'standards/probe-future/',
  'entry-drafting': 'standards/draft-coal-mine-underground-5g/',
  sectors: 'sectors/',
  sector: 'sectors/ports/',
  topics: 'topics/',
  topic: 'topics/deterministic-networking/',
  bodies: 'bodies/',
  body: 'bodies/ccsa/',
  requirements: 'requirements/',
  metric: 'requirements/latency/',
  progress: 'progress/',
  plan: 'plan/',
  search: 'search/',
  about: 'about/',
  compare: 'compare/',
  fields: 'about/fields/',
  changes: 'changes/',
  feeds: 'feeds/',
};

export const LANG_ROOTS = { zh: '', en: 'en/' } as const;

/** Every page of every type in both languages, as [label, path]. */
export const ALL_PAGES: Array<[string, string]> = Object.entries(PAGE_TYPES).flatMap(([name, p]) =>
  Object.entries(LANG_ROOTS).map(([lang, root]) => [`${name} (${lang})`, `${root}${p}`] as [string, string]),
);

/** The site under test. */
export const site = () => ({
  dir: inject('siteDir'),
  url: inject('siteUrl'),
  offline: inject('offlineDir'),
  content: inject('contentDir'),
});

/**
 * The same catalogue built with SITE_URL (`origin`) and BASE_PATH=/catalogue/ (and without git history, EDIT_URL
 * or ISSUE_URL), served under that prefix. The main site is a preview: it has no SITE_URL.
 */
export const baseSite = () => ({
  dir: inject('baseSiteDir'),
  url: inject('baseSiteUrl'),
  base: '/catalogue/',
  origin: inject('baseSiteOrigin'),
});

/**
 * A browser for the test file, closed after it. Opening a page costs Chromium half a second on this
 * machine (a renderer process), more than most tests take: `newPage` hands out a page of a context
 * kept per set of options, and the page's `close` gives it back, blank and without listeners or
 * routes, for the next test to use. Contexts made with `newContext` are the test's own, as usual.
 */
export function useBrowser(): () => Browser {
  let browser: Browser;
  let pooled: Browser;
  const contexts = new Map<string, Promise<BrowserContext>>();
  const idle = new Map<string, Page[]>();
  beforeAll(async () => {
    browser = await launchChromium();
    const newPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
      const key = JSON.stringify(options);
      if (!contexts.has(key)) contexts.set(key, browser.newContext(options));
      const free = idle.get(key) ?? [];
      idle.set(key, free);
      const page = free.pop() ?? (await (await contexts.get(key)!).newPage());
      const close = page.close.bind(page);
      page.close = async (closeOptions) => {
        page.close = close;
        if (page.isClosed()) return;
        try {
          page.removeAllListeners();
          await page.unrouteAll({ behavior: 'ignoreErrors' });
          await page.goto('about:blank');
          free.push(page);
        } catch {
          await close(closeOptions);
        }
      };
      return page;
    };
    pooled = new Proxy(browser, {
      get: (target, prop, receiver) =>
        prop === 'newPage' ? newPage : (Reflect.get(target, prop, receiver) as unknown),
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => pooled;
}

/** Records console errors, page errors and failed requests of a page. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request cut short because the page navigated on (a click before the favicon arrived) is not a failure.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core on the loaded page: every rule in the light scheme, then (with `dark`) the rules that depend on colour in
 * the dark one (the document is the same; only colours change). axe is evaluated through the DevTools protocol,
 * which the page's Content-Security-Policy does not govern, so the policy stays in force for everything else.
 * Returns the violations found, labelled.
 */
export async function axeViolations(page: Page, options: { dark?: boolean } = {}): Promise<string[]> {
  await page.evaluate(await axeSource);
  const found: string[] = [];
  const schemes = [['light', undefined]] as Array<[string, string[] | undefined]>;
  if (options.dark) schemes.push(['dark', ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block']]);
  for (const [scheme, only] of schemes) {
    await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
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

/** Waits until the search page has finished a search (or a browse). */
export async function searchDone(page: Page): Promise<void> {
  await page.waitForSelector('#search-results[data-query]', { state: 'attached', timeout: 15_000 });
}

/** Waits until the search page has shown the filter counts of its search (they come after the results). */
export async function countsDone(page: Page): Promise<void> {
  await page.waitForSelector('#search-facets[data-counted]', { state: 'attached', timeout: 15_000 });
}

/** The designations listed as search results, in order. */
export const resultCodes = (page: Page) =>
  page.$$eval('#search-results li a.designation', (as) => as.map((a) => a.textContent ?? ''));

/**
 * What a reader needs of the page's charts and lists to use them by hand, as problems (none: fine). Charts: every
 * mark a link of at least 24 × 24 px, named, and the link itself where it is clicked (no other mark on top); no
 * label of an axis or lane over a drawn mark; the label shows on focus; never narrower than drawn (640 px; on a phone
 * it scrolls in its frame). Lists: on a phone (`phone`), every row of a list of standards keeps its designation,
 * title, state and sectors inside the screen, and every requirement row its first cell and figure on one line.
 * State labels do not look like buttons.
 */
export async function handUseProblems(page: Page, phone: boolean): Promise<string[]> {
  const found = await page.evaluate((onPhone) => {
    const problems: string[] = [];
    const rect = (e: Element) => e.getBoundingClientRect();
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const box of document.querySelectorAll('.plot-box, .chart-box')) {
      if (box.clientWidth < 640) problems.push(`a chart is ${box.clientWidth} px wide, narrower than drawn`);
      const marks = [...box.querySelectorAll<HTMLAnchorElement>('a.plot-mark')];
      if (marks.length === 0) problems.push('a chart without a link on its marks');
      const areas = marks.map(rect);
      marks.forEach((a, i) => {
        const r = areas[i]!;
        const name = a.textContent?.trim() ?? '';
        if (r.width < 24 || r.height < 24) problems.push(`mark "${name}" is ${r.width}×${r.height} px`);
        if (!name) problems.push(`mark to ${a.getAttribute('href')} has no name`);
        // No other mark's hit area over this one: a click on it reaches it.
        if (areas.some((o, j) => j !== i && overlap(o, r))) problems.push(`mark "${name}" is covered by another`);
      });
      // And nothing else lies over the marks.
      const first = marks[0];
      if (first && !onPhone) {
        first.scrollIntoView({ block: 'center', inline: 'center' });
        const c = rect(first);
        const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
        if (!hit || !first.contains(hit)) problems.push(`mark "${first.textContent}" is covered where it is clicked`);
      }
      const drawn = [...box.querySelectorAll('.mark circle, .mark .arrow, .mark .range, rect.col, circle.dot')].map(
        rect,
      );
      for (const label of box.querySelectorAll('svg text')) {
        const r = rect(label);
        if (drawn.some((d) => overlap(r, d))) problems.push(`the label "${label.textContent}" lies over a mark`);
      }
    }
    if (!onPhone) {
      const first = document.querySelector<HTMLAnchorElement>('a.plot-mark');
      if (first) {
        first.focus();
        const tip = first.querySelector('.plot-tip');
        if (!tip || rect(tip).width < 20) problems.push('a focused mark shows no label');
        first.blur();
      }
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.jumps a'))
      if (!document.getElementById(decodeURIComponent(a.hash.slice(1))))
        problems.push(`the jump to ${a.hash} leads nowhere`);
    for (const badge of document.querySelectorAll('.badge')) {
      const style = getComputedStyle(badge);
      if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.cursor === 'pointer')
        problems.push(`the state label "${badge.textContent}" looks like a button`);
    }
    if (onPhone) {
      const width = document.documentElement.clientWidth;
      // A cell with nothing in it (an entry filed under no sector) has nothing to show.
      const inside = (e: Element | null) =>
        !!e && (!e.textContent?.trim() || (rect(e).left >= -1 && rect(e).right <= width + 1 && rect(e).width > 0));
      // Every list of standards: the rows with a title cell.
      const lists = [...document.querySelectorAll('tbody tr')].filter((row) => row.querySelector(':scope > td.title'));
      for (const row of lists.slice(0, 20))
        for (const cell of ['td.code', 'td.title', 'td.state', 'td.sectors'])
          if (!inside(row.querySelector(cell)))
            problems.push(`${cell} of "${row.textContent?.slice(0, 40)}" is off the screen`);
      for (const row of [...document.querySelectorAll('table.stack tbody tr')].slice(0, 20)) {
        const [firstCell, figure] = [row.querySelector('td'), row.querySelector('td.num')];
        if (
          !firstCell ||
          !figure ||
          Math.abs(rect(firstCell).top - rect(figure).top) > 6 ||
          rect(firstCell).width < 40 ||
          rect(figure).right > width + 1
        )
          problems.push(`"${row.textContent?.slice(0, 40)}": its figure is not on its first line`);
      }
    }
    return problems;
  }, phone);
  return [...new Set(found)];
}
