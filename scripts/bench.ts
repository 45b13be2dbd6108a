/**
 * `npm run bench -- --entries 1000`: generates a synthetic catalogue (fixed seed) in a
 * temporary folder, commits it to a git repository there (so that the build's history pass is
 * measured), and prints what it costs: `npm run check` time and memory, the full build (pages
 * and search index) time and the peak memory of each process, pages written, bytes per entry
 * page, and bytes fetched by a first search. A script that prints figures, not a test.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { listTree } from './lib/files.ts';
import { readHistory } from '../src/lib/site/history.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveDirectory } from './lib/serve.ts';
import { ROOT } from './lib/build-site.ts';
import { commitCatalogue, generateCatalogue } from './lib/generate.ts';
import { measure, type Measurement } from './lib/measure.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2021' },
    keep: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    search: { type: 'boolean', default: true },
    'no-search': { type: 'boolean', default: false },
    'history-only': { type: 'boolean', default: false },
  },
});
const count = Number(values.entries);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run bench -- --entries 1000 [--rebuild] [--no-search] [--history-only] [--keep]');
  process.exit(2);
}

const work = await mkdtemp(path.join(tmpdir(), `catalogue-bench-${count}-`));
const content = path.join(work, 'content');
const site = path.join(work, 'site');
const env = {
  ...process.env,
  CATALOGUE_CONTENT: content,
  CATALOGUE_OUT_DIR: site,
  CATALOGUE_CACHE_DIR: path.join(work, 'cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
};
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const peaks = (m: Measurement) =>
  m.peaks
    .slice(0, 3)
    .map((p) => `${p.name} ${mib(p.mib)}`)
    .join(', ');

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}`,
);
let t = performance.now();
await generateCatalogue(content, count, path.join(ROOT, 'content'), Number(values.seed));
console.log(`generated ${count} entries in ${((performance.now() - t) / 1000).toFixed(1)} s (${work})`);
t = performance.now();
await commitCatalogue(content, count);
console.log(
  `committed them to a git repository (4 commits) in ${((performance.now() - t) / 1000).toFixed(1)} s, so that the build reads a history`,
);

// The history pass alone, in this process (the build runs it beside the check, where its time is hidden).
t = performance.now();
const history = await readHistory(path.join(content, 'standards'));
console.log(
  `history: ${history.status}, ${history.changes.length} commits change entries, read in ${((performance.now() - t) / 1000).toFixed(2)} s`,
);
if (values['history-only']) {
  if (!values.keep) await rm(work, { recursive: true, force: true });
  process.exit(0);
}

const check = await measure(process.execPath, [path.join(ROOT, 'scripts/check.ts')], { env });
if (check.code !== 0) {
  console.error(check.output);
  process.exit(1);
}
console.log(`check:  ${check.seconds.toFixed(2)} s, peak ${peaks(check)}`);

const build = await measure(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  env,
  cwd: ROOT,
});
if (build.code !== 0) {
  console.error(build.output.slice(-5000));
  process.exit(1);
}
console.log(
  `build:  ${build.seconds.toFixed(2)} s (pages and search index), peak per process: ${peaks(build)}; whole tree ${mib(build.totalMib)}`,
);
for (const line of [/search index: .*/.exec(build.output)?.[0], /history: .*/.exec(build.output)?.[0]])
  if (line) console.log(`        ${line}`);

if (values.rebuild) {
  const again = await measure(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    env,
    cwd: ROOT,
  });
  console.log(`rebuild (bodies cached): ${again.seconds.toFixed(2)} s, peak ${peaks(again)}`);
}

const all = (await listTree(site)).map((f) => path.join(site, f));
const pages = all.filter((f) => f.endsWith('.html'));
const entryPages = pages.filter((f) => /[/\\]standards[/\\]gen-\d+[/\\]index\.html$/.test(f));
// A few dozen at a time: tens of thousands of files at once would exhaust the machine's file handles.
const stats = pLimit(64);
const sizeOf = (files: string[]) => Promise.all(files.map((f) => stats(async () => (await stat(f)).size)));
const sizes = await sizeOf(entryPages);
const total = (await sizeOf(all)).reduce((a, b) => a + b, 0);
console.log(
  `pages:  ${pages.length} written (${entryPages.length} entry pages), output ${(total / 2 ** 20).toFixed(1)} MiB`,
);
console.log(
  `entry page HTML: mean ${kb(sizes.reduce((a, b) => a + b, 0) / sizes.length)}, max ${kb(sizes.reduce((a, b) => Math.max(a, b), 0))} (plus one shared stylesheet)`,
);

if (values.search && !values['no-search']) {
  const server = await serveDirectory(site);
  const browser = await launchChromium();
  for (const [label, query] of [
    ['designation', `${10000 + Math.floor(count / 2)}`],
    ['English word', `gen${Math.floor(count / 3)}word`],
    ['Chinese phrase', '高精度定位'],
  ] as const) {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      bytes += body.length;
      requests++;
    });
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('#search-results[data-query]', { state: 'attached' });
    const pageBytes = bytes;
    const pageRequests = requests;
    const started = performance.now();
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query);
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const found = await page.$$eval('#search-results li', (l) => l.length);
    console.log(
      `search (${label} "${query}"): page load ${kb(pageBytes)} in ${pageRequests} requests (index set-up included); the search then fetched ${kb(bytes - pageBytes)} in ${requests - pageRequests} requests, ${ms.toFixed(0)} ms, ${found} results shown`,
    );
    await page.close();
  }
  await browser.close();
  await server.close();
}

if (!values.keep) await rm(work, { recursive: true, force: true });
