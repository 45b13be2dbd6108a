/**
 * `npm run build`: builds the site into a fresh folder and only then puts it in place of
 * dist/, so a failed build leaves the previous good site untouched.
 */
// A refused setting ends the command with its message (first, so that it is in place before the settings are read).
import './lib/refused-setting.ts';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, ROOT } from './lib/build-site.ts';
// Checked before anything is built: a refused setting ends the command here.
import '../src/lib/site/settings.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(ROOT, 'dist') } } });
const dist = path.resolve(values.out);
// Built next to the target so that the final rename stays on one file system.
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;

/** Whether a process is still running (its folder may be in use). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// Folders an interrupted or killed build left behind are removed first.
const parent = path.dirname(dist);
const litter = new RegExp(`^${path.basename(dist).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:next|old)-(\\d+)$`);
for (const name of await readdir(parent).catch(() => [] as string[])) {
  const m = litter.exec(name);
  if (m && !alive(Number(m[1]))) await rm(path.join(parent, name), { recursive: true, force: true });
}

// Interrupted (Ctrl-C, a CI timeout): end Astro, remove the half-built folder, leave dist/ as it was.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stop.abort(signal));

try {
  await buildSite({ outDir: next, verbose: true, signal: stop.signal });
} catch (error) {
  await rm(next, { recursive: true, force: true });
  if (stop.signal.aborted) {
    console.error(
      `\n✖ the build was interrupted; ${path.relative(process.cwd(), dist) || 'dist'}/ was left as it was.`,
    );
    process.exit(130);
  }
  const code = (error as { code?: number }).code;
  console.error(`\n✖ the build failed; ${path.relative(process.cwd(), dist) || 'dist'}/ was left as it was.`);
  process.exit(typeof code === 'number' && code > 0 ? code : 1);
}
await rename(dist, old).catch(() => undefined);
await rename(next, dist);
await rm(old, { recursive: true, force: true });
console.log(`✔ site written to ${path.relative(process.cwd(), dist) || 'dist'}/`);
