/** A worker thread of render-pool.ts: renders the bodies it is given and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { type BodyJob, renderJob } from './render-pool.ts';

try {
  parentPort!.postMessage({ rendered: (workerData as BodyJob[]).map(renderJob) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
