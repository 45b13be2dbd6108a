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
import {
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

async function listFiles(
  root: string,
  content: string,
  folder: string,
  extension: string,
  problems: Problem[],
): Promise<SourceFile[]> {
  const dir = path.join(content, folder);
  let names: import('node:fs').Dirent[];
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch {
    if (OPTIONAL_COLLECTIONS.has(folder)) return [];
    problems.push({
      file: displayPath(root, dir),
      field: 'folder',
      rule: 'missing-folder',
      severity: 'error',
      message: `the folder content/${folder}/ is missing`,
    });
    return [];
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
  await Promise.all(files.map(async (f) => (f.text = await readFile(path.join(dir, `${f.id}${extension}`), 'utf8'))));
  return files;
}

/** Reads, validates and cross-checks every collection under `<root>/content`. */
export async function loadCatalogue(
  root: string,
  env: Record<string, string | undefined> = process.env,
): Promise<LoadResult> {
  const problems: Problem[] = [];
  const dir = contentDir(root, env);
  const [standardFiles, ...referenceFiles] = await Promise.all([
    listFiles(root, dir, 'standards', '.mdx', problems),
    ...REFERENCE_COLLECTIONS.map((name) => listFiles(root, dir, name, '.yaml', problems)),
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

  REFERENCE_COLLECTIONS.forEach((name, i) => {
    const files = referenceFiles[i]!;
    counts[name] = files.length;
    for (const file of files) {
      const { record, problems: found } = validateReferenceFile(name, file);
      problems.push(...found);
      if (record) (catalogue[name] as ValidRecord<unknown>[]).push(record);
    }
  });
  const partial: ValidStandard[] = [];
  for (const file of standardFiles) {
    const { entry, partial: some, problems: found } = validateStandardFile(file);
    problems.push(...found);
    if (entry) catalogue.standards.push(entry);
    else if (some) partial.push(some);
  }

  const ids = (name: ReferenceCollection) =>
    new Set(referenceFiles[REFERENCE_COLLECTIONS.indexOf(name)]!.map((f) => f.id));
  problems.push(
    ...crossCheck({
      standards: [...catalogue.standards, ...partial],
      standardIds: new Set(standardFiles.map((f) => f.id)),
      sectorIds: ids('sectors'),
      topicIds: ids('topics'),
      bodyIds: ids('bodies'),
      metrics: new Map(catalogue.metrics.map((m) => [m.id, m.data])),
      targets: catalogue.targets,
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
