// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { catalogue } from './src/lib/site/integration.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://5g-standards.example.org',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [catalogue(), mdx()],
});
