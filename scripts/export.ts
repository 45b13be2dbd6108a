/**
 * `npm run export`: builds the catalogue and packs it as one zip that works opened from disk
 * (file://): links, styles, scripts and search, with no server and no network. The zip is
 * written under a temporary name and renamed into place, so a failed export leaves no zip (or
 * the previous one) behind. The last line of output is the zip's path.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { today } from '../src/lib/catalogue/dates.ts';
import { makeOffline } from '../src/lib/site/offline.ts';
import { buildSite, ROOT } from './lib/build-site.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(ROOT, 'export') },
    /** Pack an already built site instead of building (tests). */
    site: { type: 'string' },
    content: { type: 'string' },
  },
});

/** The folder every file sits in inside the zip. */
const FOLDER = '5g-standards-catalogue';
const work = await mkdtemp(path.join(tmpdir(), 'catalogue-export-'));
const fail = async (message: string): Promise<never> => {
  await rm(work, { recursive: true, force: true });
  console.error(`✖ ${message}\nNo zip was written.`);
  process.exit(1);
};

let site = values.site ? path.resolve(values.site) : path.join(work, 'site');
if (!values.site) {
  console.log('building the site…');
  try {
    await buildSite({ outDir: site, ...(values.content ? { content: values.content } : {}) });
  } catch (error) {
    process.stderr.write((error as { output?: string }).output ?? String(error));
    await fail('the build failed.');
  }
}

const siteOrigin = new URL(process.env.SITE_URL ?? 'https://5g-standards.example.org').origin + '/';
const offline = path.join(work, FOLDER);
const result = await makeOffline(site, offline, siteOrigin);
if (result.problems.length) {
  for (const p of result.problems.slice(0, 50)) console.error(`${p.file}  ${p.message}`);
  if (result.problems.length > 50) console.error(`… and ${result.problems.length - 50} more`);
  await fail(`${result.problems.length} internal URL(s) could not be resolved to a file inside the export.`);
}

async function collect(dir: string, prefix: string, into: Zippable): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) await collect(full, name, into);
    else into[name] = [await readFile(full), { level: /\.(png|jpe?g|gz|zip|pagefind|pf_\w+)$/.test(entry.name) ? 0 : 6 }];
  }
}
const files: Zippable = {};
await collect(offline, FOLDER, files);
const zip = zipSync(files);

await mkdir(values.out!, { recursive: true });
const target = path.join(path.resolve(values.out!), `${FOLDER}-${today()}.zip`);
const partial = `${target}.partial-${process.pid}`;
await writeFile(partial, zip);
await rename(partial, target);
await rm(work, { recursive: true, force: true });
const size = (await stat(target)).size;
console.log(`${result.pages} pages, ${result.rewritten} links made relative, ${(size / 1e6).toFixed(1)} MB; open ${FOLDER}/index.html after unzipping.`);
console.log(target);
