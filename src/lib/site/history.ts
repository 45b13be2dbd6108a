/**
 * The catalogue's history, read from git in one pass: one `git log` over the standards folder,
 * whatever the number of entries, listing each commit's author time, subject and the entry files
 * it touched. A copy without history (a tarball, a folder outside any repository, a shallow
 * clone whose history is cut) gives a status saying so, and pages fall back to `updated`; no
 * lack of git ever fails the build.
 */
import { spawn } from 'node:child_process';

/** One commit that changed entries. */
export interface Change {
  hash: string;
  /** Author time, seconds since the epoch. */
  time: number;
  /** The author date as a day in China time (UTC+8), YYYY-MM-DD. */
  day: string;
  /** The commit subject (untrusted text: escape it for each place it goes). */
  subject: string;
  /** Ids of the entries whose files it changed (added, modified, renamed to or deleted). */
  ids: string[];
}

/**
 * Whether the history can be trusted: `git` (read), `no-git` (no repository or no git program),
 * `shallow` (a shallow clone: older commits are missing, so dates would be wrong) or `untracked`
 * (a repository that has no commit touching the entries).
 */
export type HistoryStatus = 'git' | 'no-git' | 'shallow' | 'untracked';

export interface History {
  status: HistoryStatus;
  /** Every commit that changed an entry, newest author time first (empty unless status is `git`). */
  changes: Change[];
}

/** The day of a Unix time in China (UTC+8 all year; China has no daylight saving time). */
export function chinaDay(seconds: number): string {
  return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 10);
}

const RECORD = '\x1e';
const FIELD = '\x1f';
/** What `git log` prints per commit, before the file names that `--name-only` adds. */
export const LOG_FORMAT = `${RECORD}%H${FIELD}%at${FIELD}%s`;

/** Parses the output of `git log --format=LOG_FORMAT --name-only` run in the standards folder. */
export function parseLog(output: string): Change[] {
  const changes: Change[] = [];
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const newline = record.indexOf('\n');
    const header = newline < 0 ? record : record.slice(0, newline);
    const [hash = '', time = '', subject = ''] = header.split(FIELD);
    const ids = new Set<string>();
    for (const line of newline < 0 ? [] : record.slice(newline + 1).split('\n')) {
      const m = /^([a-z0-9][a-z0-9-]*)\.mdx$/.exec(line.trim());
      if (m) ids.add(m[1]!);
    }
    const seconds = Number(time);
    if (!hash || !Number.isFinite(seconds) || ids.size === 0) continue;
    changes.push({ hash, time: seconds, day: chinaDay(seconds), subject, ids: [...ids] });
  }
  // git lists by commit time; readers expect author time, newest first (stable for equal times).
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.time - a.c.time || a.i - b.i)
    .map(({ c }) => c);
}

/** Runs git in `cwd`; resolves with its output, or undefined when git is missing or fails. */
function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', ['-c', 'core.quotePath=false', ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
      });
    } catch {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}

/**
 * Reads the history of the entries in `standardsDir` (the folder of the `.mdx` files): whether the
 * folder is in a complete repository, and one `git log` of it. Never rejects.
 */
export async function readHistory(standardsDir: string): Promise<History> {
  const [shallow, log] = await Promise.all([
    git(standardsDir, ['rev-parse', '--is-shallow-repository']),
    git(standardsDir, ['log', '--relative', '--no-renames', '--name-only', `--format=${LOG_FORMAT}`, '--', '.']),
  ]);
  if (shallow === undefined || log === undefined) return { status: 'no-git', changes: [] };
  if (shallow.trim() === 'true') return { status: 'shallow', changes: [] };
  const changes = parseLog(log);
  return { status: changes.length ? 'git' : 'untracked', changes };
}

/** The changes of each entry, newest first: one pass over the history. */
export function changesByEntry(history: History): Map<string, Change[]> {
  const byEntry = new Map<string, Change[]>();
  for (const change of history.changes) {
    for (const id of change.ids) {
      const list = byEntry.get(id);
      if (list) list.push(change);
      else byEntry.set(id, [change]);
    }
  }
  return byEntry;
}
