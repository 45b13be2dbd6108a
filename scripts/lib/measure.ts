/**
 * Runs a command and measures it: wall time, and the peak resident memory of every process it
 * starts (sampled from /proc, so child processes such as pagefind's binary count too).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measurement {
  seconds: number;
  /** Highest resident memory seen, per process (MiB), largest first. */
  peaks: Array<{ pid: number; name: string; mib: number }>;
  /** Highest sum over the whole process tree at one moment (MiB). */
  totalMib: number;
  output: string;
  code: number;
}

const PAGE_KB = 4;

/** The processes under `root`, read from /proc/<pid>/stat only (cheap enough to poll). */
async function processTree(root: number): Promise<Array<{ pid: number; name: string; rssKb: number }>> {
  const parents = new Map<number, number>();
  const info = new Map<number, { name: string; rssKb: number }>();
  await Promise.all(
    (await readdir('/proc'))
      .filter((d) => /^\d+$/.test(d))
      .map(async (dir) => {
        try {
          const stat = await readFile(`/proc/${dir}/stat`, 'utf8');
          // "pid (name) state ppid ..." — the name may contain spaces, so split after the last ")".
          const close = stat.lastIndexOf(')');
          const fields = stat.slice(close + 2).split(' ');
          parents.set(Number(dir), Number(fields[1]));
          info.set(Number(dir), {
            name: stat.slice(stat.indexOf('(') + 1, close),
            rssKb: Number(fields[21]) * PAGE_KB,
          });
        } catch {
          // The process ended while we looked.
        }
      }),
  );
  const tree: Array<{ pid: number; name: string; rssKb: number }> = [];
  for (const [pid, data] of info) {
    let p: number | undefined = pid;
    while (p && p !== root && p !== 1) p = parents.get(p);
    if (p === root) tree.push({ pid, ...data });
  }
  return tree;
}

/** Runs `command args` with `env`, sampling memory every `interval` ms. */
export function measure(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; interval?: number } = {},
): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const peaks = new Map<number, { name: string; kb: number }>();
  let totalKb = 0;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let sampling = false;
  const sample = async () => {
    if (sampling) return;
    sampling = true;
    const tree = await processTree(child.pid!);
    let sum = 0;
    for (const p of tree) {
      sum += p.rssKb;
      const seen = peaks.get(p.pid);
      if (!seen || seen.kb < p.rssKb) peaks.set(p.pid, { name: p.name, kb: p.rssKb });
    }
    totalKb = Math.max(totalKb, sum);
    sampling = false;
  };
  const timer = setInterval(() => void sample(), options.interval ?? 250);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        peaks: [...peaks].map(([pid, p]) => ({ pid, name: p.name, mib: p.kb / 1024 })).sort((a, b) => b.mib - a.mib),
        totalMib: totalKb / 1024,
        output,
        code: code ?? 1,
      });
    });
  });
}
