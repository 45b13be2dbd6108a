/**
 * The catalogue's history, read from git and told as changes to entries: one `git log` over the standards folder
 * lists each commit with the entry files it touched and their blobs before and after; one `git cat-file --batch`
 * reads the two blobs of each file a commit modified (an added or removed file needs none), and entry-diff.ts says
 * what changed between them, from the parsed frontmatter and the body's words. Commits that changed no entry's content (a
 * reformatted file, code) are left out. Linear in the number of changed files, whatever the size of the catalogue.
 *
 * History is data like any other contribution: the log is read NUL-separated (a commit message cannot forge a
 * record or a file), an impossible time makes a commit undated rather than failing the build, subjects are capped
 * and their control characters made visible, and each entry keeps at most {@link ENTRY_CHANGES_MAX} changes.
 *
 * A copy without history (a tarball, a folder outside any repository, a shallow clone whose history is cut) gives a
 * status saying so, and pages fall back to `updated`; no lack of git ever fails the build.
 */
import { spawn } from 'node:child_process';
import { STANDARD_FIELDS } from '../catalogue/validate.ts';
import { describeEntryChange, type ChangeItem } from './entry-diff.ts';

export type { ChangeItem } from './entry-diff.ts';

/** What one commit changed in one entry. */
export interface EntryChange {
  id: string;
  what: ChangeItem[];
}

/** One commit that changed the content of entries. */
export interface Change {
  hash: string;
  /** Author time (else committer time), seconds since the epoch; absent when git gives neither as a possible time. */
  time?: number;
  /** That time as a day in China time (UTC+8), YYYY-MM-DD; absent with the time. */
  day?: string;
  /** The commit subject, capped at {@link SUBJECT_MAX} characters, control characters shown as U+FFFD (untrusted text: escape it for each place it goes). */
  subject: string;
  /** The entries whose content it changed, and how. */
  entries: EntryChange[];
}

/** One change of one entry, as its page lists it. */
export interface EntryHistoryItem {
  hash: string;
  time?: number;
  day?: string;
  subject: string;
  what: ChangeItem[];
}

/**
 * Whether the history can be trusted: `git` (read), `no-git` (no repository or no git program),
 * `shallow` (a shallow clone: older commits are missing, so dates would be wrong) or `untracked`
 * (a repository that has no commit changing the entries).
 */
export type HistoryStatus = 'git' | 'no-git' | 'shallow' | 'untracked';

export interface History {
  status: HistoryStatus;
  /** Every commit that changed an entry's content, newest first (undated ones last; empty unless status is `git`). */
  changes: Change[];
}

/** Characters of a commit subject kept: a subject is one line; the rest of a long one is cut with "…". */
export const SUBJECT_MAX = 200;
/** Changes kept per entry, newest first: an entry's page never grows with a long history. */
export const ENTRY_CHANGES_MAX = 30;

/** The last second of 9999-12-31 in China: later times (and negative or unparsable ones) are impossible for a commit here. */
const LATEST = 253_402_271_999;

/** The day of a Unix time in China (UTC+8 all year; China has no daylight saving time). */
export function chinaDay(seconds: number): string {
  return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 10);
}

/** A time git printed (`%at`, `%ct`), or undefined when it is not a possible one. */
export function possibleTime(text: string): number | undefined {
  if (!/^\d{1,12}$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds <= LATEST ? seconds : undefined;
}

// C0 and C1 controls, bidirectional controls and other invisible formatting characters: shown, never obeyed.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu;

/** A subject as pages may show it: one line, controls replaced, at most SUBJECT_MAX characters. */
export function cleanSubject(subject: string): string {
  // Cut before cleaning, so a huge subject costs no more than a short one.
  const chars = Array.from(subject.slice(0, SUBJECT_MAX * 2 + 2));
  const cut = chars.length > SUBJECT_MAX || subject.length > SUBJECT_MAX * 2 + 2;
  const kept = chars.slice(0, cut ? SUBJECT_MAX - 1 : SUBJECT_MAX).join('');
  return `${kept.replace(CONTROLS, '\ufffd').trim()}${cut ? '…' : ''}`;
}

/** The `git log` format: hash, author and committer time (hex and digits only), then the subject, NUL-separated. */
export const LOG_FORMAT = '%H %at %ct%x00%s';
/** The arguments of the one `git log`, run in the standards folder. */
export const LOG_ARGS = [
  'log',
  '-z',
  '--raw',
  '--no-renames',
  '--no-abbrev',
  '--relative',
  `--format=${LOG_FORMAT}`,
  '--',
  '.',
];

/** One file a commit touched, from `--raw`: status letter, blobs before and after (all zeros when absent). */
export interface RawFile {
  status: string;
  before: string;
  after: string;
  path: string;
}

/** A commit as the log lists it, before its files are read. */
export interface RawCommit {
  hash: string;
  time?: number;
  subject: string;
  files: RawFile[];
}

const HEADER = /^\n?([0-9a-f]{40}|[0-9a-f]{64}) (\S*) (\S*)$/;
const RAW = /^\n?:[0-7]{6} [0-7]{6} ([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) ([A-Z])\d*$/;
const ENTRY_FILE = /^([a-z0-9][a-z0-9-]*)\.mdx$/;
const NO_BLOB = /^0+$/;

/**
 * Parses the output of `git log LOG_ARGS`. Every field ends in NUL, and neither a subject nor a path can hold one,
 * so the record after a header is always its subject and the one after a raw line always its path, whatever they
 * say. Only entry files (`<id>.mdx` in the folder itself) are kept.
 */
export function parseLog(output: string): RawCommit[] {
  const fields = output.split('\0');
  const commits: RawCommit[] = [];
  let current: RawCommit | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const raw = RAW.exec(field);
    if (raw) {
      const path = fields[++i] ?? '';
      if (current && ENTRY_FILE.test(path))
        current.files.push({ before: raw[1]!, after: raw[2]!, status: raw[3]!, path });
      continue;
    }
    const header = HEADER.exec(field);
    if (header) {
      const subject = fields[++i] ?? '';
      const time = possibleTime(header[2]!) ?? possibleTime(header[3]!);
      current = { hash: header[1]!, ...(time !== undefined ? { time } : {}), subject, files: [] };
      commits.push(current);
    }
    // Anything else (the empty field at the end) is not a record.
  }
  return commits;
}

/** Runs git in `cwd`; resolves with its output, or undefined when git is missing or fails. */
function git(cwd: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      });
    } catch {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}

/**
 * Says what each pair of blobs changed (the versions of an entry file before and after a commit), with one
 * `git cat-file --batch` read as it arrives: the two texts of a pair are compared as soon as both are in, so that one
 * pair is held at a time, whatever the size of the history. A pair git cannot give both blobs of is told as an edit.
 */
export function describePairs(cwd: string, pairs: ReadonlyArray<readonly [string, string]>): Promise<ChangeItem[][]> {
  const results: ChangeItem[][] = pairs.map(() => [{ kind: 'edited' }]);
  if (pairs.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', ['cat-file', '--batch'], {
        cwd,
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      });
    } catch {
      resolve(results);
      return;
    }
    let pending: Buffer = Buffer.alloc(0);
    /** Size of the blob being read, once its header is in. */
    let size: number | undefined;
    /** Blobs answered so far (two per pair), and the first text of the pair being read. */
    let answered = 0;
    let first: string | undefined;
    const answer = (text: string | undefined) => {
      const pair = answered >> 1;
      if (answered++ % 2 === 0) first = text;
      else if (first !== undefined && text !== undefined)
        results[pair] = describeEntryChange(first, text, STANDARD_FIELDS);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (size === undefined) {
          const eol = pending.indexOf(0x0a);
          if (eol < 0) return;
          const header = pending.toString('latin1', 0, eol).split(' ');
          pending = pending.subarray(eol + 1);
          // `<id> missing`: nothing follows.
          if (header.length < 3) {
            answer(undefined);
            continue;
          }
          size = Number(header[2]);
          if (!Number.isSafeInteger(size) || size < 0) {
            child.kill();
            return;
          }
        }
        if (pending.length < size + 1) return;
        answer(pending.toString('utf8', 0, size));
        pending = pending.subarray(size + 1);
        size = undefined;
      }
    });
    child.on('error', () => resolve(results));
    child.on('close', () => resolve(results));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(pairs.map(([before, after]) => `${before}\n${after}\n`).join(''));
  });
}

/** The day of a commit, when it has a time. */
const dated = (time: number | undefined) => (time === undefined ? {} : { time, day: chinaDay(time) });

/**
 * What a commit changed in each entry file it touched; `modified` gives what a modified file's two versions differ
 * in. Entries it did not change (formatting only) are left out, and so is a commit that changed none.
 */
export function describeCommit(commit: RawCommit, modified: (file: RawFile) => ChangeItem[]): Change | undefined {
  const entries: EntryChange[] = [];
  for (const file of commit.files) {
    const id = ENTRY_FILE.exec(file.path)?.[1];
    if (!id) continue;
    const what: ChangeItem[] = NO_BLOB.test(file.before)
      ? [{ kind: 'added' }]
      : NO_BLOB.test(file.after)
        ? [{ kind: 'removed' }]
        : modified(file);
    if (what.length) entries.push({ id, what });
  }
  if (entries.length === 0) return undefined;
  return { hash: commit.hash, ...dated(commit.time), subject: cleanSubject(commit.subject), entries };
}

/** Newest first by time, undated last; git's order (newest commit first) among equals. */
function newestFirst(changes: Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (b.c.time ?? -1) - (a.c.time ?? -1) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * Reads the history of the entries in `standardsDir` (the folder of the `.mdx` files): whether the folder is in a
 * complete repository, one `git log` of it, and the blobs of the files commits modified. Never rejects.
 */
export async function readHistory(standardsDir: string): Promise<History> {
  const [shallow, log] = await Promise.all([
    git(standardsDir, ['rev-parse', '--is-shallow-repository']),
    git(standardsDir, LOG_ARGS),
  ]);
  if (shallow === undefined || log === undefined) return { status: 'no-git', changes: [] };
  if (shallow.toString('utf8').trim() === 'true') return { status: 'shallow', changes: [] };
  const commits = parseLog(log.toString('utf8'));
  const files = commits.flatMap((c) => c.files.filter((f) => !NO_BLOB.test(f.before) && !NO_BLOB.test(f.after)));
  const described = await describePairs(
    standardsDir,
    files.map((f) => [f.before, f.after] as const),
  );
  const modified = new Map(files.map((f, i) => [f, described[i]!]));
  const changes = newestFirst(
    commits.flatMap((c) => describeCommit(c, (f) => modified.get(f) ?? [{ kind: 'edited' }]) ?? []),
  );
  return { status: changes.length ? 'git' : 'untracked', changes };
}

/** Each entry's changes, newest first, at most {@link ENTRY_CHANGES_MAX}, with how many there were: one pass. */
export function changesByEntry(history: History): Map<string, { items: EntryHistoryItem[]; total: number }> {
  const byEntry = new Map<string, { items: EntryHistoryItem[]; total: number }>();
  for (const change of history.changes) {
    for (const { id, what } of change.entries) {
      let list = byEntry.get(id);
      if (!list) byEntry.set(id, (list = { items: [], total: 0 }));
      list.total++;
      if (list.items.length < ENTRY_CHANGES_MAX)
        list.items.push({
          hash: change.hash,
          ...(change.time !== undefined ? { time: change.time } : {}),
          ...(change.day !== undefined ? { day: change.day } : {}),
          subject: change.subject,
          what,
        });
    }
  }
  return byEntry;
}
