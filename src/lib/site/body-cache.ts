/**
 * Rendered entry bodies on disk: one JSON file per body, named by a digest of the body, its language and the
 * renderer's own source. A build renders each body once (on worker threads, which write the files themselves), an
 * entry page reads only its own body while it is rendered, and the search records read the text a batch at a time.
 * Nothing holds every rendered body at once: kept in Astro's content store they were most of a 10,000-entry build's
 * memory, since a build bundles the whole store into one module.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyLang, LocalizedBody } from '../catalogue/body/index.ts';
import type { BodyTexts } from '../search/records.ts';

const PREFIX = 'catalogue-bodies-';

/** A digest of the renderer's source files: bodies rendered by another version of it are rendered again. */
export function rendererFingerprint(): string {
  const dir = fileURLToPath(new URL('../catalogue/body/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort())
    if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
      hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 12);
}

/** The folder of rendered bodies in a cache folder, for one version of the renderer. */
export class BodyCache {
  readonly dir: string;

  constructor(cacheDir: string, fingerprint = rendererFingerprint()) {
    this.dir = path.join(cacheDir, `${PREFIX}${fingerprint}`);
  }

  /** Creates the folder. */
  async open(): Promise<this> {
    await mkdir(this.dir, { recursive: true });
    return this;
  }

  /** The file a body is rendered to: the same body and language always give the same file. */
  file(body: string, lang: BodyLang): string {
    const key = createHash('sha256').update(lang).update('\u0000').update(body).digest('hex').slice(0, 32);
    return path.join(this.dir, `${key}.json`);
  }

  /** Removes every rendered body not in `keep` (absolute paths), and the folders of other renderer versions. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    const parent = path.dirname(this.dir);
    const others = (await readdir(parent).catch(() => [] as string[])).filter(
      (name) => name.startsWith(PREFIX) && path.join(parent, name) !== this.dir,
    );
    await Promise.all(others.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
    const stale = (await readdir(this.dir).catch(() => [] as string[]))
      .map((name) => path.join(this.dir, name))
      .filter((file) => !keep.has(file));
    for (let i = 0; i < stale.length; i += 64)
      await Promise.all(stale.slice(i, i + 64).map((f) => rm(f, { force: true })));
    return stale.length;
  }
}

/** Whether a body was rendered already. */
export const isRendered = (file: string): boolean => existsSync(file);

/** Writes a rendered body (through a temporary name, so that an interrupted build leaves no half-written file). */
export async function writeBody(file: string, body: LocalizedBody): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, JSON.stringify(body));
  await rename(temporary, file);
}

/** Reads a rendered body. */
export async function readBody(file: string): Promise<LocalizedBody> {
  return JSON.parse(await readFile(file, 'utf8')) as LocalizedBody;
}

/** The plain text of each language of a rendered body, for the search record. */
export const bodyText = (body: LocalizedBody): BodyTexts => ({ zh: body.zh?.text, en: body.en?.text });
