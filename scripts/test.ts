/**
 * `npm test`: every check of the project, in one command. The static checks (Prettier, ESLint, astro check,
 * TypeScript) run beside the tests (vitest: the unit project, then the built site in Chromium), since the browser
 * tests mostly wait; each prints its findings when it ends. Exit 0 only when all pass. Extra arguments go to vitest
 * (`npm test -- tests/unit/check-rules.test.ts` runs one file and skips the static checks).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (...p: string[]) => path.join(ROOT, 'node_modules', ...p);
const TS6 = ['--import', path.join(ROOT, 'tools/static-checks/typescript-6.js')];

interface Check {
  name: string;
  args: string[];
}

/** The static checks; each is a Node program run with the project's Node. */
const STATIC: Check[] = [
  { name: 'Prettier', args: [bin('prettier', 'bin', 'prettier.cjs'), '--check', '--log-level=warn', '.'] },
  { name: 'ESLint', args: [...TS6, bin('eslint', 'bin', 'eslint.js'), '.'] },
  {
    name: 'astro check',
    args: [
      ...TS6,
      path.join(ROOT, 'tools/static-checks/node_modules/@astrojs/check/bin/astro-check.js'),
      '--root',
      ROOT,
    ],
  },
  { name: 'TypeScript 7', args: [bin('typescript', 'bin', 'tsc'), '--noEmit', '-p', ROOT] },
];

/** Runs a check, collecting its output; resolves with its exit code and the seconds it took. */
function run(check: Check, stream: boolean): Promise<{ check: Check; code: number; seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, check.args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer) => {
      if (stream) process.stdout.write(chunk);
      else output += chunk.toString();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) =>
      resolve({ check, code: code ?? 1, seconds: (performance.now() - started) / 1000, output }),
    );
  });
}

const extra = process.argv.slice(2);
const started = performance.now();
if (!extra.length) {
  // astro check, ESLint and tsc read the types of `astro:content` from .astro/, which a fresh clone does not have.
  const sync = await run({ name: 'astro sync', args: [bin('astro', 'bin', 'astro.mjs'), 'sync'] }, false);
  if (sync.code !== 0) {
    process.stdout.write(`✖ astro sync\n${sync.output}`);
    process.exit(1);
  }
}
const statics = extra.length ? [] : STATIC.map((c) => run(c, false));
// The static checks print as each ends, so their findings do not interleave with the tests' own output.
const reported = statics.map((p) =>
  p.then((r) => {
    const mark = r.code === 0 ? '✔' : '✖';
    process.stdout.write(`\n${mark} ${r.check.name} (${r.seconds.toFixed(1)} s)\n${r.code === 0 ? '' : r.output}`);
    return r;
  }),
);
const tests = await run(
  {
    name: 'vitest',
    args: [
      bin('vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=./tests/reporters/slowest.ts',
      ...extra,
    ],
  },
  true,
);
const results = [...(await Promise.all(reported)), tests];
const failed = results.filter((r) => r.code !== 0).map((r) => r.check.name);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (failed.length) {
  console.log(`\n✖ npm test failed: ${failed.join(', ')} (${seconds} s)`);
  process.exitCode = 1;
} else console.log(`\n✔ npm test passed: ${results.map((r) => r.check.name).join(', ')} (${seconds} s)`);
