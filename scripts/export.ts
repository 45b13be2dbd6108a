/**
 * `npm run export`: builds the catalogue and packs it as one zip that works opened from disk
 * (file://): links, styles, scripts and search, with no server and no network. The zip is
 * written under a temporary name and renamed into place, so a failed export leaves no zip (or
 * the previous one) behind. The last line of output is the zip's path.
 *
 * The zip is also published with a built site: copied to `downloads/5g-standards-catalogue.zip`
 * of `--publish` (default: the `--site` packed, else dist/ when it holds a build), whose home and
 * About pages then link it with its size and date. `--no-publish` skips that.
 */
// A refused setting ends the command with its message (first, so that it is in place before the settings are read).
import './lib/refused-setting.ts';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { oneLine } from '../src/lib/catalogue/characters.ts';
import { today } from '../src/lib/catalogue/dates.ts';
import { DOWNLOAD_FILE, DOWNLOAD_PAGES, fillSlots, publishedSlot } from '../src/lib/site/download.ts';
import { makeOffline } from './lib/offline.ts';
import { settingAddresses, SETTINGS, settingsReport } from '../src/lib/site/settings.ts';
import { buildSite, ROOT } from './lib/build-site.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(ROOT, 'export') },
    /** Pack an already built site instead of building (tests). */
    site: { type: 'string' },
    content: { type: 'string' },
    /** The built site to publish the zip with (default: --site, else dist/ when it holds a build). */
    publish: { type: 'string' },
    'no-publish': { type: 'boolean', default: false },
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

// The export's own build is not verbose: what a build without SITE_URL is, and what was derived, is said here.
for (const note of settingsReport(SETTINGS))
  (note.level === 'warn' ? console.warn : console.log)(`${note.level === 'warn' ? '⚠' : 'ℹ'} ${note.text}`);
const site = values.site ? path.resolve(values.site) : path.join(work, 'site');
if (!values.site) {
  console.log('building the site…');
  try {
    await buildSite({ outDir: site, ...(values.content ? { content: values.content } : {}) });
  } catch (error) {
    process.stderr.write((error as { output?: string }).output ?? String(error));
    await fail('the build failed.');
  }
}

const day = today();
const offline = path.join(work, FOLDER);
// The site was built with this environment's BASE_PATH (its own build here, or the build packed with --site).
const result = await makeOffline(site, offline, SETTINGS.site && `${SETTINGS.site}/`, {
  base: SETTINGS.base,
  date: day,
  external: settingAddresses(SETTINGS),
});
if (result.problems.length) {
  for (const p of result.problems.slice(0, 50)) console.error(oneLine(`${p.file}  ${p.message}`));
  if (result.problems.length > 50) console.error(`… and ${result.problems.length - 50} more`);
  await fail(
    `${result.problems.length} problem(s): internal URLs that resolve to no file inside the export, or files of the site that are links.`,
  );
}

async function collect(dir: string, prefix: string, into: Zippable): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) await collect(full, name, into);
    // The copy was written by makeOffline, which follows no link; anything else here is refused, never followed.
    else if (!entry.isFile()) await fail(`${name} is not a regular file; nothing was packed.`);
    else
      into[name] = [await readFile(full), { level: /\.(png|jpe?g|gz|zip|pagefind|pf_\w+)$/.test(entry.name) ? 0 : 6 }];
  }
}
const files: Zippable = {};
await collect(offline, FOLDER, files);
const zip = zipSync(files);

await mkdir(values.out, { recursive: true });
const target = path.join(path.resolve(values.out), `${FOLDER}-${day}.zip`);
const partial = `${target}.partial-${process.pid}`;
await writeFile(partial, zip);
await rename(partial, target);
await rm(work, { recursive: true, force: true });
const size = (await stat(target)).size;
console.log(
  `${result.pages} pages, ${result.rewritten} links made relative, ${(size / 1e6).toFixed(1)} MB; open ${FOLDER}/index.html after unzipping.`,
);

/** Publishes the zip with the built site in `dir`: a stable address, and a link with size and date on the home and About pages. */
async function publish(dir: string): Promise<void> {
  const file = path.join(dir, DOWNLOAD_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await copyFile(target, `${file}.partial-${process.pid}`);
  await rename(`${file}.partial-${process.pid}`, file);
  for (const page of DOWNLOAD_PAGES) {
    const html = path.join(dir, page);
    if (!existsSync(html)) continue;
    const filled = fillSlots(await readFile(html, 'utf8'), (lang) =>
      publishedSlot(page, lang, { bytes: size, date: day }),
    );
    await writeFile(`${html}.partial-${process.pid}`, filled);
    await rename(`${html}.partial-${process.pid}`, html);
  }
  console.log(
    `published with the site: ${path.relative(process.cwd(), file) || file}, linked from its home and About pages`,
  );
}
const dist = path.join(ROOT, 'dist');
const publishTo = values['no-publish']
  ? undefined
  : values.publish
    ? path.resolve(values.publish)
    : values.site
      ? site
      : existsSync(path.join(dist, 'index.html'))
        ? dist
        : undefined;
if (publishTo) await publish(publishTo);
console.log(target);
