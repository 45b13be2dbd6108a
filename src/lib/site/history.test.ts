import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesByEntry, chinaDay, LOG_FORMAT, parseLog, readHistory } from './history.ts';

const run = promisify(execFile);
let work: string;

/** A repository whose catalogue lives in `catalogue/content/standards`, with three commits. */
async function repository(): Promise<string> {
  const repo = path.join(work, 'repo');
  const standards = path.join(repo, 'catalogue', 'content', 'standards');
  await mkdir(standards, { recursive: true });
  const git = (args: string[], date?: string) =>
    run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  await git(['init', '-q']);
  await writeFile(path.join(standards, 'a.mdx'), 'a');
  await writeFile(path.join(standards, 'b.mdx'), 'b');
  await writeFile(path.join(repo, 'README.md'), 'r');
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'Add a and b'], '2025-01-01T12:00:00+08:00');
  await writeFile(path.join(repo, 'README.md'), 'r2');
  await git(['commit', '-qam', 'Only the README'], '2025-01-02T12:00:00+08:00');
  await writeFile(path.join(standards, 'a.mdx'), 'a2');
  await git(['mv', 'catalogue/content/standards/b.mdx', 'catalogue/content/standards/c.mdx']);
  await git(['commit', '-qam', 'Change a; rename b to c <late>'], '2025-01-03T16:30:00Z');
  return repo;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'history 测试 ('));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('chinaDay', () => {
  it('gives the day in UTC+8', () => {
    expect(chinaDay(Date.parse('2026-03-04T15:59:59Z') / 1000)).toBe('2026-03-04');
    expect(chinaDay(Date.parse('2026-03-04T16:00:00Z') / 1000)).toBe('2026-03-05');
  });
});

describe('parseLog', () => {
  it('reads commits, keeps entry files only, and orders by author time', () => {
    const log = [
      `${LOG_FORMAT.replace('%H', 'h1').replace('%at', '100').replace('%s', 'old')}\n\na.mdx\nREADME.md\n`,
      `${LOG_FORMAT.replace('%H', 'h2').replace('%at', '300').replace('%s', 'newest')}\n\nb.mdx\nsub/c.mdx\n`,
      `${LOG_FORMAT.replace('%H', 'h3').replace('%at', '200').replace('%s', 'no entries')}\n\nnotes.txt\n`,
    ].join('');
    expect(parseLog(log).map((c) => [c.hash, c.subject, c.ids])).toEqual([
      ['h2', 'newest', ['b']],
      ['h1', 'old', ['a']],
    ]);
  });
});

describe('readHistory', () => {
  it('reads one git log of the standards folder, wherever it is in the repository', async () => {
    const repo = await repository();
    const history = await readHistory(path.join(repo, 'catalogue', 'content', 'standards'));
    expect(history.status).toBe('git');
    expect(history.changes.map((c) => [c.day, c.subject, [...c.ids].sort()])).toEqual([
      ['2025-01-04', 'Change a; rename b to c <late>', ['a', 'b', 'c']],
      ['2025-01-01', 'Add a and b', ['a', 'b']],
    ]);
    const byEntry = changesByEntry(history);
    expect(byEntry.get('a')!.map((c) => c.subject)).toEqual(['Change a; rename b to c <late>', 'Add a and b']);
    expect(byEntry.get('c')!.map((c) => c.subject)).toEqual(['Change a; rename b to c <late>']);
  });

  it('says "shallow" for a shallow clone, whose dates would be wrong', async () => {
    const repo = path.join(work, 'repo');
    const clone = path.join(work, 'shallow clone');
    await run('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(await readHistory(path.join(clone, 'catalogue', 'content', 'standards'))).toEqual({
      status: 'shallow',
      changes: [],
    });
  });

  it('says "no-git" outside any repository, and "untracked" for files not committed', async () => {
    const plain = path.join(work, 'plain', 'standards');
    await mkdir(plain, { recursive: true });
    await writeFile(path.join(plain, 'a.mdx'), 'a');
    expect(await readHistory(plain)).toEqual({ status: 'no-git', changes: [] });
    expect(await readHistory(path.join(work, 'missing folder'))).toEqual({ status: 'no-git', changes: [] });
    const untracked = path.join(work, 'repo', 'other', 'standards');
    await mkdir(untracked, { recursive: true });
    await writeFile(path.join(untracked, 'x.mdx'), 'x');
    expect(await readHistory(untracked)).toEqual({ status: 'untracked', changes: [] });
  });

  it('never rejects when git itself is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(work, 'no-bin');
    try {
      expect(await readHistory(path.join(work, 'repo', 'catalogue', 'content', 'standards'))).toEqual({
        status: 'no-git',
        changes: [],
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
