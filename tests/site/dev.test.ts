/**
 * Editing under `npm run dev`: `astro dev` runs on a copy of the fixture catalogue; an edited title shows on
 * the page, and an error shows the check's own line in the terminal and in the browser's error overlay.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build-site.ts';

const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** A free TCP port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Polls `probe` until it returns something, for at most `ms`; returns what it returned and how long it took. */
let last = '';
async function until<T>(
  what: string,
  ms: number,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    const value = await Promise.resolve()
      .then(probe)
      .catch((error: Error) => {
        last = error.message;
        return undefined;
      });
    if (value !== undefined) return { value, seconds: (performance.now() - started) / 1000 };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${ms / 1000} s waiting for ${what} (last: ${last})\n--- astro dev output ---\n${output}`,
  );
}

/** The environment without vitest's own variables (NODE_ENV=test and VITEST* change how Vite serves pages). */
const devEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k)));

/** The overlay's message as text: Astro renders it as HTML (markdown). */
const asText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let work = '';
let server: ChildProcess | undefined;
let base = '';
let output = '';
let entryFile = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dev-test-'));
  await cp(path.join(ROOT, 'tests/fixtures/catalogue/content'), path.join(work, 'content'), { recursive: true });
  entryFile = path.join(work, 'content', 'standards', 'spec-a.mdx');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    // Its own cache, so the data store of other runs is neither read nor written.
    env: {
      ...devEnv(),
      CATALOGUE_CONTENT: path.join(work, 'content'),
      CATALOGUE_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      CATALOGUE_TODAY: '2026-11-25',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until('the first page', 150_000, async () => {
    const response = await fetch(`${base}/en/standards/spec-a/`, { signal: AbortSignal.timeout(60_000) });
    last = `HTTP ${response.status}`;
    return response.ok ? true : undefined;
  });
}, 200_000);

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (work) await rm(work, { recursive: true, force: true });
});

const page = async () => (await fetch(`${base}/en/standards/spec-a/`, { signal: AbortSignal.timeout(30_000) })).text();

describe('npm run dev', () => {
  it('serves each entry’s citation and compare data files, which a build writes in one pass', async () => {
    const get = async (file: string) => {
      const response = await fetch(`${base}/${file}`, { signal: AbortSignal.timeout(30_000) });
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    };
    const bib = await get('cite/spec-a.bib');
    expect(bib.status).toBe(200);
    expect(bib.type).toContain('application/x-bibtex');
    expect(bib.text).toMatch(/^@standard\{spec-a,/m);
    expect((await get('cite/spec-a.ris')).text).toContain('TY  - STAND');
    expect(JSON.parse((await get('cite/spec-a.json')).text)[0].id).toBe('spec-a');
    const data = await get('compare/data/spec-a.js');
    expect(data.type).toContain('javascript');
    expect(data.text).toContain('["spec-a"]=');
    expect((await get('cite/no-such-entry.bib')).status).toBe(404);
  });

  it('shows an edited title on the page', async () => {
    expect(await page()).toContain('Test specification A');
    const text = await readFile(entryFile, 'utf8');
    await writeFile(entryFile, text.replace('en: "Test specification A"', 'en: "Edited specification A"'));
    const { seconds } = await until('the edited title', 15_000, async () =>
      (await page()).includes('Edited specification A') ? true : undefined,
    );
    console.log(`dev: the edited title was on the page ${seconds.toFixed(2)} s after saving`);
  });

  it('shows the check message of an error in the terminal and the browser overlay', async () => {
    // The browser's side of Vite's HMR channel, as the page's client opens it.
    const client = await (await fetch(`${base}/@vite/client`)).text();
    const token = /wsToken\s*=\s*"([^"]+)"/.exec(client)?.[1];
    expect(token).toBeTruthy();
    const socket = new WebSocket(
      `ws://127.0.0.1:${new URL(base).port}/?token=${encodeURIComponent(token!)}`,
      'vite-hmr',
    );
    const messages: string[] = [];
    socket.addEventListener('message', (event) => messages.push(String(event.data)));
    await until('the HMR channel', 20_000, () => (socket.readyState === WebSocket.OPEN ? true : undefined));
    try {
      // The content is outside the project, so the check names the file by its absolute path, as `npm run check` does.
      const line = `${entryFile}:5  tier  value not allowed (expected one of base | common | industry, got "basis"); did you mean "base"?`;
      const text = await readFile(entryFile, 'utf8');
      await writeFile(entryFile, text.replace(/^tier: base$/m, 'tier: basis'));
      await until('the check message in the terminal', 30_000, () => (output.includes(line) ? true : undefined));
      const overlay = await until('the error overlay', 60_000, () => {
        last = `messages: ${messages.join('\n')}`;
        return messages
          .map((m) => JSON.parse(m) as { type: string; err?: { message: string } })
          .map((m) => (m.type === 'error' && m.err ? asText(m.err.message) : ''))
          .find((message) => message.includes(line));
      });
      expect(overlay.value).toContain(
        'The catalogue has 1 error in 1 file after the change to content/standards/spec-a.mdx; the pages show the last valid catalogue.',
      );
      // The page keeps the last valid catalogue meanwhile.
      expect(await page()).toContain('Edited specification A');
      // Fixing it back to the last valid text changes no page, and still clears the overlay.
      await writeFile(entryFile, text);
      await until('the reload that clears the overlay', 30_000, () =>
        messages.some((m) => (JSON.parse(m) as { type: string }).type === 'full-reload') ? true : undefined,
      );
    } finally {
      socket.close();
    }
  });
});
