/**
 * Screenshots of every page type, in both languages, desktop and 375 px, light and dark:
 * `npm run screenshots -- [--base http://127.0.0.1:4321] [--out screenshots] [--only home,entry]`.
 * Without --base it serves ./dist itself. Look at the PNGs before calling a page done.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { serveDirectory } from './lib/serve.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    only: { type: 'string' },
    entry: { type: 'string', default: '3gpp-ts-22-104' },
    full: { type: 'boolean', default: false },
  },
});

const pages: Record<string, string> = {
  home: '',
  standards: 'standards/',
  entry: `standards/${values.entry}/`,
  sectors: 'sectors/',
  sector: 'sectors/industrial-internet/',
  topics: 'topics/',
  topic: 'topics/network/',
  bodies: 'bodies/',
  body: 'bodies/3gpp/',
  requirements: 'requirements/',
  metric: 'requirements/latency/',
  progress: 'progress/',
  plan: 'plan/',
  search: 'search/?q=23.501',
  compare: 'compare/?ids=3gpp-ts-22-104,3gpp-ts-22-261',
  about: 'about/',
  fields: 'about/fields/',
  changes: 'changes/',
  feeds: 'feeds/',
  notfound: 'no-such-page/',
};
const only = values.only?.split(',');
const server = values.base ? undefined : await serveDirectory(path.resolve('dist'));
const base = values.base ?? server!.url;
const browser = await launchChromium();
await mkdir(values.out, { recursive: true });
const shots: string[] = [];
for (const [name, pagePath] of Object.entries(pages)) {
  if (only && !only.includes(name)) continue;
  for (const lang of ['zh', 'en'] as const) {
    for (const [viewport, width] of [
      ['desktop', 1280],
      ['mobile', 375],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          colorScheme: scheme,
          deviceScaleFactor: 1,
        });
        const url = new URL(`${lang === 'en' ? 'en/' : ''}${pagePath}`, base).href;
        await page.goto(url, { waitUntil: 'networkidle' });
        const file = path.join(values.out, `${name}-${lang}-${viewport}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: values.full });
        shots.push(file);
        await page.close();
      }
    }
  }
}
await browser.close();
await server?.close();
console.log(`${shots.length} screenshots in ${values.out}/`);
