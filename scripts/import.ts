/**
 * `npm run import -- relaton <folder> [--write]`: creates or updates entries from relaton YAML bibliographic
 * records. A dry run unless `--write`; before anything is written the result is checked like `npm run check`, and
 * a result the check refuses is not written. See docs/importing.md.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, errorCount, formatProblem, loadCatalogue } from '../src/lib/catalogue/index.ts';
import {
  formatRecordProblem,
  parseMapping,
  parseRelaton,
  planImport,
  type EntryFile,
  type RecordResult,
  type Supplied,
} from '../src/lib/import/index.ts';
import { formatReport } from '../src/lib/import/index.ts';
import { suppliedSchema } from '../src/lib/import/entry-create.ts';

const USAGE =
  'usage: npm run import -- relaton <folder> [--write] [--map <file.yaml>] [--only "<designation>"]\n' +
  '         [--title-zh … --tier … --scope … --sectors a,b --topics a,b] [--record-url "https://…/{file}"] [--root <dir>]';

const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};

/** The command line, or a usage message and exit code 2. */
function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        write: { type: 'boolean', default: false },
        map: { type: 'string' },
        only: { type: 'string' },
        'title-zh': { type: 'string' },
        tier: { type: 'string' },
        scope: { type: 'string' },
        sectors: { type: 'string' },
        topics: { type: 'string' },
        'record-url': { type: 'string' },
        root: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}
const { values, positionals } = readArgs();
const [format, folder, ...extra] = positionals;
if (format !== 'relaton' || !folder || extra.length)
  fail(`${format && format !== 'relaton' ? `unknown record format "${format}" (expected relaton)\n` : ''}${USAGE}`);

const root = values.root ? path.resolve(values.root) : path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const template = values['record-url'];
if (template !== undefined && (!/^https?:\/\//.test(template) || !template.includes('{file}')))
  fail(`--record-url must be an http(s) address containing {file}, got ${JSON.stringify(template)}`);

/** Every YAML file under the folder, sorted, as paths relative to the working directory. */
async function yamlFiles(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) fail(`${dir}: no such folder of records`, 1);
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  return out.sort();
}

// What a person supplies for documents the catalogue lacks: a mapping file, or flags for every such document.
let supplied: Map<string, Supplied> | undefined;
if (values.map) {
  const text = await readFile(values.map, 'utf8').catch(() => fail(`${values.map}: cannot read the mapping file`, 1));
  const mapping = parseMapping(values.map, text);
  if (mapping.problems.length) fail(mapping.problems.join('\n'), 1);
  supplied = mapping.mapping;
}
const flags = {
  ...(values['title-zh'] ? { 'title-zh': values['title-zh'] } : {}),
  ...(values.tier ? { tier: values.tier } : {}),
  ...(values.scope ? { scope: values.scope } : {}),
  ...(values.sectors !== undefined ? { sectors: values.sectors.split(',').filter(Boolean) } : {}),
  ...(values.topics !== undefined ? { topics: values.topics.split(',').filter(Boolean) } : {}),
};
const suppliedForAll = Object.keys(flags).length ? suppliedSchema.safeParse(flags) : undefined;
if (suppliedForAll && !suppliedForAll.success)
  fail(suppliedForAll.error.issues.map((i) => `--${String(i.path[0])}  ${i.message}`).join('\n'), 1);

const files = await yamlFiles(folder!);
const records: RecordResult[] = [];
for (const file of files)
  records.push(parseRelaton(path.relative(process.cwd(), file) || file, await readFile(file, 'utf8')));
const problems = records.flatMap((r) => (!r.ok && 'problem' in r ? [r.problem] : []));
if (problems.length) {
  for (const p of problems) console.error(formatRecordProblem(p));
  fail(`\n✖ ${problems.length} record${problems.length === 1 ? '' : 's'} cannot be read; nothing was imported`, 1);
}

const loaded = await loadCatalogue(root);
if (errorCount(loaded.problems))
  fail(
    `the catalogue does not pass npm run check; fix it first:\n${loaded.problems
      .filter((p) => p.severity === 'error')
      .map(formatProblem)
      .join('\n')}`,
    1,
  );
const entries: EntryFile[] = [];
for (const s of loaded.catalogue.standards)
  entries.push({ id: s.id, path: s.file, data: s.data, text: await readFile(path.resolve(root, s.file), 'utf8') });

const report = planImport({
  records,
  entries,
  supplied,
  suppliedForAll: suppliedForAll?.data,
  only: values.only,
  recordUrl: template ? (r) => template.replace('{file}', encodeURIComponent(path.basename(r.file))) : undefined,
});
const write = values.write === true;
for (const line of formatReport(report, write)) console.log(line);

// The result must pass the check before anything is written: apply it to a copy of the catalogue and load that.
const changed = [...report.files.keys()];
if (changed.length) {
  const copy = await mkdtemp(path.join(tmpdir(), 'catalogue-import-'));
  try {
    const content = contentDir(root);
    await cp(content, path.join(copy, 'content'), { recursive: true });
    for (const [file, text] of report.files)
      await writeFile(path.join(copy, 'content', path.relative(content, path.resolve(root, file))), text);
    const checked = await loadCatalogue(copy, {});
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      for (const p of errors) console.error(formatProblem(p));
      fail(`\n✖ the imported entries would not pass npm run check; nothing was written`, 1);
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

if (!write) {
  console.log(
    `\ndry run: ${changed.length} file${changed.length === 1 ? '' : 's'} would change (${report.created.length} new); run with --write to write ${changed.length === 1 ? 'it' : 'them'}`,
  );
} else {
  for (const [file, text] of report.files) await writeFile(path.resolve(root, file), text);
  console.log(
    `\n✔ wrote ${changed.length} file${changed.length === 1 ? '' : 's'} (${report.created.length} new); each passes npm run check`,
  );
}
