/**
 * Preloaded (`node --import`) by the static checks: every `require('typescript')` and `import 'typescript'` in
 * the process gets TypeScript 6, the last TypeScript with a JavaScript API, which @astrojs/check, Volar and
 * typescript-eslint need. The project's own compiler (`npm run typecheck`) stays TypeScript 7.
 */
import { createRequire, registerHooks } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const main = createRequire(import.meta.url).resolve('typescript');
const dir = path.dirname(path.dirname(main));
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript') return { url: pathToFileURL(main).href, format: 'commonjs', shortCircuit: true };
    if (specifier.startsWith('typescript/')) {
      const file = path.join(dir, specifier.slice('typescript/'.length));
      const found = [file, `${file}.js`].find((f) => existsSync(f));
      if (found) return { url: pathToFileURL(found).href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
