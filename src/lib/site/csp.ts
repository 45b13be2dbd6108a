/**
 * The Content-Security-Policy every page carries as a `<meta>` element (Base.astro). The site has no inline script
 * and no inline stylesheet (Astro writes every script and style as a file: astro-config.ts), so the policy needs no
 * hashes and is the same on every page: scripts and styles only from the site's own files, WebAssembly for
 * pagefind, no event-handler attributes, nothing from other origins; inline `style` attributes (bar widths) are
 * allowed. Astro's own policy (`security.csp`) put the hash of every script and stylesheet of the site on every page:
 * a kilobyte an entry page, 20 MB at 10,000 entries, for scripts the page does not have.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
].join('; ');
