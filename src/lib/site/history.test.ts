import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changesByEntry,
  chinaDay,
  cleanSubject,
  ENTRY_CHANGES_MAX,
  parseLog,
  possibleTime,
  readHistory,
  SUBJECT_MAX,
  type History,
} from './history.ts';

const run = promisify(execFile);
let work: string;

const entry = (fields: string, body = 'Body text.\n') => `---\n${fields}\n---\n${body}`;

/** Runs git in `repo` with fixed names; `date` sets both the author and the committer date. */
const gitIn =
  (repo: string) =>
  (args: string[], date?: string, input?: string): Promise<{ stdout: string }> => {
    const child = run(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: repo,
        env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      },
    );
    if (input !== undefined) child.child.stdin?.end(input);
    return child;
  };

/** A repository whose catalogue lives in `catalogue/content/standards`, with commits of every kind. */
async function repository(): Promise<string> {
  const repo = path.join(work, 'repo');
  const standards = path.join(repo, 'catalogue', 'content', 'standards');
  await mkdir(standards, { recursive: true });
  const git = gitIn(repo);
  const write = (id: string, text: string) => writeFile(path.join(standards, `${id}.mdx`), text);
  await git(['init', '-q']);
  await write('a', entry('code: "A 1"\nstatus: drafting\ntitle: { zh: "甲", en: "A" }'));
  await write('b', entry('code: "B 1"\nstatus: published'));
  await writeFile(path.join(repo, 'README.md'), 'r');
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'Add a and b'], '2025-01-01T12:00:00+08:00');
  await writeFile(path.join(repo, 'README.md'), 'r2');
  await git(['commit', '-qam', 'Only the README'], '2025-01-02T12:00:00+08:00');
  // Formatting only: quotes, key order and a trailing newline.
  await write('a', entry("title: { en: 'A', zh: '甲' }\ncode: 'A 1'\nstatus: drafting", 'Body   text.\n\n'));
  await git(['commit', '-qam', 'Reformat a'], '2025-01-03T12:00:00+08:00');
  await write('a', entry('code: "A 1"\nstatus: published\ntitle: { zh: "甲", en: "A, corrected" }'));
  await git(['mv', 'catalogue/content/standards/b.mdx', 'catalogue/content/standards/c.mdx']);
  await git(['commit', '-qam', 'Publish a; rename b to c <late>'], '2025-01-03T16:30:00Z');
  return repo;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'history 测试 ('));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('chinaDay and possibleTime', () => {
  it('gives the day in UTC+8', () => {
    expect(chinaDay(Date.parse('2026-03-04T15:59:59Z') / 1000)).toBe('2026-03-04');
    expect(chinaDay(Date.parse('2026-03-04T16:00:00Z') / 1000)).toBe('2026-03-05');
  });

  it('takes only times a date can show: none negative, unparsable or after 9999', () => {
    expect(possibleTime('1700000000')).toBe(1_700_000_000);
    expect(possibleTime('0')).toBe(0);
    for (const impossible of ['', '-5', 'abc', '99999999999999999999', '253402272000', '1e9'])
      expect(possibleTime(impossible), impossible).toBeUndefined();
    expect(chinaDay(possibleTime('253402271999')!)).toBe('9999-12-31');
  });
});

describe('cleanSubject', () => {
  it('caps a subject and shows control and direction characters instead of obeying them', () => {
    expect(cleanSubject('a'.repeat(1_000_000))).toBe(`${'a'.repeat(SUBJECT_MAX - 1)}…`);
    expect(cleanSubject('x'.repeat(SUBJECT_MAX))).toBe('x'.repeat(SUBJECT_MAX));
    expect(cleanSubject('left \u202eright\u202c \x1b[31m red')).toBe('left \ufffdright\ufffd \ufffd[31m red');
    // No character is cut in half.
    expect(Array.from(cleanSubject('😀'.repeat(SUBJECT_MAX + 5))).length).toBe(SUBJECT_MAX);
  });
});

describe('parseLog', () => {
  const blob = (c: string) => c.repeat(40);
  const raw = (before: string, after: string, status: string) => `\n:100644 100644 ${before} ${after} ${status}`;
  it('reads NUL-separated records: a subject or a path can say anything without forging a record', () => {
    const forged = `${blob('f')} 1 1`;
    const log = [
      `${blob('1')} 100 100`,
      `old\x1e${forged}`,
      raw(blob('0'), blob('a'), 'A'),
      'a.mdx',
      raw(blob('0'), blob('b'), 'A'),
      'README.md',
      `${blob('2')} 300 300`,
      forged,
      raw(blob('a'), blob('c'), 'M'),
      `${forged}.mdx`,
      raw(blob('a'), blob('d'), 'M'),
      'sub/c.mdx',
      `${blob('3')} -5 abc`,
      'no possible time',
      '',
    ].join('\0');
    expect(parseLog(log)).toEqual([
      {
        hash: blob('1'),
        time: 100,
        subject: `old\x1e${forged}`,
        files: [{ status: 'A', before: blob('0'), after: blob('a'), path: 'a.mdx' }],
      },
      { hash: blob('2'), time: 300, subject: forged, files: [] },
      { hash: blob('3'), subject: 'no possible time', files: [] },
    ]);
  });

  it('takes the committer time when the author time is impossible', () => {
    expect(parseLog(`${'1'.repeat(40)} 99999999999999999999 200\0s\0`)[0]?.time).toBe(200);
  });
});

describe('readHistory', () => {
  it('tells each commit as changes to entries’ fields, leaves out formatting and code, and orders by author time', async () => {
    const repo = await repository();
    const history = await readHistory(path.join(repo, 'catalogue', 'content', 'standards'));
    expect(history.status).toBe('git');
    expect(history.changes.map((c) => [c.day, c.subject, c.entries])).toEqual([
      [
        '2025-01-04',
        'Publish a; rename b to c <late>',
        [
          {
            id: 'a',
            what: [
              { kind: 'status', from: 'drafting', to: 'published' },
              { kind: 'field', field: 'title', how: 'changed' },
            ],
          },
          { id: 'b', what: [{ kind: 'removed' }] },
          { id: 'c', what: [{ kind: 'added' }] },
        ],
      ],
      [
        '2025-01-01',
        'Add a and b',
        [
          { id: 'a', what: [{ kind: 'added' }] },
          { id: 'b', what: [{ kind: 'added' }] },
        ],
      ],
    ]);
    const byEntry = changesByEntry(history);
    expect(byEntry.get('a')!.items.map((c) => c.subject)).toEqual(['Publish a; rename b to c <late>', 'Add a and b']);
    expect(byEntry.get('c')!.total).toBe(1);
  });

  it('reads a message with a record separator and a 1 MB subject, and a commit with an impossible time', async () => {
    const repo = path.join(work, 'repo');
    const standards = path.join(repo, 'catalogue', 'content', 'standards');
    const git = gitIn(repo);
    await writeFile(
      path.join(standards, 'a.mdx'),
      entry('code: "A 1"\nstatus: published\ntitle: { zh: "甲", en: "A" }'),
    );
    const huge = `Fix\x1e${'1234567890abcdef'.repeat(65_536)}`;
    await git(['commit', '-qa', '-F', '-'], '2025-02-01T12:00:00+08:00', huge);
    await writeFile(
      path.join(standards, 'a.mdx'),
      entry('code: "A 1"\nstatus: published\ntitle: { zh: "甲", en: "A!" }'),
    );
    await git(['add', '-A']);
    const tree = (await git(['write-tree'])).stdout.trim();
    const parent = (await git(['rev-parse', 'HEAD'])).stdout.trim();
    const object = `tree ${tree}\nparent ${parent}\nauthor T <t@e> 99999999999999999999 +0000\ncommitter T <t@e> -5 +0000\n\nFrom the far future\n`;
    const hash = (
      await git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], undefined, object)
    ).stdout.trim();
    await git(['update-ref', 'HEAD', hash]);
    const history = await readHistory(standards);
    const [latest, undated] = [history.changes[0]!, history.changes.at(-1)!];
    expect(latest.subject).toBe(cleanSubject(huge));
    expect(latest.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(latest.subject.startsWith('Fix\ufffd1234')).toBe(true);
    expect(undated).toEqual({
      hash,
      subject: 'From the far future',
      entries: [{ id: 'a', what: [{ kind: 'field', field: 'title', how: 'changed' }] }],
    });
    // The entry's last dated change is the dated one.
    expect(
      changesByEntry(history)
        .get('a')!
        .items.map((c) => c.day),
    ).toEqual(['2025-02-01', '2025-01-04', '2025-01-01', undefined]);
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

describe('changesByEntry', () => {
  it('keeps at most ENTRY_CHANGES_MAX changes per entry, newest first, and counts them all', () => {
    const history: History = {
      status: 'git',
      changes: Array.from({ length: ENTRY_CHANGES_MAX + 7 }, (_, i) => ({
        hash: String(i),
        time: 1000 - i,
        day: '2025-01-01',
        subject: `s${i}`,
        entries: [{ id: 'a', what: [{ kind: 'text' as const }] }],
      })),
    };
    const a = changesByEntry(history).get('a')!;
    expect(a.total).toBe(ENTRY_CHANGES_MAX + 7);
    expect(a.items.map((c) => c.subject)).toEqual(history.changes.slice(0, ENTRY_CHANGES_MAX).map((c) => c.subject));
  });
});
