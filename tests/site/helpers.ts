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

/** The same catalogue built with BASE_PATH=/catalogue/ (and without git history), served under that prefix. */
export const baseSite = () => ({ dir: inject('baseSiteDir'), url: inject('baseSiteUrl'), base: '/catalogue/' });

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
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
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
