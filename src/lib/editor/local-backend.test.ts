/**
 * The local backend of `npm run edit`: lists what is on disk now, checks every save with the check before writing,
 * writes nothing it refuses, touches nothing outside content/, and answers only the editor's own page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueCopy } from '../../../tests/unit/helpers.ts';
import { readEntry, writeEntry } from './entry-file.ts';
import { LocalBackend } from './local-backend.ts';
import { refusal, startEditorServer } from './local-server.ts';

const copies: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (copies.length) await copies.pop()!();
});
async function backend() {
  const copy = await catalogueCopy();
  copies.push(copy.dispose);
  return { root: copy.root, backend: new LocalBackend(copy.root, {}) };
}

const persist = (file: string, raw: string, newEntry = false) => ({
  action: 'persistEntry',
  params: { dataFiles: [{ path: file, raw, slug: path.basename(file, '.mdx') }], assets: [], options: { newEntry } },
});

describe('reading', () => {
  it('lists a collection as it is on disk now, with files added by hand', async () => {
    const { root, backend: b } = await backend();
    const first = await b.handle({
      action: 'entriesByFolder',
      params: { folder: 'content/standards', extension: 'mdx', depth: 1 },
    });
    expect((first.body as Array<{ file: { path: string } }>).map((e) => e.file.path)).toEqual([
      'content/standards/spec-a.mdx',
      'content/standards/spec-b.mdx',
      'content/standards/spec-c.mdx',
    ]);
    const text = await readFile(path.join(root, 'content/standards/spec-a.mdx'), 'utf8');
    await writeFile(path.join(root, 'content/standards/by-hand.mdx'), text.replace('99.001', '99.777'));
    const again = await b.handle({
      action: 'entriesByFolder',
      params: { folder: 'content/standards', extension: 'mdx', depth: 1 },
    });
    expect((again.body as Array<{ file: { path: string } }>).map((e) => e.file.path)).toContain(
      'content/standards/by-hand.mdx',
    );
  });

  it('reads and writes nothing outside the collections of content/', async () => {
    const { backend: b } = await backend();
    for (const bad of [
      'package.json',
      'content/../package.json',
      'content/standards/../../x.mdx',
      'content/scripts/x.mdx',
      'content/standards/.hidden.mdx',
      'content/standards/x.txt',
    ]) {
      const read = await b.handle({ action: 'getEntry', params: { path: bad } });
      expect(read.status, bad).toBe(403);
      const write = await b.handle(persist(bad, 'x'));
      expect(write.status, bad).toBe(403);
    }
    expect((await b.handle({ action: 'entriesByFolder', params: { folder: '..' } })).status).toBe(403);
    expect(
      (await b.handle({ action: 'deleteFiles', params: { paths: ['content/standards/spec-a.mdx'] } })).status,
    ).toBe(403);
  });
});

describe('saving', () => {
  it('writes a save the check accepts, and only that file', async () => {
    const { root, backend: b } = await backend();
    const file = path.join(root, 'content/standards/spec-a.mdx');
    const values = readEntry('standards', await readFile(file, 'utf8')) as Record<string, unknown> & {
      title: Record<string, string>;
    };
    values.title = { ...values.title, en: 'Renamed' };
    const raw = writeEntry('standards', values);
    const answer = await b.handle(persist('content/standards/spec-a.mdx', raw));
    expect(answer).toEqual({ status: 200, body: { message: 'entry persisted' } });
    expect(await readFile(file, 'utf8')).toBe(raw);
  });

  it('refuses a save the check refuses, with the check’s lines, and writes nothing', async () => {
    const { root, backend: b } = await backend();
    const file = path.join(root, 'content/standards/spec-a.mdx');
    const before = await readFile(file, 'utf8');
    const answer = await b.handle(
      persist('content/standards/spec-a.mdx', before.replace('level: international', 'level: nation')),
    );
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toBe(
      'npm run check refuses this; nothing was written:\ncontent/standards/spec-a.mdx:8  level  value not allowed (expected one of international | national | industry | group | enterprise, got "nation"); did you mean "national"?',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a new entry whose designation another file has (reported on both, refused for the new one)', async () => {
    const { root, backend: b } = await backend();
    const text = await readFile(path.join(root, 'content/standards/spec-a.mdx'), 'utf8');
    const answer = await b.handle(persist('content/standards/copy-of-a.mdx', text, true));
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toContain(
      'copy-of-a.mdx:2  code  the designation "3GPP TS 99.001" is also used by content/standards/spec-a.mdx',
    );
    await expect(readFile(path.join(root, 'content/standards/copy-of-a.mdx'))).rejects.toThrow();
    const exists = await b.handle(persist('content/standards/spec-b.mdx', text, true));
    expect((exists.body as { error: string }).error).toBe(
      'content/standards/spec-b.mdx already exists: a record with this id is in the catalogue',
    );
  });

  it('takes no uploaded files and renames nothing', async () => {
    const { backend: b } = await backend();
    const upload = await b.handle({
      action: 'persistMedia',
      params: { asset: { path: 'public/x.png', content: '', encoding: 'base64' } },
    });
    expect(upload.status).toBe(422);
    const rename = await b.handle({
      action: 'persistEntry',
      params: {
        dataFiles: [{ path: 'content/standards/spec-a.mdx', newPath: 'content/standards/z.mdx', raw: 'x' }],
        assets: [],
      },
    });
    expect((rename.body as { error: string }).error).toMatch(/renaming a file is not done in the editor/);
  });
});

describe('the server of npm run edit', () => {
  it('answers only the editor’s own page: this Host, this Origin, JSON', () => {
    const origin = 'http://127.0.0.1:4323';
    const json = { 'content-type': 'application/json' };
    expect(refusal({ host: '127.0.0.1:4323', ...json }, origin)).toBeUndefined();
    expect(refusal({ host: 'localhost:4323', origin: 'http://localhost:4323', ...json }, origin)).toBeUndefined();
    expect(refusal({ host: 'evil.example:4323', ...json }, origin)).toMatch(/unexpected Host/);
    expect(refusal({ host: '127.0.0.1:4323', origin: 'https://evil.example', ...json }, origin)).toMatch(
      /not accepted/,
    );
    expect(refusal({ host: '127.0.0.1:4323', 'content-type': 'text/plain' }, origin)).toMatch(/JSON only/);
  });

  it('serves the editor with its own policy and refuses a cross-site request', async () => {
    const copy = await catalogueCopy();
    copies.push(copy.dispose);
    const editor = await startEditorServer({ root: copy.root, port: 0, env: {} });
    try {
      expect(editor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/$/);
      const page = await fetch(editor.url);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-eval'");
      expect(await page.text()).toContain('<meta name="robots" content="noindex, nofollow">');
      expect((await fetch(new URL('config.en.json', editor.url))).status).toBe(200);
      const api = new URL('/api/v1', editor.url);
      const forged = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"action":"info"}',
      });
      expect(forged.status).toBe(403);
      const info = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action":"info"}',
      });
      expect(await info.json()).toMatchObject({ type: 'local_fs' });
    } finally {
      await editor.close();
    }
  });
});
