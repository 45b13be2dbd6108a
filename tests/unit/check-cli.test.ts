/** `npm run check` as a command: output, exit codes and --json. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { catalogueCopy, FIXTURES } from './helpers.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve('scripts/check.ts');

async function check(root: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, `--root=${root}`, ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('npm run check', () => {
  it('exits 0 on a valid catalogue', async () => {
    const { code, stdout } = await check(path.join(FIXTURES, 'catalogue'));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^✔ catalogue is valid: 3 standards, 3 sectors, 2 topics, 2 bodies, 4 metrics, 2 targets \(\d+\.\d\d s\)\n$/,
    );
  });

  it('exits 1 and prints each problem as path:line  field  message', async () => {
    const copy = await catalogueCopy(path.join(FIXTURES, 'invalid', 'unknown-sector.mdx'));
    try {
      const { code, stdout } = await check(copy.root);
      expect(code).toBe(1);
      expect(stdout.split('\n')[0]).toBe(
        'content/standards/unknown-sector.mdx:9  sectors[0]  unknown sector "port" (expected an id of a file in content/sectors/); did you mean "ports"?',
      );
      expect(stdout).toMatch(/✖ 1 error in 1 file/);
    } finally {
      await copy.dispose();
    }
  });

  it('prints the same problems as JSON with --json', async () => {
    const copy = await catalogueCopy(path.join(FIXTURES, 'invalid', 'unknown-sector.mdx'));
    try {
      const { code, stdout } = await check(copy.root, '--json');
      expect(code).toBe(1);
      const json = JSON.parse(stdout);
      expect(json).toMatchObject({ ok: false, errors: 1, warnings: 0 });
      expect(json.problems).toEqual([
        {
          file: 'content/standards/unknown-sector.mdx',
          line: 9,
          field: 'sectors[0]',
          rule: 'unknown-id',
          severity: 'error',
          message: 'unknown sector "port"',
          expected: 'an id of a file in content/sectors/',
          suggestion: 'did you mean "ports"?',
        },
      ]);
    } finally {
      await copy.dispose();
    }
  });

  it('writes out the control characters of file names, keys and values: they cannot forge "catalogue is valid"', async () => {
    const copy = await catalogueCopy();
    // Each tries to erase its own line and print a success of its own (ESC [2K, a carriage return, C1's CSI).
    const forged = '\u001b[2K\r✔ catalogue is valid: 3 standards\u001b[8m';
    try {
      const dir = path.join(copy.root, 'content', 'standards');
      await writeFile(path.join(dir, `x${forged}.mdx`), '---\ncode: "X"\n---\n');
      await writeFile(
        path.join(dir, 'keys.mdx'),
        `---\ncode: "KEYS 1"\n${JSON.stringify(forged)}: 1\n"\u009b2K\u202e": 2\ntitle: { zh: "\\e[2K标题", en: ${JSON.stringify(`Title${forged}`)} }\n---\n`,
      );
      for (const args of [[], ['--json']]) {
        const { code, stdout } = await check(copy.root, ...args);
        expect(code).toBe(1);
        expect(stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        if (args.length) JSON.parse(stdout);
        else {
          expect(stdout).toContain('x\\u001B[2K\\u000D✔ catalogue is valid: 3 standards\\u001B[8m.mdx');
          expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ /);
        }
      }
    } finally {
      await copy.dispose();
    }
  });

  it('shows ten warnings of one kind and counts the rest; --json still lists every one', async () => {
    const copy = await catalogueCopy();
    try {
      const text = await readFile(path.join(FIXTURES, 'invalid', 'body-one-language.mdx'), 'utf8');
      for (let i = 1; i <= 13; i++)
        await writeFile(
          path.join(copy.root, 'content', 'standards', `one-language-${i}.mdx`),
          text.replace('TEST 1', `TEST ${i}`),
        );
      const { code, stdout } = await check(copy.root);
      expect(code).toBe(0);
      const lines = stdout.split('\n');
      expect(lines.filter((l) => l.includes('warning: the body is only in English'))).toHaveLength(10);
      expect(lines).toContain(
        '… and 3 more warnings of the same kind (body-one-language: 13 in all); npm run check -- --json lists every one',
      );
      expect(stdout).toMatch(/✔ catalogue is valid with 13 warnings/);
      const json = JSON.parse((await check(copy.root, '--json')).stdout);
      expect(json.problems.filter((p: { rule: string }) => p.rule === 'body-one-language')).toHaveLength(13);
    } finally {
      await copy.dispose();
    }
  });

  it('rejects an unknown option', async () => {
    const { code } = await check(path.join(FIXTURES, 'catalogue'), '--jsn');
    expect(code).toBe(2);
  });
});
