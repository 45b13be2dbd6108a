/**
 * A git history with known dates and subjects, laid over the site tests' copy of the catalogue:
 * one commit adds the whole catalogue, then a run of commits changes the probe entry (one of them
 * also another entry), out of author-date order, with subjects that need escaping and a time
 * that falls on the next day in China.
 */
import { execFile } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The entry whose history the tests read. */
export const HISTORY_ENTRY = 'probe-key-industry';

/** The first commit: the whole catalogue. */
export const INITIAL = { subject: 'Catalogue as imported', date: '2025-03-01T10:00:00+08:00', day: '2025-03-01' };

/**
 * The commits that change HISTORY_ENTRY, in the order they are committed; `day` is the author
 * date as a day in China time, `also` another entry the commit changes.
 */
export const PROBE_COMMITS: Array<{ subject: string; date: string; day: string; also?: string }> = [
  { subject: 'Probe: first review', date: '2026-01-10T09:00:00+08:00', day: '2026-01-10' },
  {
    subject: 'Probe: crane latency <800 us> & "quoted" <script>alert(1)</script>',
    date: '2026-02-03T12:00:00+08:00',
    day: '2026-02-03',
  },
  // 23:30 UTC on 4 March is 07:30 on 5 March in China.
  {
    subject: 'Probe and TS 23.501: cross-links checked',
    date: '2026-03-04T23:30:00Z',
    day: '2026-03-05',
    also: '3gpp-ts-23-501',
  },
  { subject: 'Probe: sources relabelled', date: '2026-04-20T15:00:00+08:00', day: '2026-04-20' },
  // Committed after the next one but authored before it (a rebase): listed by author date.
  { subject: 'Probe: summary reworded', date: '2026-06-01T08:00:00+08:00', day: '2026-06-01' },
  { subject: 'Probe: dates confirmed', date: '2026-05-15T10:00:00+08:00', day: '2026-05-15' },
  { subject: 'Probe: 探针条目复核', date: '2026-07-07T07:07:00+08:00', day: '2026-07-07' },
];

/** PROBE_COMMITS and INITIAL as the entry page lists them: newest author date first. */
export const PROBE_HISTORY = [...PROBE_COMMITS, INITIAL].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));

/** Makes `content` a git repository holding the history above. */
export async function commitHistory(content: string): Promise<void> {
  const git = (args: string[], author?: string, committer = author) =>
    run(
      'git',
      [
        '-c',
        'user.name=Test Author',
        '-c',
        'user.email=test@example.org',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args,
      ],
      {
        cwd: content,
        env: { ...process.env, ...(author ? { GIT_AUTHOR_DATE: author, GIT_COMMITTER_DATE: committer } : {}) },
      },
    );
  await git(['init', '-q']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', INITIAL.subject], INITIAL.date);
  // The committer date only grows, as in a real repository; the author date is the one shown.
  let committed = Date.parse(INITIAL.date);
  for (const commit of PROBE_COMMITS) {
    // The files only gain a trailing newline: the entries stay as they were.
    for (const id of [HISTORY_ENTRY, ...(commit.also ? [commit.also] : [])])
      await appendFile(path.join(content, 'standards', `${id}.mdx`), '\n');
    committed = Math.max(committed + 60_000, Date.parse(commit.date));
    await git(['add', '-A']);
    await git(['commit', '-q', '-m', commit.subject], commit.date, new Date(committed).toISOString());
  }
}
