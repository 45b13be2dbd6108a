/**
 * Renders many entry bodies on every core: a body is parsed and rendered in about 2 ms, so a
 * catalogue of thousands is worth spreading over worker threads. Small batches stay on the
 * calling thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderEntryBody, type BodyLang, type LocalizedBody } from '../catalogue/body/index.ts';

/** One body to render: its text and the language it is primarily written in. */
export interface BodyJob {
  body: string;
  lang: BodyLang;
  /** The entry's file, named in any error. */
  file?: string;
}

/** Renders one job; an error names the file, so a failed build says where to look. */
export function renderJob(job: BodyJob): LocalizedBody {
  try {
    return renderEntryBody(job.body, job.lang);
  } catch (error) {
    throw new Error(`${job.file ?? 'an entry body'}: ${(error as Error).message}`, { cause: error });
  }
}

/** Below this many bodies, rendering stays on the calling thread. */
const WORKER_THRESHOLD = 200;

/** How many threads render `count` bodies: one per {@link WORKER_THRESHOLD} bodies, at most one per core. */
export function threadCount(count: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(count / WORKER_THRESHOLD)));
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
  const size = Math.ceil(bodies.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => bodies.slice(i * size, (i + 1) * size));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<LocalizedBody[]>((resolve, reject) => {
          const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: chunk });
          worker.once('message', (message: { rendered?: LocalizedBody[]; error?: string }) => {
            if (message.error) reject(new Error(message.error));
            else resolve(message.rendered!);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return results.flat();
}
