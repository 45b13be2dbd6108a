/** The build refuses an invalid catalogue with the same messages as npm run check, and leaves dist alone. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCatalogue } from '../../src/lib/catalogue/index.ts';
import { ROOT } from '../../scripts/lib/build-site.ts';
import { catalogueCopy, FIXTURES } from '../unit/helpers.ts';

const run = promisify(execFile);

describe('npm run build with an invalid entry', () => {
  it('fails with the check messages and keeps the previous site', async () => {
    const copy = await catalogueCopy(
      path.join(FIXTURES, 'invalid', 'unknown-sector.mdx'),
      path.join(FIXTURES, 'invalid', 'mdx-script.mdx'),
    );
    try {
      const env = { ...process.env, CATALOGUE_CONTENT: path.join(copy.root, 'content') };
      // npm run check, with the same catalogue, prints the lines the build must print.
      const check = await run(process.execPath, ['scripts/check.ts'], { env }).then(
        () => '',
        (e: { stdout: string }) => e.stdout,
      );
      const expected = check.split('\n').filter((line) => line.includes('.mdx:'));
      expect(expected.length).toBe((await loadCatalogue(copy.root)).problems.map(formatProblem).length);
      const out = path.join(copy.root, 'previous dist');
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'index.html'), 'the previous good site');
      const result = await run(process.execPath, ['scripts/build.ts', `--out=${out}`], { env }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string; stdout: string }) => ({ code: e.code, stderr: `${e.stdout}\n${e.stderr}` }),
      );
      expect(result.code).toBe(1);
      for (const line of expected) expect(result.stderr).toContain(line);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the previous good site');
    } finally {
      await copy.dispose();
    }
  });
});

describe('npm run build and npm run export with a setting they cannot use', () => {
  it.each([
    [
      'build',
      { SITE_URL: 'https://standards.example.net/catalogue/' },
      '✖ SITE_URL="https://standards.example.net/catalogue/" has a path (/catalogue/): give the origin only, SITE_URL=https://standards.example.net, and the path as BASE_PATH=/catalogue/',
    ],
    [
      'export',
      { EDIT_URL: 'https://github.com/org/repo/edit/main/' },
      '✖ EDIT_URL="https://github.com/org/repo/edit/main/" has no {path} or {id}: write e.g. https://github.com/org/repo/edit/main/{path}, or https://example.org/admin/#/collections/standards/entries/{id} for the browser editor',
    ],
  ])('%s refuses %o at start, naming the setting, with no stack trace', async (script, settings, message) => {
    const out = await run(process.execPath, [`scripts/${script}.ts`, '--out=/nonexistent/never-written'], {
      env: { ...process.env, SITE_URL: '', EDIT_URL: '', ISSUE_URL: '', ...settings },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string; stdout: string }) => ({ code: e.code, stderr: `${e.stdout}${e.stderr}` }),
    );
    expect(out.code).toBe(1);
    expect(out.stderr.trim()).toBe(message);
  });
});

describe('two builds in one process', () => {
  it('one fails with an Astro error naming its problems, the other builds, and the process goes on', async () => {
    const { build } = await import('astro');
    const { siteConfig } = await import('../../src/lib/site/astro-config.ts');
    const { CatalogueBuildError, CatalogueProblems } = await import('../../src/lib/site/integration.ts');
    const good = await catalogueCopy();
    const bad = await catalogueCopy(path.join(FIXTURES, 'invalid', 'unknown-sector.mdx'));
    try {
      const run = (root: string) =>
        build({
          ...siteConfig({
            content: path.join(root, 'content'),
            outDir: path.join(root, 'dist'),
            cacheDir: path.join(root, 'cache'),
          }),
          root: ROOT,
          configFile: false,
          logLevel: 'silent',
        });
      const [failed, built] = await Promise.allSettled([run(bad.root), run(good.root)]);
      expect(failed.status).toBe('rejected');
      const error = (failed as PromiseRejectedResult).reason as InstanceType<typeof CatalogueBuildError>;
      expect(error).toBeInstanceOf(CatalogueBuildError);
      expect(error.message).toBe('the catalogue has 1 error in 1 file; nothing was built.');
      expect(error.cause).toBeInstanceOf(CatalogueProblems);
      expect((error.cause as InstanceType<typeof CatalogueProblems>).problems.map((p) => p.rule)).toEqual([
        'unknown-id',
      ]);
      expect(built.status).toBe('fulfilled');
      const catalogue = JSON.parse(await readFile(path.join(good.root, 'dist', 'catalogue.json'), 'utf8'));
      expect(catalogue.entries.map((e: { id: string }) => e.id).sort()).toEqual(
        (await loadCatalogue(good.root)).catalogue.standards.map((s) => s.id).sort(),
      );
      await expect(readFile(path.join(bad.root, 'dist', 'index.html'))).rejects.toThrow();
    } finally {
      await good.dispose();
      await bad.dispose();
    }
  });
});
