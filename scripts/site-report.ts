/** `npm run report [-- dist]`: bytes of HTML, CSS and JavaScript per page type of a built site (run with the build's BASE_PATH). */
// A refused setting ends the command with its message (first, so that it is in place before the settings are read).
import './lib/refused-setting.ts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pageWeight } from './lib/page-weight.ts';
import { BASE_PATH } from '../src/lib/site/settings.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
const entries = (await readdir(path.join(dir, 'standards'), { withFileTypes: true }))
  .filter((d) => d.isDirectory() && d.name !== 'page')
  .map((d) => `standards/${d.name}/index.html`);
const types: Record<string, string[]> = {
  home: ['index.html', 'en/index.html'],
  'entry pages': [...entries, ...entries.map((e) => `en/${e}`)],
  'standards list': ['standards/index.html', 'en/standards/index.html'],
  requirements: ['requirements/index.html', 'en/requirements/index.html'],
  progress: ['progress/index.html', 'en/progress/index.html'],
  plan: ['plan/index.html', 'en/plan/index.html'],
  search: ['search/index.html', 'en/search/index.html'],
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  'page type'.padEnd(16),
  'pages'.padStart(6),
  'HTML (mean/max)'.padStart(22),
  'CSS'.padStart(10),
  'JS (max)'.padStart(10),
);
for (const [name, files] of Object.entries(types)) {
  const weights = await Promise.all(files.map((f) => pageWeight(dir, f, BASE_PATH)));
  const html = weights.map((w) => w.html);
  console.log(
    name.padEnd(16),
    String(files.length).padStart(6),
    `${kb(html.reduce((a, b) => a + b, 0) / html.length)} / ${kb(html.reduce((a, b) => Math.max(a, b), 0))}`.padStart(
      22,
    ),
    kb(weights.reduce((a, w) => Math.max(a, w.css), 0)).padStart(10),
    kb(weights.reduce((a, w) => Math.max(a, w.js), 0)).padStart(10),
  );
}
