// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/lib/site/astro-config.ts';

// Deployment settings (SITE_URL, BASE_PATH, EDIT_URL, ISSUE_URL) are checked in src/lib/site/settings.ts; the build
// scripts, the export, the benchmark and the site tests choose another catalogue, output or cache folder here.
export default defineConfig(
  siteConfig({
    content: process.env.CATALOGUE_CONTENT,
    outDir: process.env.CATALOGUE_OUT_DIR,
    cacheDir: process.env.CATALOGUE_CACHE_DIR,
    concurrency: process.env.CATALOGUE_CONCURRENCY ? Number(process.env.CATALOGUE_CONCURRENCY) : undefined,
  }),
);
