import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCache, bodyText, readBody, rendererFingerprint, writeBody } from './body-cache.ts';

describe('the body cache', () => {
  it('names a body by its text, its language and the renderer', () => {
    const cache = new BodyCache('/c', 'v1');
    expect(cache.file('## A', 'zh')).toBe(cache.file('## A', 'zh'));
    expect(cache.file('## A', 'zh')).not.toBe(cache.file('## A', 'en'));
    expect(cache.file('## A', 'zh')).not.toBe(cache.file('## B', 'zh'));
    expect(path.dirname(new BodyCache('/c', 'v2').file('## A', 'zh'))).not.toBe(path.dirname(cache.file('## A', 'zh')));
    expect(rendererFingerprint()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('keeps the bodies still used and removes the others, and the folders of other renderers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bodies-'));
    try {
      const cache = await new BodyCache(dir, 'now').open();
      const old = await new BodyCache(dir, 'old').open();
      const body = { zh: { html: '<p>正文</p>', text: '正文', headings: [] } };
      const kept = cache.file('kept', 'zh');
      const gone = cache.file('gone', 'zh');
      await Promise.all([writeBody(kept, body), writeBody(gone, body), writeFile(old.file('x', 'zh'), '{}')]);
      await mkdir(path.join(dir, 'unrelated'));
      expect(await cache.prune(new Set([kept]))).toBe(1);
      expect(await readdir(cache.dir)).toEqual([path.basename(kept)]);
      expect((await readdir(dir)).sort()).toEqual([path.basename(cache.dir), 'unrelated'].sort());
      expect(await readBody(kept)).toEqual(body);
      expect(bodyText({ zh: body.zh, en: { html: '', text: 'text', headings: [] } })).toEqual({
        zh: body.zh?.text,
        en: 'text',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
