/**
 * Reads and validates the whole catalogue from disk. One implementation with two callers:
 * `npm run check` and the build (the content loaders and the build's guard).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
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

async function listFiles(
  root: string,
  content: string,
  folder: string,
  extension: string,
  problems: Problem[],
  overlay?: ContentOverlay,
): Promise<SourceFile[]> {
  const dir = path.join(content, folder);
  let names: Array<{ name: string; isFile(): boolean }>;
  const extra = [...(overlay?.keys() ?? [])]
    .filter((key) => key.startsWith(`${folder}/`))
    .map((key) => ({ name: key.slice(folder.length + 1), isFile: () => true }));
  try {
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
    if (!entry.isFile()) {
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
  await Promise.all(
    files.map(
      async (f) =>
        (f.text =
          overlay?.get(`${folder}/${f.id}${extension}`) ??
          (await readFile(path.join(dir, `${f.id}${extension}`), 'utf8'))),
    ),
  );
  return files;
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
  const [standardFiles, ...referenceFiles] = await Promise.all([
    listFiles(root, dir, 'standards', '.mdx', problems, overlay),
    ...REFERENCE_COLLECTIONS.map((name) => listFiles(root, dir, name, '.yaml', problems, overlay)),
  ]);
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
  for (const p of termProblems(catalogue)) {
    const term = catalogue.terms.find((t) => t.id === p.id);
    problems.push({
      file: term?.file ?? `content/terms/${p.id}.yaml`,
      line: (p.field ? term?.lines.get(p.field) : undefined) ?? 1,
      field: p.field,
      rule: 'term-list',
      severity: 'error',
      message: p.message,
      suggestion: p.suggestion,
    });
  }
  return { catalogue, problems: sortProblems(problems), counts };
}
