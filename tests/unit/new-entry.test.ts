/** `npm run new` writes an entry that the check accepts, and refuses bad answers with a suggestion. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorCount, loadCatalogue } from '../../src/lib/catalogue/index.ts';
import { catalogueCopy } from './helpers.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve('scripts/new-entry.ts');
const FLAGS = [
  '--code',
  'YD/T 1234-2024',
  '--title-zh',
  '测试：港口',
  '--title-en',
  'Test: ports',
  '--tier',
  'industry',
  '--body',
  'ccsa',
  '--level',
  'industry',
  '--published',
  '2024-05-01',
  '--scope',
  '5g',
  '--source-url',
  'https://example.org/yd-t-1234',
  '--source-label',
  'Issuer page',
];

describe('npm run new', () => {
  it('writes a valid entry named after the designation', async () => {
    const copy = await catalogueCopy();
    try {
      const env = { ...process.env, CATALOGUE_CONTENT: path.join(copy.root, 'content') };
      const { stdout } = await run(process.execPath, [SCRIPT, ...FLAGS, '--sectors', 'ports, power'], { env });
      expect(stdout).toContain('yd-t-1234-2024.mdx');
      const text = await readFile(path.join(copy.root, 'content/standards/yd-t-1234-2024.mdx'), 'utf8');
      expect(text).toContain('code: "YD/T 1234-2024"\n');
      expect(text).toContain('sectors: [ports, power]\n');
      const result = await loadCatalogue(copy.root);
      expect(errorCount(result.problems)).toBe(0);
      expect(result.problems.map((p) => p.rule)).toEqual(['template-text']);
      expect(result.catalogue.standards.find((s) => s.id === 'yd-t-1234-2024')?.data).toMatchObject({
        tier: 'industry',
        sectors: ['ports', 'power'],
        dates: { published: '2024-05-01' },
      });
    } finally {
      await copy.dispose();
    }
  });

  it('refuses an unknown sector with a suggestion, by id or by the name a person types, and writes nothing', async () => {
    const copy = await catalogueCopy();
    try {
      const env = { ...process.env, CATALOGUE_CONTENT: path.join(copy.root, 'content') };
      const error = await run(process.execPath, [SCRIPT, ...FLAGS, '--sectors', 'port'], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(error).toMatchObject({ code: 2 });
      expect((error as { stderr: string }).stderr).toContain(
        '--sectors "port": unknown sector "port" (expected an id of a file in content/sectors/); did you mean "ports"?',
      );
      // The sector's display name, as the check suggests it.
      const byName = await run(process.execPath, [SCRIPT, ...FLAGS, '--sectors', '智慧港口'], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((byName as { stderr: string }).stderr).toMatch(
        /--sectors "智慧港口": unknown sector "智慧港口" \(expected an id of a file in content\/sectors\/\); did you mean "ports" \(智慧港口/,
      );
      expect((await loadCatalogue(copy.root)).catalogue.standards).toHaveLength(3);
    } finally {
      await copy.dispose();
    }
  });
});
