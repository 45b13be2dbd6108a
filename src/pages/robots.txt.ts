import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/settings.ts';

/** robots.txt, naming the sitemap by its absolute URL (under the base path) as the protocol asks. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${new URL(withBase('sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
