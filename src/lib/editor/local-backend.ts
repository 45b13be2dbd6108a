/**
 * The browser editor's local backend for `npm run edit`: answers the editor's proxy protocol (`POST /api/v1` with
 * `{ action, params }`, the protocol of Decap's `decap-server`) from the working copy's `content/` folder. Every
 * read lists the folder again, so files added by hand show up; every save is checked with the catalogue's own
 * check (the code `npm run check` runs) before anything is written, and a refused save writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, loadCatalogue } from '../catalogue/load.ts';
import { formatProblem, type Problem } from '../catalogue/problems.ts';
import { EDITOR_COLLECTIONS } from './collections.ts';

/** A request the editor sends. */
export interface BackendRequest {
  action?: unknown;
  params?: unknown;
}

/** The answer: an HTTP status and a JSON body (`{ error }` when refused). */
export interface BackendResponse {
  status: number;
  body: unknown;
}

/** A refusal the editor shows to its user, with the status it is sent with. */
export class Refusal extends Error {
  readonly status: number;
  constructor(message: string, status = 422) {
    super(message);
    this.status = status;
  }
}

interface DataFile {
  path: string;
  raw: string;
  slug?: string;
  newPath?: string;
}

const EXTENSION = (collection: string) => (collection === 'standards' ? '.mdx' : '.yaml');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Serves the protocol for a project root (its catalogue under `content/`, or CATALOGUE_CONTENT). */
export class LocalBackend {
  readonly root: string;
  readonly env: Record<string, string | undefined>;
  readonly content: string;
  /** Saves run one at a time: each is checked against what the previous one wrote. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Called after each file written, with its repository path. */
  onWrite?: (repoPath: string) => void;

  constructor(root: string, env: Record<string, string | undefined> = process.env) {
    this.root = root;
    this.env = env;
    this.content = contentDir(root, env);
  }

  /**
   * The file a repository path names (`content/standards/x.mdx`), refused unless it is a file of an editable
   * collection with that collection's extension: nothing outside `content/` is ever read or written.
   */
  resolve(repoPath: unknown): { collection: string; name: string; file: string; key: string } {
    if (typeof repoPath !== 'string') throw new Refusal('a path is missing', 400);
    const m = /^content\/([a-z]+)\/([^/\\]+)$/.exec(repoPath);
    const collection = m?.[1];
    const name = m?.[2];
    if (!m || !collection || !name || !(EDITOR_COLLECTIONS as string[]).includes(collection) || name.startsWith('.'))
      throw new Refusal(`${repoPath} is not a file the editor may touch (only content/<collection>/<file>)`, 403);
    if (path.extname(name) !== EXTENSION(collection))
      throw new Refusal(`files in content/${collection}/ end in ${EXTENSION(collection)}; got ${repoPath}`, 403);
    return { collection, name, file: path.join(this.content, collection, name), key: `${collection}/${name}` };
  }

  /** The collection a folder names (`content/standards`). */
  folder(folder: unknown): string {
    const m = typeof folder === 'string' ? /^content\/([a-z]+)\/?$/.exec(folder) : null;
    if (!m || !(EDITOR_COLLECTIONS as string[]).includes(m[1]!))
      throw new Refusal(`${String(folder)} is not a folder of the catalogue`, 403);
    return m[1]!;
  }

  async entry(repoPath: string) {
    const { file } = this.resolve(repoPath);
    try {
      const text = await readFile(file, 'utf8');
      return { data: text, file: { path: repoPath, id: sha(text) } };
    } catch {
      return { data: null, file: { path: repoPath, id: null } };
    }
  }

  /** Every file of a collection's folder, read now. */
  async entries(collection: string) {
    let names: string[] = [];
    try {
      names = await readdir(path.join(this.content, collection));
    } catch {
      return [];
    }
    const ext = EXTENSION(collection);
    const files = names.filter((n) => n.endsWith(ext) && !n.startsWith('.')).sort();
    return Promise.all(files.map((n) => this.entry(`content/${collection}/${n}`)));
  }

  /**
   * The check's errors a save would bring: every error in the saved files, and errors elsewhere that the catalogue
   * did not have before (a designation now used twice is reported on both files).
   */
  async problemsOf(files: ReadonlyMap<string, string>): Promise<Problem[]> {
    const after = await loadCatalogue(this.root, this.env, files);
    const errors = after.problems.filter((p) => p.severity === 'error');
    const saved = new Set([...files.keys()].map((key) => `/${key}`));
    const inSaved = (p: Problem) => [...saved].some((s) => p.file.endsWith(s));
    const elsewhere = errors.filter((p) => !inSaved(p));
    if (!elsewhere.length) return errors;
    const before = new Set(
      (await loadCatalogue(this.root, this.env)).problems
        .filter((p) => p.severity === 'error')
        .map((p) => formatProblem(p)),
    );
    return errors.filter((p) => inSaved(p) || !before.has(formatProblem(p)));
  }

  /**
   * Writes a file in one step: the text goes to a temporary file beside the content folder (not in it, where the
   * check would see it) and is renamed into place, so a reader (a running `npm run dev`, the check) never sees half.
   */
  async #replace(file: string, text: string): Promise<void> {
    const temporary = path.join(path.dirname(this.content), `.catalogue-edit-${process.pid}-${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async persist(params: Record<string, unknown>) {
    const dataFiles = (Array.isArray(params.dataFiles) ? params.dataFiles : [params.entry]) as DataFile[];
    const options = isRecord(params.options) ? params.options : {};
    if (Array.isArray(params.assets) && params.assets.length)
      throw new Refusal('the catalogue takes no uploaded files; link to the source instead');
    const files = new Map<string, string>();
    const targets: string[] = [];
    for (const dataFile of dataFiles) {
      if (!isRecord(dataFile) || typeof dataFile.raw !== 'string')
        throw new Refusal('a save without file content', 400);
      if (dataFile.newPath && dataFile.newPath !== dataFile.path)
        throw new Refusal('renaming a file is not done in the editor: rename it in Git (other entries may link to it)');
      const { file, key } = this.resolve(dataFile.path);
      if (options.newEntry === true && existsSync(file))
        throw new Refusal(`${dataFile.path} already exists: a record with this id is in the catalogue`);
      files.set(key, dataFile.raw);
      targets.push(file);
    }
    const problems = await this.problemsOf(files);
    if (problems.length)
      throw new Refusal(
        `npm run check refuses this; nothing was written:\n${problems.map((p) => formatProblem(p)).join('\n')}`,
      );
    let i = 0;
    for (const [key, text] of files) {
      await this.#replace(targets[i++]!, text);
      this.onWrite?.(`content/${key}`);
    }
    return { message: 'entry persisted' };
  }

  /** Answers one request of the protocol. */
  async handle(request: BackendRequest): Promise<BackendResponse> {
    const params = isRecord(request.params) ? request.params : {};
    try {
      switch (request.action) {
        case 'info':
          return { status: 200, body: { repo: path.basename(this.root), publish_modes: ['simple'], type: 'local_fs' } };
        case 'entriesByFolder':
          return { status: 200, body: await this.entries(this.folder(params.folder)) };
        case 'entriesByFiles': {
          const files = Array.isArray(params.files) ? (params.files as Array<{ path?: unknown; label?: unknown }>) : [];
          const entries = await Promise.all(files.map((f) => this.entry(String(f.path))));
          return { status: 200, body: entries.map((e, i) => ({ ...e, file: { ...e.file, label: files[i]!.label } })) };
        }
        case 'getEntry':
          return { status: 200, body: await this.entry(String(params.path)) };
        case 'persistEntry': {
          const run = this.#queue.then(() => this.persist(params));
          this.#queue = run.catch(() => undefined);
          return { status: 200, body: await run };
        }
        case 'getMedia':
          return { status: 200, body: [] };
        case 'getDeployPreview':
          return { status: 200, body: null };
        case 'getMediaFile':
        case 'persistMedia':
          throw new Refusal('the catalogue takes no uploaded files; link to the source instead');
        case 'deleteFile':
        case 'deleteFiles':
          throw new Refusal('records are removed in Git, where the links to them can be fixed in the same change', 403);
        default:
          throw new Refusal(`unknown action ${JSON.stringify(request.action)}`, 422);
      }
    } catch (error) {
      if (error instanceof Refusal) return { status: error.status, body: { error: error.message } };
      return { status: 500, body: { error: `the editor's server failed: ${(error as Error).message}` } };
    }
  }
}
