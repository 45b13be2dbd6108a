// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { catalogue } from './src/lib/site/integration.ts';
import { SETTINGS } from './src/lib/site/settings.ts';

// SITE_URL unset: a preview build (no `site`, so no sitemap and no absolute URL anywhere; see settings.ts).

export default defineConfig({
  // SITE_URL (the origin of absolute URLs) and BASE_PATH (a sub-path to serve under), checked in settings.ts.
  site: SETTINGS.site,
  base: SETTINGS.base,
  output: 'static',
  // scripts/build.ts, the export and the benchmarks build into a folder of their own.
  outDir: process.env.CATALOGUE_OUT_DIR ?? './dist',
  // Each catalogue keeps its own content-layer cache (rendered bodies, by digest).
  cacheDir: process.env.CATALOGUE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Pages are rendered a few at a time so that writing one file overlaps rendering the next.
  build: { format: 'directory', concurrency: Number(process.env.CATALOGUE_CONCURRENCY ?? 8) },
  // A strict Content-Security-Policy on every page, as a <meta> element: scripts only as bundled files Astro
  // hashes (no 'unsafe-inline'); WebAssembly for pagefind; nothing from other origins.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "connect-src 'self'",
      ],
      // No event-handler attributes at all; bar widths are the only inline style attributes.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'", { resource: "'none'", kind: 'attribute' }] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  integrations: [
    catalogue(),
    mdx(),
    sitemap({
      filter: (page) => !page.endsWith('/404/'),
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
    }),
  ],
});
