import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_FILE, fillSlots, formatBytes, offlineSlot, publishedSlot } from './download.ts';
import { makeOffline } from '../../../scripts/lib/offline.ts';

const slot = (lang: string, inner = '') => `<div class="download-slot" data-download-slot="${lang}">${inner}</div>`;

describe('download slots', () => {
  it('are filled with a relative link to the zip, its size and date, in the page language', () => {
    const html = `<main><div class="x">a</div>${slot('en', '<p class="muted">No archive.</p>')}<div>after</div></main>`;
    const filled = fillSlots(html, (lang) =>
      publishedSlot('en/about/index.html', lang, { bytes: 3_456_789, date: '2026-11-25' }),
    );
    expect(filled).toBe(
      '<main><div class="x">a</div><div class="download-slot" data-download-slot="en"><p><a class="download" href="../../downloads/5g-standards-catalogue.zip" download type="application/zip">Download the offline copy (zip)</a> <span class="meta">3.5 MB, made 2026-11-25</span></p><p class="muted">Unzip it and open its index.html in a browser: links, styles and search work without a network.</p></div><div>after</div></main>',
    );
  });

  it('say inside the offline copy that the reader holds it', () => {
    expect(fillSlots(slot('zh'), (lang) => offlineSlot(lang, '2026-11-25'))).toBe(
      slot('zh', '<p class="muted">您正在阅读本目录的离线版（2026-11-25 生成）。</p>'),
    );
  });

  it('give sizes in decimal units', () => {
    expect([formatBytes(512), formatBytes(48_000), formatBytes(3_449_999)]).toEqual(['1 KB', '48 KB', '3.4 MB']);
  });
});

describe('makeOffline of a site built under a base path', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'offline base ('));
    const site = path.join(work, 'site');
    const page = (body: string) =>
      `<!doctype html><html><head><link rel="stylesheet" href="/catalogue/_astro/a.css"><link rel="canonical" href="https://x.org/catalogue/"></head><body>${body}</body></html>`;
    await mkdir(path.join(site, '_astro'), { recursive: true });
    await mkdir(path.join(site, 'en', 'standards', 'a'), { recursive: true });
    await mkdir(path.join(site, path.dirname(DOWNLOAD_FILE)), { recursive: true });
    await writeFile(path.join(site, '_astro', 'a.css'), 'body{background:url(/catalogue/favicon.svg)}');
    await writeFile(path.join(site, 'favicon.svg'), '<svg/>');
    await writeFile(path.join(site, DOWNLOAD_FILE), 'old zip');
    await writeFile(
      path.join(site, 'index.html'),
      page(
        `<a href="/catalogue/en/standards/a/">a</a>${slot('zh', '<p><a href="downloads/5g-standards-catalogue.zip">zip</a></p>')}`,
      ),
    );
    await writeFile(
      path.join(site, 'en', 'standards', 'a', 'index.html'),
      page('<a href="/catalogue/">home</a> <a href="/elsewhere/">out</a>'),
    );
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('makes every URL under the base path relative, leaves out a published zip, and names URLs outside the base', async () => {
    const out = path.join(work, 'out');
    const result = await makeOffline(path.join(work, 'site'), out, 'https://x.org/', {
      base: '/catalogue/',
      date: '2026-11-25',
    });
    expect(result.problems).toEqual([
      {
        file: 'en/standards/a/index.html',
        message: 'href="/elsewhere/" is outside the base path /catalogue/ the site was built for',
      },
    ]);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('href="_astro/a.css"');
    expect(home).toContain('href="en/standards/a/index.html"');
    expect(home).toContain('href="https://x.org/catalogue/"');
    expect(home).not.toContain('.zip');
    expect(home).toContain('2026-11-25');
    expect(await readFile(path.join(out, 'en', 'standards', 'a', 'index.html'), 'utf8')).toContain(
      'href="../../../index.html"',
    );
    expect(await readFile(path.join(out, '_astro', 'a.css'), 'utf8')).toBe('body{background:url(../favicon.svg)}');
    await expect(readFile(path.join(out, DOWNLOAD_FILE))).rejects.toThrow();
  });
});
