/**
 * The site's Astro configuration, as a function of the few things a build may choose (which catalogue, where the
 * output and the content cache go), so that astro.config.mjs and a programmatic build (`build()` from astro, two in
 * one process in the tests) make the same site.
 */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroUserConfig } from 'astro';
import { catalogue } from './integration.ts';
import { SETTINGS, type Settings } from './settings.ts';

/** What a build may choose. */
export interface SiteOptions {
  /** The catalogue: a folder holding standards/, sectors/, … (default content/). */
  content?: string;
  /** Where the site is written (default ./dist). */
  outDir?: string;
  /** The content-layer cache (rendered bodies, by digest); each catalogue keeps its own. */
  cacheDir?: string;
  /** Pages rendered at a time, so that writing one file overlaps rendering the next (default 8). */
  concurrency?: number;
  /** Deployment settings (default: from the environment). */
  settings?: Settings;
}

/** The Astro configuration of the site. */
export function siteConfig(options: SiteOptions = {}): AstroUserConfig {
  const settings = options.settings ?? SETTINGS;
  return {
    // SITE_URL (the origin of absolute URLs) and BASE_PATH (a sub-path to serve under), checked in settings.ts.
    site: settings.site,
    base: settings.base,
    output: 'static',
    outDir: options.outDir ?? './dist',
    cacheDir: options.cacheDir ?? './node_modules/.astro',
    trailingSlash: 'always',
    // No page has code to highlight: Shiki (loaded for Markdown code blocks) would cost memory and start-up time.
    markdown: { syntaxHighlight: false },
    // Every script and stylesheet is a file of its own, none inlined into pages: the pages' policy (csp.ts) then
    // needs no hashes.
    build: { format: 'directory', concurrency: options.concurrency ?? 8, inlineStylesheets: 'never' },
    vite: { build: { assetsInlineLimit: 0 } },
    integrations: [
      catalogue({ content: options.content }),
      mdx(),
      sitemap({
        // Not the 404 pages, and never the browser editor (/admin/ is no Astro page, written after them; this keeps it out).
        filter: (page) => !page.endsWith('/404/') && !/\/admin\//.test(page),
        i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      }),
    ],
  };
}
