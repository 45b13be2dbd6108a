import type { APIRoute } from 'astro';

/** robots.txt, naming the sitemap by its absolute URL as the protocol asks. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap-index.xml', site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
