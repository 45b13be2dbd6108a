/**
 * Reads and validates the whole catalogue from disk. One implementation with two callers:
 * `npm run check` and the build (the content loaders and the build's guard).
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { type Problem, sortProblems } from './problems.ts';
import { crossCheck } from './rules.ts';
import { termProblems } from './concepts.ts';
import {
  type BodyData,
  type MetricData,
  REFERENCE_COLLECTIONS,
  type ReferenceCollection,
  type SectorData,
  OPTIONAL_COLLECTIONS,
  type TargetData,
  type TermData,
  type TopicData,
} from './schemas/index.ts';
import { today } from './dates.ts';
import type { IdCandidates } from './suggest.ts';
import {
  type ReferenceIndex,
  type SourceFile,
  validateReferenceFile,
  validateStandardFile,
  type ValidRecord,
  type ValidStandard,
} from './validate.ts';

/** The validated catalogue as files give it. */
export interface LoadedCatalogue {
  standards: ValidStandard[];
  sectors: ValidRecord<SectorData>[];
  topics: ValidRecord<TopicData>[];
  bodies: ValidRecord<BodyData>[];
  metrics: ValidRecord<MetricData>[];
  targets: ValidRecord<TargetData>[];
  terms: ValidRecord<TermData>[];
}

/** The outcome of loading: what validated, and every problem found. */
export interface LoadResult {
  catalogue: LoadedCatalogue;
  problems: Problem[];
  /** Number of files read, per collection. */
  counts: Record<'standards' | ReferenceCollection, number>;
}

/**
 * Where the catalogue lives: `<root>/content`, or the folder named by CATALOGUE_CONTENT
 * (absolute, or relative to the root); benchmarks and test fixtures use it.
 */
export function contentDir(root: string, env: Record<string, string | undefined> = process.env): string {
  const override = env.CATALOGUE_CONTENT;
  return override ? path.resolve(root, override) : path.join(root, 'content');
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** A valid file name close to `name`: `.draft.mdx` → `draft.mdx`. */
const suggestFileName = (name: string, extension: string) =>
  `${
    name
      .replace(/^\.+/, '')
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'entry'
  }${extension}`;

/** A file's path for messages: relative to the root when inside it, else absolute. */
function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return toPosix(rel.startsWith('..') || path.isAbsolute(rel) ? file : rel);
}

/**
 * Files that stand in for what is on disk: `<folder>/<name>` (e.g. `standards/x.mdx`) → text. The browser
 * editor's server checks a save this way before it writes anything.
 */
export type ContentOverlay = ReadonlyMap<string, string>;

/** Files read at once: a catalogue of tens of thousands of entries must not run out of file handles. */
export const OPEN_FILES = 64;

/** Whether `inner` is `outer` or inside it. */
const isInside = (outer: string, inner: string) => {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The folder a catalogue's files must stay in (its repository): the project root when the content is inside it,
 * else the folder that holds the content (a catalogue built from elsewhere, as benchmarks and tests do), as a real
 * path.
 */
async function boundaryOf(root: string, content: string): Promise<string> {
  const folder = isInside(root, content) ? root : path.dirname(content);
  return realpath(folder).catch(() => path.resolve(folder));
}

/**
 * Where a symbolic link leads, when that is a file or folder inside `boundary`; undefined when it leads outside it
 * or nowhere. Every folder on the way counts: a link anywhere in a path leads where its real path is.
 */
async function linkInside(file: string, boundary: string): Promise<string | undefined> {
  const target = await realpath(file).catch(() => undefined);
  return target !== undefined && isInside(boundary, target) ? target : undefined;
}

/** A symbolic link that leaves the repository, as a problem of the check. */
const outsideLink = (file: string, what: string): Problem => ({
  file,
  field: 'file',
  rule: 'file-link',
  severity: 'error',
  message: `${what} is a symbolic link to something outside the repository (or to nothing); the catalogue reads and publishes only its own files`,
  suggestion: 'replace the link with the file itself, or remove it',
});

async function listFiles(
  root: string,
  content: string,
  folder: string,
  extension: string,
  problems: Problem[],
  boundary: string,
  overlay?: ContentOverlay,
): Promise<SourceFile[]> {
  const dir = path.join(content, folder);
  let names: Array<{ name: string; isFile(): boolean; isSymbolicLink?(): boolean }>;
  const extra = [...(overlay?.keys() ?? [])]
    .filter((key) => key.startsWith(`${folder}/`))
    .map((key) => ({ name: key.slice(folder.length + 1), isFile: () => true }));
  try {
    // The folder itself (or content/ above it) may be a link: it is read only where it really is inside the repository.
    if (!(await linkInside(dir, boundary)) && (await lstat(dir).catch(() => undefined)) !== undefined) {
      problems.push(outsideLink(displayPath(root, dir), `content/${folder}/`));
      return [];
    }
    const onDisk = await readdir(dir, { withFileTypes: true });
    names = [...onDisk, ...extra.filter((e) => !onDisk.some((d) => d.name === e.name))];
  } catch {
    if (extra.length) names = extra;
    else if (OPTIONAL_COLLECTIONS.has(folder)) return [];
    else {
      problems.push({
        file: displayPath(root, dir),
        field: 'folder',
        rule: 'missing-folder',
        severity: 'error',
        message: `the folder content/${folder}/ is missing`,
      });
      return [];
    }
  }
  const files: SourceFile[] = [];
  for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = displayPath(root, path.join(dir, entry.name));
    // Nothing is skipped in silence: a file the site would not publish is refused by name.
    if (entry.name.startsWith('.')) {
      problems.push({
        file: rel,
        line: 1,
        field: 'file',
        rule: 'file-name',
        severity: 'error',
        message: `hidden files are not read: content/${folder}/${entry.name} would never be published`,
        suggestion: `rename it to ${suggestFileName(entry.name, extension)} or remove it`,
      });
      continue;
    }
    let isFile = entry.isFile();
    if (entry.isSymbolicLink?.()) {
      const target = await linkInside(path.join(dir, entry.name), boundary);
      if (!target) {
        problems.push(outsideLink(rel, rel));
        continue;
      }
      isFile = (await lstat(target)).isFile();
    }
    if (!isFile) {
      problems.push({
        file: rel,
        field: 'file',
        rule: 'file-name',
        severity: 'error',
        message: `content/${folder}/ holds one file per record; sub-folders are not read`,
        suggestion: `move its files up into content/${folder}/`,
      });
      continue;
    }
    const ext = path.extname(entry.name);
    if (ext !== extension) {
      problems.push({
        file: rel,
        field: 'file',
        rule: 'file-name',
        severity: 'error',
        message: `files in content/${folder}/ must end in ${extension}`,
        got: JSON.stringify(ext || entry.name),
        suggestion: `rename it to ${path.basename(entry.name, ext)}${extension}`,
      });
      continue;
    }
    files.push({ path: rel, id: path.basename(entry.name, ext), text: '' });
  }
  const open = pLimit(OPEN_FILES);
  await Promise.all(
    files.map((f) =>
      open(
        async () =>
          (f.text =
            overlay?.get(`${folder}/${f.id}${extension}`) ??
            (await readFile(path.join(dir, `${f.id}${extension}`), 'utf8'))),
      ),
    ),
  );
  return files;
}
/**
 * The symbolic links under `public/` that leave the repository: the build copies public/ into the site (and the
 * offline copy) as it is, so such a link would publish a file from elsewhere on the machine. Links are not
 * followed, so a link to a folder is one problem.
 */
async function publicLinks(root: string, boundary: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!(await linkInside(full, boundary)))
          problems.push(outsideLink(displayPath(root, full), displayPath(root, full)));
      } else if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(path.join(root, 'public'));
  return problems;
}

/**
 * The names a person might type instead of an id, from the reference records read so far: sector, topic, issuer
 * and metric names in both languages (an issuer's short name too), every form of the term list's terms that name a
 * sector or a topic, and each standard's designation and titles.
 */
function addNames(names: Record<keyof ReferenceIndex, Map<string, string[]>>, catalogue: LoadedCatalogue): void {
  for (const map of Object.values(names)) map.clear();
  for (const s of catalogue.sectors) names.sectors.set(s.id, [s.data.name.zh, s.data.name.en]);
  for (const t of catalogue.topics) names.topics.set(t.id, [t.data.name.zh, t.data.name.en]);
  for (const b of catalogue.bodies) names.bodies.set(b.id, [b.data.name.zh, b.data.name.en, b.data.short]);
  for (const m of catalogue.metrics) names.metrics.set(m.id, [m.data.name.zh, m.data.name.en]);
  for (const term of catalogue.terms) {
    const id = term.data.sector ?? term.data.topic;
    const target = term.data.sector ? names.sectors : term.data.topic ? names.topics : undefined;
    if (!target || !id) continue;
    target.set(id, [
      ...(target.get(id) ?? []),
      term.data.zh,
      term.data.en,
      ...term.data.aliases.zh,
      ...term.data.aliases.en,
    ]);
  }
}

/**
 * What the sector, topic and issuer fields of a checked catalogue may name, with the names people type for each id:
 * the same candidates the check suggests from (`npm run new` asks with them).
 */
export function referenceCandidates(catalogue: LoadedCatalogue): Record<'sectors' | 'topics' | 'bodies', IdCandidates> {
  const names = {
    sectors: new Map<string, string[]>(),
    topics: new Map<string, string[]>(),
    bodies: new Map<string, string[]>(),
    metrics: new Map<string, string[]>(),
    standards: new Map<string, string[]>(),
  };
  addNames(names, catalogue);
  return {
    sectors: { ids: catalogue.sectors.map((s) => s.id), names: names.sectors },
    topics: { ids: catalogue.topics.map((t) => t.id), names: names.topics },
    bodies: { ids: catalogue.bodies.map((b) => b.id), names: names.bodies },
  };
}

/** The designations and titles of standards, as names an unknown reference is matched against. */
function addStandardNames(names: Map<string, string[]>, standards: readonly ValidStandard[]): void {
  for (const s of standards)
    names.set(
      s.id,
      [s.data.code, s.data.title?.zh, s.data.title?.en].filter((n): n is string => typeof n === 'string'),
    );
}

/** Reads, validates and cross-checks every collection under `<root>/content` (with `overlay` in place of those files). */
export async function loadCatalogue(
  root: string,
  env: Record<string, string | undefined> = process.env,
  overlay?: ContentOverlay,
): Promise<LoadResult> {
  const problems: Problem[] = [];
  const dir = contentDir(root, env);
  const boundary = await boundaryOf(root, dir);
  const [standardFiles, ...referenceFiles] = await Promise.all([
    listFiles(root, dir, 'standards', '.mdx', problems, boundary, overlay),
    ...REFERENCE_COLLECTIONS.map((name) => listFiles(root, dir, name, '.yaml', problems, boundary, overlay)),
  ]);
  for (const p of await publicLinks(root, await boundaryOf(root, root))) problems.push(p);
  const catalogue: LoadedCatalogue = {
    standards: [],
    sectors: [],
    topics: [],
    bodies: [],
    metrics: [],
    targets: [],
    terms: [],
  };
  const counts = { standards: standardFiles.length } as LoadResult['counts'];

  const idsOf = (name: ReferenceCollection) =>
    new Set(referenceFiles[REFERENCE_COLLECTIONS.indexOf(name)]!.map((f) => f.id));
  // An unknown id is matched against the names people type for it: the records' names, and the term list's forms.
  const names = {
    sectors: new Map<string, string[]>(),
    topics: new Map<string, string[]>(),
    bodies: new Map<string, string[]>(),
    metrics: new Map<string, string[]>(),
    standards: new Map<string, string[]>(),
  };
  const references: ReferenceIndex = {
    sectors: { ids: [...idsOf('sectors')], names: names.sectors },
    topics: { ids: [...idsOf('topics')], names: names.topics },
    bodies: { ids: [...idsOf('bodies')], names: names.bodies },
    metrics: { ids: [...idsOf('metrics')], names: names.metrics },
    standards: { ids: standardFiles.map((f) => f.id), names: names.standards },
  };
  const context = { today: today(env), references, deferReferences: false };
  // Targets name sectors, topics and bodies: they are read last, once the names of those are known.
  const order = [...REFERENCE_COLLECTIONS].sort((a, b) => Number(a === 'targets') - Number(b === 'targets'));
  for (const name of order) {
    const files = referenceFiles[REFERENCE_COLLECTIONS.indexOf(name)]!;
    counts[name] = files.length;
    if (name === 'targets') addNames(names, catalogue);
    for (const file of files) {
      const { record, problems: found } = validateReferenceFile(name, file, context);
      problems.push(...found);
      if (record) (catalogue[name] as ValidRecord<unknown>[]).push(record);
    }
  }
  addNames(names, catalogue);
  const partial: ValidStandard[] = [];
  for (const file of standardFiles) {
    const { entry, partial: some, problems: found } = validateStandardFile(file, { ...context, deferReferences: true });
    problems.push(...found);
    if (entry) catalogue.standards.push(entry);
    else if (some) partial.push(some);
  }

  addStandardNames(names.standards, [...catalogue.standards, ...partial]);
  problems.push(
    ...crossCheck({
      standards: [...catalogue.standards, ...partial],
      standardIds: new Set(standardFiles.map((f) => f.id)),
      sectorIds: idsOf('sectors'),
      topicIds: idsOf('topics'),
      bodyIds: idsOf('bodies'),
      metrics: new Map(catalogue.metrics.map((m) => [m.id, m.data])),
      targets: catalogue.targets,
      names,
    }),
  );
  const records = new Map<string, ValidRecord<unknown>>();
  for (const collection of ['terms', 'sectors', 'topics', 'bodies'] as const)
    for (const r of catalogue[collection]) records.set(`${collection}/${r.id}`, r);
  for (const p of termProblems(catalogue)) {
    // The file that holds the form: a term, or the sector, topic or issuer whose name it is.
    const record = records.get(`${p.collection}/${p.id}`);
    problems.push({
      file: record?.file ?? `content/${p.collection}/${p.id}.yaml`,
      line: record?.lines.get(p.field) ?? 1,
      field: p.field,
      rule: 'term-list',
      severity: 'error',
      message: p.message,
      suggestion: p.suggestion,
    });
  }
  return { catalogue, problems: sortProblems(problems), counts };
}
