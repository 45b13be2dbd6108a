/**
 * The server of `npm run edit`: the editor's files at /admin/ and its local backend at /api/v1, on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { adminFiles, adminPolicy } from './admin-files.ts';
import { LocalBackend } from './local-backend.ts';

/** Requests larger than this are refused: the largest file the check accepts is 256 KB. */
const MAX_REQUEST = 4 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Why a request to the backend is refused, if it is: the Host must be this server (no DNS rebinding), a browser's
 * Origin must be this server (no other site can post to it), and the body must be JSON (a cross-site form cannot
 * send that without the browser asking first, which this server never allows).
 */
export function refusal(headers: IncomingMessage['headers'], origin: string): string | undefined {
  const own = new URL(origin);
  const hosts = [own.host, `localhost:${own.port}`];
  if (!hosts.includes(headers.host ?? '')) return `unexpected Host ${JSON.stringify(headers.host ?? '')}`;
  const from = headers.origin;
  if (from !== undefined && !hosts.map((h) => `http://${h}`).includes(from))
    return `requests from ${from} are not accepted`;
  if (!/^application\/json\b/i.test(headers['content-type'] ?? '')) return 'the backend takes JSON only';
  return undefined;
}

/** A running editor server. */
export interface EditorServer {
  server: Server;
  backend: LocalBackend;
  /** `http://127.0.0.1:PORT/admin/` */
  url: string;
  close(): Promise<void>;
}

/** Starts the editor's server for a project root (port 0: any free port). */
export async function startEditorServer(options: {
  root: string;
  port: number;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}): Promise<EditorServer> {
  const log = options.log ?? (() => undefined);
  const backend = new LocalBackend(options.root, options.env);
  const backendConfig = { mode: 'local' as const, proxyUrl: '/api/v1' };
  const files = await adminFiles(backendConfig);
  const policy = adminPolicy(backendConfig);
  let origin = '';
  backend.onWrite = (file) => log(`wrote ${file} (checked with the rules of npm run check)`);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/api/v1') {
        if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
        const refused = refusal(req.headers, origin);
        if (refused) return json(res, 403, { error: refused });
        let request: unknown;
        try {
          request = JSON.parse(await readBody(req));
        } catch (error) {
          return json(res, 400, { error: `not a JSON request: ${(error as Error).message}` });
        }
        const answer = await backend.handle(request as { action?: unknown; params?: unknown });
        if (answer.status !== 200 && (request as { action?: unknown }).action === 'persistEntry')
          log(`refused a save:\n${(answer.body as { error: string }).error}\n`);
        return json(res, answer.status, answer.body);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain; charset=utf-8');
      if (url.pathname === '/' || url.pathname === '/admin')
        return send(res, 302, '', 'text/plain', { location: '/admin/' });
      const name = url.pathname === '/admin/' ? 'index.html' : url.pathname.replace(/^\/admin\//, '');
      const body = url.pathname.startsWith('/admin/') ? files.get(name) : undefined;
      if (body === undefined) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      const headers: Record<string, string> = name === 'index.html' ? { 'content-security-policy': policy } : {};
      return send(res, 200, body, TYPES[path.extname(name)] ?? 'application/octet-stream', headers);
    })().catch((error: unknown) => json(res, 500, { error: (error as Error).message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    backend,
    url: `${origin}/admin/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
