/** A static file server for a built site on 127.0.0.1, for browser tests and scripts. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** The site's address, base path included (`http://127.0.0.1:port/catalogue/`). */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `dir` on a free port of 127.0.0.1 the way the README's nginx guide does: under `base`
 * (`/` or `/catalogue/`; nothing is served outside it), and with the 404 page of the reader's
 * language and status 404 for a missing address (`en/404/index.html` under `en/`, else `404.html`).
 */
export async function serveDirectory(dir: string, base = '/'): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false, extensions: ['html'] });
  const notFound = (res: import('node:http').ServerResponse, english: boolean) => {
    res.statusCode = 404;
    const page = [english ? path.join(dir, 'en', '404', 'index.html') : '', path.join(dir, '404.html')].find(
      (f) => f && existsSync(f),
    );
    if (page) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(readFileSync(page));
    } else res.end('not found');
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return notFound(res, false);
    const rest = url.slice(base.length - 1);
    req.url = rest;
    handler(req, res, () => notFound(res, rest.startsWith('/en/')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
