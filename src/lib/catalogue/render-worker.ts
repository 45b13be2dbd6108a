/** A worker thread of render-pool.ts: renders the bodies it is given and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderEntryBody } from './mdx-body.ts';
import type { BodyJob } from './render-pool.ts';

try {
  parentPort!.postMessage({ rendered: (workerData as BodyJob[]).map((job) => renderEntryBody(job.body, job.lang)) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
