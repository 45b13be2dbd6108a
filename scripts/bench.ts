/**
 * `npm run bench -- --entries 1000 [--starlight]`: generates a synthetic catalogue (fixed seed) in a temporary
 * folder, commits it to a git repository there (so that the build's history pass is measured), and measures it: the
 * check, the full build (pages in both languages and the search index) with the peak memory of its whole process tree,
 * the output, and first searches in Chromium (a designation and a broad Chinese query opened with `?q=`, each counted
 * until its first result shows, then queries typed into the loaded page). With `--starlight` the same entries are also
 * built by Starlight with its defaults, in the same run, and the ratio printed. It prints one table row per run
 * (docs/performance.md) and writes the figures to a JSON file. A script that prints figures, not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import pLimit from 'p-limit';
import { listTree } from './lib/files.ts';
import { readHistory } from '../src/lib/site/history.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveDirectory } from './lib/serve.ts';
import { ROOT } from './lib/build-site.ts';
import { commitCatalogue, generateCatalogue } from './lib/generate.ts';
import { measure, type Measurement } from './lib/measure.ts';
import {
  TABLE_HEADER,
  bytesPerEntry,
  mibPerThousand,
  tableRow,
  type BenchFigures,
  type FirstSearch,
  type TypedQuery,
} from './lib/bench-report.ts';
import { STARLIGHT_VERSION, prepareStarlight } from './lib/starlight.ts';

const USAGE =
  'usage: npm run bench -- --entries 1000 [--starlight] [--json file] [--rebuild] [--no-search] [--keep] [--seed n]\n' +
  "       npm run bench -- --entries 1000 --history-only   (only the build's history pass)\n" +
  '       npm run bench -- --entries 1000 --site <folder>   (only the searches, on a site the bench built and kept)';
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2021' },
    keep: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    search: { type: 'boolean', default: true },
    'no-search': { type: 'boolean', default: false },
    starlight: { type: 'boolean', default: false },
    'history-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    site: { type: 'string' },
  },
});
const count = Number(values.entries);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}

const started = new Date();
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
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const load = () => loadavg().map((n) => Number(n.toFixed(2)));
const peaks = (m: Measurement) =>
  m.peaks
    .slice(0, 3)
    .map((p) => `${p.name} ${mib(p.mib)}`)
    .join(', ');
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
})();

const figures: Partial<BenchFigures> & Pick<BenchFigures, 'entries' | 'load'> = {
  entries: count,
  seed,
  started: started.toISOString(),
  ...(commit ? { commit } : {}),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? '',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
  },
  load: { start: load() },
};
console.log(
  `machine: ${figures.machine?.cpus} × ${figures.machine?.model}, ${figures.machine?.memoryGiB} GiB, Node ${process.version}; load average ${figures.load.start.join(' ')} (a quiet machine is under 1)`,
);
if (values.site) {
  // Only the searches, on a site built and kept by an earlier run (--keep) of the same number of entries.
  const search = await measureSearch(path.resolve(values.site));
  console.log(`load average at the end: ${load().join(' ')}`);
  console.log(JSON.stringify(search, null, 2));
  await rm(work, { recursive: true, force: true });
  process.exit(0);
}
let t = performance.now();
await generateCatalogue(content, count, path.join(ROOT, 'content'), seed);
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

// The anchor is installed before anything is timed, so that its build runs right after ours.
const astroVersion = (
  JSON.parse(await readFile(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const starlightDir = path.join(tmpdir(), `catalogue-bench-starlight-${STARLIGHT_VERSION}`);
if (values.starlight) {
  t = performance.now();
  await prepareStarlight(starlightDir, content, astroVersion);
  console.log(
    `starlight: ${STARLIGHT_VERSION} with Astro ${astroVersion} ready in ${starlightDir} (${((performance.now() - t) / 1000).toFixed(1)} s; installed from the registry on first use)`,
  );
}

const check = await measure(process.execPath, [path.join(ROOT, 'scripts/check.ts')], { env });
if (check.code !== 0) {
  console.error(check.output);
  process.exit(1);
}
figures.check = { seconds: check.seconds, peakMib: check.totalMib };
console.log(`check:  ${check.seconds.toFixed(2)} s, peak ${peaks(check)}`);

const build = await measure(process.execPath, [ASTRO, 'build'], { env, cwd: ROOT });
if (build.code !== 0) {
  console.error(build.output.slice(-5000));
  process.exit(1);
}
figures.build = {
  seconds: build.seconds,
  treePeakMib: build.totalMib,
  peaks: build.peaks.slice(0, 5).map((p) => ({ name: p.name, mib: Number(p.mib.toFixed(1)) })),
};
console.log(
  `build:  ${build.seconds.toFixed(2)} s (pages and search index); whole process tree at most ${mib(build.totalMib)} (${mib(mibPerThousand(figures as BenchFigures))} per 1,000 entries); per process: ${peaks(build)}`,
);
for (const line of [/search index: .*/.exec(build.output)?.[0], /history: .*/.exec(build.output)?.[0]])
  if (line) console.log(`        ${line}`);

if (values.starlight) {
  const anchor = await measure(
    process.execPath,
    [path.join(starlightDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      cwd: starlightDir,
    },
  );
  if (anchor.code !== 0) {
    console.error(anchor.output.slice(-5000));
    process.exit(1);
  }
  figures.starlight = {
    version: STARLIGHT_VERSION,
    seconds: anchor.seconds,
    treePeakMib: anchor.totalMib,
    ratio: build.seconds / anchor.seconds,
  };
  console.log(
    `starlight build (the same entries in one language, its defaults, its search index): ${anchor.seconds.toFixed(2)} s, whole tree at most ${mib(anchor.totalMib)}; ours took ${figures.starlight.ratio.toFixed(2)} of its time`,
  );
}

if (values.rebuild) {
  const again = await measure(process.execPath, [ASTRO, 'build'], { env, cwd: ROOT });
  figures.rebuild = { seconds: again.seconds, treePeakMib: again.totalMib };
  console.log(`rebuild (bodies cached): ${again.seconds.toFixed(2)} s, whole tree at most ${mib(again.totalMib)}`);
}

const all = (await listTree(site)).map((f) => path.join(site, f));
// A few dozen at a time: tens of thousands of files at once would exhaust the machine's file handles.
const statLimit = pLimit(64);
const stats = await Promise.all(all.map((f) => statLimit(() => stat(f))));
const pages = all.filter((f) => f.endsWith('.html'));
const entrySizes = stats
  .filter((_, i) => /[/\\]standards[/\\]gen-\d+[/\\]index\.html$/.test(all[i] ?? ''))
  .map((s) => s.size);
figures.output = {
  files: all.length,
  bytes: stats.reduce((a, s) => a + s.size, 0),
  diskBytes: stats.reduce((a, s) => a + s.blocks * 512, 0),
  pages: pages.length,
  entryPages: entrySizes.length,
  entryPageMeanBytes: Math.round(entrySizes.reduce((a, b) => a + b, 0) / Math.max(1, entrySizes.length)),
  entryPageMaxBytes: Math.max(0, ...entrySizes),
};
const out = figures.output;
console.log(
  `output: ${(out.bytes / 2 ** 20).toFixed(1)} MiB in ${out.files} files (${kb(bytesPerEntry(figures as BenchFigures))} per entry; ${(out.diskBytes / 2 ** 20).toFixed(1)} MiB of disk blocks); ${out.pages} pages (${out.entryPages} entry pages: mean ${kb(out.entryPageMeanBytes)}, max ${kb(out.entryPageMaxBytes)})`,
);

/** The first searches and the typed queries, in Chromium against the site served from `dir`. */
async function measureSearch(dir: string): Promise<NonNullable<BenchFigures['search']>> {
  const server = await serveDirectory(dir);
  const browser = await launchChromium();
  try {
    const middle = Math.floor(count / 2);
    const show = (label: string, s: FirstSearch) =>
      console.log(
        `search (${label} "${s.query}", opened with ?q=): first result after ${kb(s.bytes)} in ${s.requests} requests and ${s.ms.toFixed(0)} ms${s.right ? '' : ' — NOT the expected entry'}; ${s.shown} results shown`,
      );
    const designation = await firstSearch(browser, server.url, `${10000 + middle}`, `gen-${middle}`);
    show('designation', designation);
    const chinese = await firstSearch(browser, server.url, '时延 可靠性');
    show('broad Chinese', chinese);
    const typed = await typedQueries(browser, server.url, [
      [`gen${Math.floor(count / 3)}word`, `gen-${Math.floor(count / 3)}`],
      [`${10000 + Math.floor(count / 4)}`, `gen-${Math.floor(count / 4)}`],
    ]);
    console.log(`typed into the loaded page: ${typed.map((q) => `"${q.query}" ${q.ms.toFixed(0)} ms`).join(', ')}`);
    return { designation, chinese, typed };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Opens `search/?q=<query>` in a fresh page; counts the responses finished before the first result showed and the
 * time from navigation to it. `expected` names the entry that must come first (designations).
 */
async function firstSearch(browser: Browser, base: string, query: string, expected?: string): Promise<FirstSearch> {
  const page = await browser.newPage();
  const finished: Array<Promise<{ end: number; bytes: number }>> = [];
  page.on('requestfinished', (request) => {
    finished.push(
      (async () => {
        const body = await (await request.response())?.body().catch(() => undefined);
        const timing = request.timing();
        return { end: timing.startTime + timing.responseEnd, bytes: body?.length ?? 0 };
      })(),
    );
  });
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
  const first = (await (
    await page.waitForFunction(
      () => {
        const a = document.querySelector<HTMLAnchorElement>('#search-results li a');
        return a ? { href: a.href, at: performance.timeOrigin + performance.now(), ms: performance.now() } : undefined;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    )
  ).jsonValue()) as { href: string; at: number; ms: number };
  await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query.trim(), {
    timeout: 120_000,
  });
  await page.waitForLoadState('networkidle');
  const responses = await Promise.all(finished);
  const before = responses.filter((r) => r.end <= first.at);
  const shown = await page.$$eval('#search-results li', (l) => l.length);
  await page.close();
  return {
    query,
    bytes: before.reduce((a, r) => a + r.bytes, 0),
    requests: before.length,
    ms: first.ms,
    right: expected ? first.href.includes(`/standards/${expected}/`) : true,
    shown,
  };
}

/** Types queries into a page that has searched already: from the last input to the expected first result. */
async function typedQueries(browser: Browser, base: string, queries: Array<[string, string]>): Promise<TypedQuery[]> {
  const page = await browser.newPage();
  const query = '时延 可靠性';
  await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction((q) => document.getElementById('search-results')?.dataset.query === q, query, {
    timeout: 120_000,
  });
  // The filter counts come after the results; typing starts once they are in (or after a minute without them).
  await page
    .waitForFunction(() => document.getElementById('search-facets')?.dataset.counted !== undefined, undefined, {
      timeout: 60_000,
    })
    .catch(() => console.log('        (the filter counts of the broad query took more than a minute)'));
  await page.waitForLoadState('networkidle');
  const typed: TypedQuery[] = [];
  for (const [query, expected] of queries) {
    const ms = await page.evaluate(
      ([q, id]) =>
        new Promise<number>((resolve) => {
          const list = document.getElementById('search-results')!;
          const input = document.getElementById('search-q') as HTMLInputElement;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (list.querySelector<HTMLAnchorElement>('li a')?.href.includes(`/standards/${id}/`)) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(list, { childList: true, subtree: true });
          // What the last keystroke of typing does: the whole query in the box, one input event.
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      [query, expected] as const,
    );
    typed.push({ query, ms });
    await page.waitForLoadState('networkidle');
  }
  await page.close();
  return typed;
}

if (values.search && !values['no-search']) figures.search = await measureSearch(site);

figures.load.end = load();
console.log(`load average at the end: ${figures.load.end.join(' ')}`);
console.log(`\n${TABLE_HEADER}\n${tableRow(figures as BenchFigures)}\n`);
const json =
  values.json ?? path.join(ROOT, 'bench-output', `bench-${count}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
await mkdir(path.dirname(path.resolve(json)), { recursive: true });
await writeFile(json, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`figures written to ${path.relative(process.cwd(), path.resolve(json)) || json}`);

if (!values.keep) await rm(work, { recursive: true, force: true });
