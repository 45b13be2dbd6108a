/** A worker thread of render-pool.ts: renders the bodies it is given and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderBody } from './mdx-body.ts';

try {
  parentPort!.postMessage({ rendered: (workerData as string[]).map((body) => renderBody(body)) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
