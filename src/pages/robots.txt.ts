import type { APIRoute } from 'astro';
import { PREVIEW, siteUrl, withBase } from '../lib/site/settings.ts';

/**
 * robots.txt, naming the sitemap by its absolute URL (under the base path) as the protocol asks; a preview
 * (no SITE_URL) has no sitemap and asks crawlers to stay out.
 */
export const GET: APIRoute = () =>
  new Response(
    PREVIEW
      ? 'User-agent: *\nDisallow: /\n'
      : `User-agent: *\nAllow: /\nSitemap: ${siteUrl(withBase('sitemap-index.xml'))}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
