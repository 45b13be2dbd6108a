/** Escaping for the contexts the site writes untrusted text into, beyond what Astro's templates escape. */

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become \u escapes, so no string can close the
 * element or open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers. The JSON means the same.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text for a place that is read as HTML or XML (Atom `type="html"`, attributes): `&`, `<`, `>` and quotes as entities. */
export { escapeUTF8 as escapeHtml } from 'entities';
