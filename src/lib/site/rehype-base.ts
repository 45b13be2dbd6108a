/**
 * A rehype plugin for the site's own MDX pages (About): root-relative links and sources written
 * as `/catalogue.json` or `/en/standards/` are put under the build's base path.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { BASE_PATH, withBase } from './settings.ts';

export function rehypeBasePath(base = BASE_PATH) {
  return () => (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node) => {
      for (const attr of ['href', 'src'] as const) {
        const value = node.properties?.[attr];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) node.properties[attr] = withBase(value, base);
      }
    });
  };
}
