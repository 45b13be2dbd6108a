/**
 * `npm run build`: builds the site into a fresh folder and only then puts it in place of
 * dist/, so a failed build leaves the previous good site untouched.
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, ROOT } from './lib/build-site.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(ROOT, 'dist') } } });
const dist = path.resolve(values.out!);
// Built next to the target so that the final rename stays on one file system.
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;

try {
  await buildSite({ outDir: next, verbose: true });
} catch (error) {
  await rm(next, { recursive: true, force: true });
  const code = (error as { code?: number }).code;
  console.error(`\n✖ the build failed; ${path.relative(process.cwd(), dist) || 'dist'}/ was left as it was.`);
  process.exit(typeof code === 'number' && code > 0 ? code : 1);
}
await rename(dist, old).catch(() => undefined);
await rename(next, dist);
await rm(old, { recursive: true, force: true });
console.log(`✔ site written to ${path.relative(process.cwd(), dist) || 'dist'}/`);
