/** A worker thread of render-pool.ts: renders the bodies it is given, and writes them to their files or posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { type FileJob, renderJob, renderJobToFile, type WorkerTask } from './render-pool.ts';

const task = workerData as WorkerTask;
try {
  if (task.write) {
    for (const job of task.jobs as FileJob[]) await renderJobToFile(job);
    parentPort!.postMessage({});
  } else parentPort!.postMessage({ rendered: task.jobs.map(renderJob) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
