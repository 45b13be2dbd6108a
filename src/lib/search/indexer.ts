/**
 * Builds the pagefind index alongside the build. The content loader hands the records over as soon as the catalogue
 * is loaded (each made as its body is read); pagefind (a separate process) indexes them on another core while Astro
 * renders the pages, a part at a time (parts.ts): each part is written as soon as it is full and then dropped, so
 * pagefind never holds more than one part. Any indexing error fails the build.
 */
import { rmSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import * as pagefind from 'pagefind';
import { PART_SIZE, partFolder } from './parts.ts';
import type { SearchRecord } from './records.ts';

/** Records in any form the indexer takes: a list, or records made one after another. */
export type RecordStream = Iterable<SearchRecord> | AsyncIterable<SearchRecord>;

/** An index being built for one build of the site. */
export interface IndexSession {
  /** Starts indexing the records (called once per build, by the loader). */
  feed: (records: RecordStream) => void;
  /** Waits for the indexing and writes `<dist>/pagefind/`. */
  finish: (dist: string) => Promise<IndexWritten>;
}

/** What was indexed: how many records, and each record's URL with the id pagefind gives its result. */
export interface IndexWritten {
  records: number;
  pages: Map<string, string>;
}

/** Files pagefind writes that the search page does not use (it uses pagefind's API, not its ready-made interfaces). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];
/** What a merged part does not need besides: the first part's script, worker and WebAssembly serve every part. */
const SHARED = ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind'];

/** Records sent to pagefind at a time: enough to keep it busy, few enough that neither process queues them all. */
const IN_FLIGHT = 32;

/** One part being indexed: pagefind's index of it, and its records (kept in case the part is indexed again). */
class PartIndex {
  readonly records: SearchRecord[] = [];
  readonly #adding = new Set<Promise<void>>();
  readonly #problems: string[] = [];
  readonly #index: pagefind.PagefindIndex;

  private constructor(index: pagefind.PagefindIndex) {
    this.#index = index;
  }

  static async open(): Promise<PartIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    return new PartIndex(index);
  }

  /** Sends a record; waits only when {@link IN_FLIGHT} are on their way. */
  async add(record: SearchRecord): Promise<void> {
    this.records.push(record);
    const adding: Promise<void> = this.#index
      .addHTMLFile({ url: record.url, content: record.content })
      .then((result) => {
        if (result.errors.length) this.#problems.push(`${record.url}: ${result.errors.join('; ')}`);
      })
      .finally(() => this.#adding.delete(adding));
    this.#adding.add(adding);
    if (this.#adding.size >= IN_FLIGHT) await Promise.race(this.#adding);
  }

  /** Writes the part into `folder`, drops it from pagefind, and returns its result ids by URL. */
  async write(folder: string): Promise<Map<string, string>> {
    await Promise.all(this.#adding);
    if (this.#problems.length)
      throw new Error(
        `pagefind could not index ${this.#problems.length} record(s):\n${this.#problems.slice(0, 20).join('\n')}`,
      );
    const written = await this.#index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`pagefind could not write its files: ${written.errors.join('; ')}`);
    await this.#index.deleteIndex();
    return resultIds(folder);
  }
}

/**
 * A record that gets another result id: pagefind names a result by a short hash of its data, unique within one
 * index but not across parts, so a record whose id another part has already is indexed again with a mark of its own.
 */
export function saltRecord(record: SearchRecord, salt: number): SearchRecord {
  const at = record.content.lastIndexOf('</main>');
  const mark = `<span data-pagefind-ignore data-pagefind-meta="salt">${salt}</span>`;
  return {
    url: record.url,
    content: at < 0 ? record.content + mark : record.content.slice(0, at) + mark + record.content.slice(at),
  };
}

/**
 * Indexes the records and writes the index to `outputPath` (emptied first), in parts of at most `partSize` records
 * (the first in `outputPath`, the others in `part-1/`, …), each result id used once across the parts (`taken`: ids
 * already used elsewhere). The build's session and the search engine's tests both index this way.
 */
export async function writeIndex(
  records: RecordStream,
  outputPath: string,
  options: { partSize?: number; taken?: ReadonlyMap<string, string> } = {},
): Promise<IndexWritten> {
  const partSize = options.partSize ?? PART_SIZE;
  const pages = new Map<string, string>();
  // Result id → URL, across the parts written so far.
  const used = new Map<string, string>(options.taken ?? []);
  await rm(outputPath, { recursive: true, force: true });
  let total = 0;
  let part = 0;
  let current: PartIndex | undefined;

  const finish = async (open: PartIndex) => {
    const folder = path.join(outputPath, partFolder(part));
    let ids = await open.write(folder);
    const salted = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      const clashes = [...ids].filter(([url, id]) => used.has(id) && used.get(id) !== url).map(([url]) => url);
      if (clashes.length === 0) break;
      if (attempt > 5) throw new Error(`pagefind gave ${clashes[0]} the result id of another page five times`);
      for (const url of clashes) salted.add(url);
      await rm(folder, { recursive: true, force: true });
      const again = await PartIndex.open();
      for (const record of open.records) await again.add(salted.has(record.url) ? saltRecord(record, attempt) : record);
      ids = await again.write(folder);
    }
    const unused = part === 0 ? UNUSED : [...UNUSED, ...SHARED];
    await Promise.all(unused.map((name) => rm(path.join(folder, name), { force: true })));
    for (const [url, id] of ids) {
      used.set(id, url);
      pages.set(url, id);
    }
    part++;
  };

  for await (const record of records) {
    current ??= await PartIndex.open();
    await current.add(record);
    total++;
    if (current.records.length === partSize) {
      await finish(current);
      current = undefined;
    }
  }
  // An empty catalogue still gets its (empty) index.
  if (current || total === 0) await finish(current ?? (await PartIndex.open()));
  return { records: total, pages };
}

const gunzipped = promisify(gunzip);
/** What pagefind puts before the JSON of a decompressed file. */
const SIGNATURE = 'pagefind_dcd';

/**
 * The result id of each page of a written index (part), by URL: pagefind names a page's fragment file by the id its
 * search results carry, and the fragment (gzip, then JSON after a signature) holds the URL.
 */
export async function resultIds(folder: string): Promise<Map<string, string>> {
  const dir = path.join(folder, 'fragment');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.pf_fragment'));
  const ids = new Map<string, string>();
  for (let i = 0; i < names.length; i += 64)
    await Promise.all(
      names.slice(i, i + 64).map(async (name) => {
        const text = (await gunzipped(await readFile(path.join(dir, name)))).toString('utf8');
        if (!text.startsWith(SIGNATURE)) throw new Error(`${name}: not a pagefind fragment this build can read`);
        const { url } = JSON.parse(text.slice(SIGNATURE.length)) as { url?: string };
        if (!url) throw new Error(`${name}: a pagefind fragment without a URL`);
        ids.set(url, name.slice(0, -'.pf_fragment'.length));
      }),
    );
  return ids;
}

/**
 * Opens the index session of one build (the integration does, for `astro build` only; the build's state holds it).
 * The index is written to `staging` as soon as it is ready and moved into the site at the end.
 */
export function openIndexSession(staging: string): IndexSession {
  let work: Promise<IndexWritten> | undefined;
  // A build that fails after indexing began must not leave the staging folder behind.
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const session: IndexSession = {
    feed(records) {
      work = writeIndex(records, staging);
      // Reported by finish(); keep an early failure from being an unhandled rejection.
      work.catch(() => undefined);
    },
    async finish(dist) {
      try {
        if (!work) throw new Error('no search records were produced (the standards collection was not loaded)');
        const written = await work;
        const target = path.join(dist, 'pagefind');
        await rm(target, { recursive: true, force: true });
        await rename(staging, target).catch(async () => {
          await cp(staging, target, { recursive: true });
          await rm(staging, { recursive: true, force: true });
        });
        return written;
      } finally {
        process.off('exit', cleanUp);
        await rm(staging, { recursive: true, force: true });
        await pagefind.close();
      }
    },
  };
  return session;
}
