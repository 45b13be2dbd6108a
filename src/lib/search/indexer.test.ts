import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saltRecord, writeIndex } from './indexer.ts';
import { partFolder } from './parts.ts';

const record = (i: number) => ({
  url: `/standards/e-${i}/`,
  content: `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>entry${i} words</h1><div data-pagefind-ignore><span data-pagefind-meta="id">e-${i}</span></div></main></body></html>`,
});
const records = Array.from({ length: 7 }, (_, i) => record(i));

describe('the index in parts', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes parts of the size asked, each record once, the shared files only in the first', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'index-'));
    const written = await writeIndex(records, path.join(dir, 'a'), { partSize: 3 });
    expect(written.records).toBe(7);
    expect([...written.pages.keys()].sort()).toEqual(records.map((r) => r.url).sort());
    expect(new Set(written.pages.values()).size).toBe(7);
    for (const k of [0, 1, 2]) {
      const files = await readdir(path.join(dir, 'a', partFolder(k)));
      expect(files, `part ${k}`).toContain('pagefind-entry.json');
      expect(files.includes('pagefind.js'), `part ${k}`).toBe(k === 0);
      expect(files.includes('wasm.en.pagefind'), `part ${k}`).toBe(k === 0);
    }
    expect((await readdir(path.join(dir, 'a'))).filter((f) => f.startsWith('part-'))).toEqual(['part-1', 'part-2']);
  });

  it('gives a record whose result id is taken another one, by indexing its part again', async () => {
    const first = await writeIndex(records, path.join(dir, 'b'), { partSize: 3 });
    const id = first.pages.get('/standards/e-4/')!;
    const again = await writeIndex(records, path.join(dir, 'c'), {
      partSize: 3,
      taken: new Map([[id, '/elsewhere/']]),
    });
    expect(again.pages.get('/standards/e-4/')).not.toBe(id);
    for (const r of records.filter((x) => x.url !== '/standards/e-4/'))
      expect(again.pages.get(r.url), r.url).toBe(first.pages.get(r.url));
  });

  it('marks a salted record with a meta value that changes its data, not its words', () => {
    const salted = saltRecord(record(1), 2);
    expect(salted.content).toContain('<span data-pagefind-ignore data-pagefind-meta="salt">2</span></main>');
    expect(salted.url).toBe(record(1).url);
  });
});
