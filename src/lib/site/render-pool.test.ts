import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCache, readBody } from './body-cache.ts';
import {
  FILE_CHUNK,
  fileChunks,
  renderBodies,
  renderJob,
  renderToFiles,
  threadCount,
  writerHeapMb,
  type BodyJob,
} from './render-pool.ts';

describe('renderBodies', () => {
  it('stays on the calling thread up to 200 bodies and adds a thread per 200 more, at most one per core', () => {
    expect(threadCount(0, 8)).toBe(1);
    expect(threadCount(200, 8)).toBe(1);
    expect(threadCount(201, 8)).toBe(2);
    expect(threadCount(401, 8)).toBe(3);
    expect(threadCount(5000, 2)).toBe(2);
    expect(threadCount(5000, 1)).toBe(1);
  });

  it('renders 201+ bodies on worker threads exactly as the calling thread does, in order', async () => {
    const jobs: BodyJob[] = Array.from({ length: 203 }, (_, i) => ({
      body:
        i % 2
          ? `<Body lang="zh">\n\n## 第 ${i} 节\n\n正文 ${i}，见 [规范](https://example.org/${i})。\n\n</Body>\n<Body lang="en">\n\n## Part ${i}\n\nText *${i}*.\n\n</Body>\n`
          : `## Section ${i}\n\n| a | b |\n|---|---|\n| ${i} | <abbr title="t${i}">x</abbr> |\n`,
      lang: i % 3 ? 'zh' : 'en',
      file: `content/standards/e-${i}.mdx`,
    }));
    const stats: { threads?: number } = {};
    const pooled = await renderBodies(jobs, { cores: 2, stats });
    expect(stats.threads).toBe(2);
    expect(pooled).toEqual(jobs.map(renderJob));
    expect(pooled[1]!.en!.html).toContain('Part 1');
  });

  it('has worker threads write each body to its file in the body cache, as the calling thread renders it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bodies-'));
    try {
      const cache = await new BodyCache(dir, 'test').open();
      const jobs = Array.from({ length: 203 }, (_, i) => {
        const body = `## Section ${i}\n\n正文 ${i}，见 [规范](https://example.org/${i})。\n`;
        return { body, lang: 'zh' as const, target: cache.file(body, 'zh') };
      });
      const stats: { threads?: number } = {};
      await renderToFiles(jobs, { cores: 2, stats });
      expect(stats.threads).toBe(2);
      expect((await readdir(cache.dir)).length).toBe(203);
      for (const job of [jobs[0]!, jobs[150]!]) expect(await readBody(job.target)).toEqual(renderJob(job));
      await expect(
        renderToFiles([
          { body: '<script>alert(1)</script>', lang: 'en', file: 'bad.mdx', target: cache.file('x', 'en') },
        ]),
      ).rejects.toThrow('bad.mdx');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('writerHeapMb', () => {
  it('gives a writing worker room for the jobs it holds, beyond one rendered body', () => {
    expect(writerHeapMb([])).toBe(64);
    // Half of 50,000 generated bodies of about 5,000 characters: some 125 MB of text for one worker.
    const body = 'x'.repeat(5_000);
    const jobs = Array.from({ length: 25_000 }, (_, i) => ({ body, lang: 'zh' as const, target: `/cache/${i}.json` }));
    const chars = 25_000 * 5_000;
    expect(writerHeapMb(jobs)).toBeGreaterThanOrEqual(64 + (chars * 2) / 2 ** 20);
  });
});

describe('fileChunks', () => {
  it('hands a writing worker a batch of bounded size, whatever the catalogue’s size, keeping every body once in order', () => {
    const jobs = Array.from({ length: 50_000 }, (_, i) => i);
    const chunks = fileChunks(jobs, 2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(FILE_CHUNK);
    expect(chunks.flat()).toEqual(jobs);
    // A small build still uses every thread.
    expect(fileChunks(jobs.slice(0, 400), 2).map((c) => c.length)).toEqual([200, 200]);
  });
});
