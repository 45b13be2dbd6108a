/** `npm run import -- relaton <folder>` as a command: dry run, --write, refusals and errors. */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorCount, loadCatalogue } from '../../src/lib/catalogue/index.ts';
import { catalogueCopy, FIXTURES } from './helpers.ts';

const exec = promisify(execFile);
const SCRIPT = path.resolve('scripts/import.ts');
const RECORDS = path.join(FIXTURES, 'relaton', '3gpp');
const URL = 'https://github.com/relaton/relaton-data-3gpp/blob/0123abc/data/{file}';

async function importer(root: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, 'relaton', ...args, '--root', root]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const standards = (root: string) => readdir(path.join(root, 'content', 'standards'));

describe('npm run import', () => {
  it('lists what it would do, writes nothing without --write, and writes a checked entry with it', async () => {
    const copy = await catalogueCopy();
    try {
      const map = path.join(copy.root, 'map.yaml');
      await writeFile(
        map,
        '"3GPP TS 22.263": { title-zh: "专业视听应用业务需求", tier: industry, scope: 5g, sectors: [ports] }\n',
      );
      const dry = await importer(copy.root, RECORDS, '--map', map, '--record-url', URL);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('3GPP TS 22.263: would create content/standards/3gpp-ts-22-263.mdx');
      expect(dry.stdout).toContain('dry run: 1 file would change (1 new); run with --write to write it');
      expect(await standards(copy.root)).toEqual(['spec-a.mdx', 'spec-b.mdx', 'spec-c.mdx']);

      const written = await importer(copy.root, RECORDS, '--map', map, '--record-url', URL, '--write');
      expect(written.code).toBe(0);
      expect(written.stdout).toContain('✔ wrote 1 file (1 new); each passes npm run check');
      const loaded = await loadCatalogue(copy.root, {});
      expect(errorCount(loaded.problems)).toBe(0);
      const text = await readFile(path.join(copy.root, 'content', 'standards', '3gpp-ts-22-263.mdx'), 'utf8');
      expect(text).toContain(
        'https://github.com/relaton/relaton-data-3gpp/blob/0123abc/data/TS_22.263_REL-19_19.0.0.yaml',
      );

      // Run again: the entry now says what the records say.
      const again = await importer(copy.root, RECORDS, '--record-url', URL);
      expect(again.stdout).toContain('no change: 3GPP TS 22.263');
      expect(again.stdout).toContain('dry run: 0 files would change');
    } finally {
      await copy.dispose();
    }
  });

  it('refuses to write entries that would fail the check', async () => {
    const copy = await catalogueCopy();
    try {
      const result = await importer(
        copy.root,
        RECORDS,
        '--write',
        '--title-zh',
        '专业视听',
        '--tier',
        'industry',
        '--scope',
        '5g',
        '--sectors',
        'port',
        '--record-url',
        URL,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('content/standards/3gpp-ts-22-263.mdx:');
      expect(result.stderr).toContain('unknown sector "port"');
      expect(result.stderr).toContain('✖ the imported entries would not pass npm run check; nothing was written');
      expect(await standards(copy.root)).toEqual(['spec-a.mdx', 'spec-b.mdx', 'spec-c.mdx']);
    } finally {
      await copy.dispose();
    }
  });

  it('stops on a malformed record with its place and no stack trace', async () => {
    const copy = await catalogueCopy();
    try {
      const result = await importer(copy.root, path.join(FIXTURES, 'relaton', 'malformed'), '--write');
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toMatch(
        /3gpp-version-missing\.yaml:6 {2}docid\[0\]\.id {2}the record cannot be read \(expected a 3GPP identifier/,
      );
      expect(lines.at(-1)).toBe('✖ 7 records cannot be read; nothing was imported');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await copy.dispose();
    }
  });
});
