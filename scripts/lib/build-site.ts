/** Runs `astro build` into a folder of its own; used by the build, export and benchmark scripts and the site tests. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildOptions {
  /** Where the site is written. */
  outDir: string;
  /** Another catalogue (benchmarks, fixtures): a folder holding standards/, sectors/, … */
  content?: string;
  /** Extra environment (e.g. CATALOGUE_TODAY). */
  env?: Record<string, string>;
  /** Print Astro's output as it comes (default: only when the build fails). */
  verbose?: boolean;
  /** Stops the build (the Astro process is ended). */
  signal?: AbortSignal;
}

/** Builds the site; resolves with Astro's output, rejects (with it) when the build fails. */
export function buildSite(options: BuildOptions): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    CATALOGUE_OUT_DIR: path.resolve(options.outDir),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (options.content) env.CATALOGUE_CONTENT = path.resolve(options.content);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGTERM' as const } : {}),
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`astro build failed with exit code ${code}`), { output, code }));
    });
  });
}
