/**
 * Renders many entry bodies on every core: a body is parsed and rendered in about 2 ms, so a
 * catalogue of thousands is worth spreading over worker threads. Small batches stay on the
 * calling thread, where starting workers would cost more than it saves. A build has the workers
 * write each body to its file in the body cache (body-cache.ts) as soon as it is rendered, so no
 * thread holds more than one rendered body.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderEntryBody, type BodyLang, type LocalizedBody } from '../catalogue/body/index.ts';
import { writeBody } from './body-cache.ts';

/** One body to render: its text and the language it is primarily written in. */
export interface BodyJob {
  body: string;
  lang: BodyLang;
  /** The entry's file, named in any error. */
  file?: string;
}

/** A body to render into a file of the body cache. */
export interface FileJob extends BodyJob {
  target: string;
}

/** Renders one job; an error names the file, so a failed build says where to look. */
export function renderJob(job: BodyJob): LocalizedBody {
  try {
    return renderEntryBody(job.body, job.lang);
  } catch (error) {
    throw new Error(`${job.file ?? 'an entry body'}: ${(error as Error).message}`, { cause: error });
  }
}

/** Renders one job into its file. */
export async function renderJobToFile(job: FileJob): Promise<void> {
  await writeBody(job.target, renderJob(job));
}

/** Below this many bodies, rendering stays on the calling thread. */
const WORKER_THRESHOLD = 200;

/** How many threads render `count` bodies: one per {@link WORKER_THRESHOLD} bodies, at most one per core. */
export function threadCount(count: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(count / WORKER_THRESHOLD)));
}

/** What a worker thread is given: its jobs, and whether it writes them to their files or posts them back. */
export interface WorkerTask {
  jobs: BodyJob[] | FileJob[];
  write: boolean;
}

/**
 * The old-generation heap (MB) of a worker that writes its bodies: room for one rendered body at a time, plus its
 * jobs themselves, which it holds until it ends (at most two bytes a character). A fixed
 * 64 MB ran out at 50,000 entries, when each of two workers was handed some 125 MB of bodies; workers now get
 * batches of at most {@link FILE_CHUNK} bodies.
 */
export function writerHeapMb(jobs: readonly BodyJob[] | readonly FileJob[]): number {
  let chars = 0;
  for (const job of jobs)
    chars += job.body.length + ('target' in job ? job.target.length : 0) + (job.file?.length ?? 0);
  return 64 + Math.ceil((chars * 2) / 2 ** 20);
}

function onWorkers<T>(chunks: WorkerTask[]): Promise<T[]> {
  return Promise.all(
    chunks.map(
      (task) =>
        new Promise<T>((resolve, reject) => {
          // A worker that writes its bodies holds one rendered body at a time: a heap sized to its jobs makes it
          // collect as it goes (unbounded, each grew to about 300 MB rendering 5,000 bodies).
          const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
            workerData: task,
            ...(task.write
              ? { resourceLimits: { maxOldGenerationSizeMb: writerHeapMb(task.jobs), maxYoungGenerationSizeMb: 16 } }
              : {}),
          });
          worker.once('message', (message: { rendered?: T; error?: string }) => {
            if (message.error) reject(new Error(message.error));
            else resolve(message.rendered as T);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
}

function split<T>(items: readonly T[], threads: number): T[][] {
  const size = Math.ceil(items.length / threads);
  return Array.from({ length: threads }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Renders `bodies` in order; rejects with the first body that cannot be rendered. `stats.threads`
 * is set to the number of threads used (1: the calling thread only).
 */
export async function renderBodies(
  bodies: readonly BodyJob[],
  options: { cores?: number; stats?: { threads?: number } } = {},
): Promise<LocalizedBody[]> {
  const threads = threadCount(bodies.length, options.cores);
  if (options.stats) options.stats.threads = threads;
  if (threads <= 1) return bodies.map(renderJob);
  const results = await onWorkers<LocalizedBody[]>(split(bodies, threads).map((jobs) => ({ jobs, write: false })));
  return results.flat();
}

/** At most this many bodies go to one writing worker: what a worker holds stays the same at any catalogue size. */
export const FILE_CHUNK = 2_500;

/**
 * The batches of a build's bodies for `threads` writing workers: as many as the threads, or more of at most
 * {@link FILE_CHUNK} bodies each, in order.
 */
export function fileChunks<T>(jobs: readonly T[], threads: number): T[][] {
  return split(jobs, Math.max(threads, Math.ceil(jobs.length / FILE_CHUNK)));
}

/**
 * Renders each job into its file (the workers write them, `threads` at a time, each a batch of
 * {@link fileChunks}); rejects with the first body that cannot be rendered. `stats.threads` is set to the number of
 * threads used.
 */
export async function renderToFiles(
  jobs: readonly FileJob[],
  options: { cores?: number; stats?: { threads?: number } } = {},
): Promise<void> {
  const threads = threadCount(jobs.length, options.cores);
  if (options.stats) options.stats.threads = threads;
  if (threads <= 1) {
    for (const job of jobs) await renderJobToFile(job);
    return;
  }
  const chunks = fileChunks(jobs, threads);
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      for (let chunk = chunks[next++]; chunk; chunk = chunks[next++])
        await onWorkers<undefined>([{ jobs: chunk, write: true }]);
    }),
  );
}
