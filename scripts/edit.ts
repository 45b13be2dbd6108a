/**
 * `npm run edit`: the browser editor on this working copy. Serves the editor at http://127.0.0.1:PORT/admin/
 * (printed on a line of its own) and answers its local backend from `content/`: no account, files written in
 * place, every save checked first with the code `npm run check` runs. Stop it with Ctrl-C.
 *
 *   npm run edit [-- --port 4323] [-- --root <project folder>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEditorServer } from '../src/lib/editor/local-server.ts';
import { ROOT } from './lib/build-site.ts';

let values: { port: string; root?: string };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string', default: '4323' }, root: { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}; usage: npm run edit [-- --port <number>] [-- --root <project folder>]`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port} is not a port number (0 to 65535)`);
  process.exit(2);
}
const root = values.root ? path.resolve(values.root) : ROOT;

try {
  const editor = await startEditorServer({ root, port, log: (line) => console.log(line) });
  console.log(
    `The browser editor works on ${editor.backend.content}; each save is checked before it is written. Ctrl-C stops it.`,
  );
  console.log(editor.url);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void editor.close().then(() => process.exit(0)));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `port ${port} is in use; choose another with npm run edit -- --port <number>`
      : `the editor could not start: ${(error as Error).message}`,
  );
  process.exit(1);
}
