/**
 * A git history with known dates, subjects and changes, laid over the site tests' copy of the catalogue: one commit
 * adds the whole catalogue with an older version of the probe entry (and of TS 23.501), then a run of commits brings
 * the probe entry to the file the tests use, one kind of change each: a formatting-only commit (left out of the
 * history), requirement rows, references, sources, a reworded summary, dates set, a state change with a corrected
 * title, a revised text under a message with a record separator and a 1 MB subject, and a commit whose times are
 * impossible. Commits are made out of author-date order, with subjects that need escaping and a time that falls on
 * the next day in China.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The entry whose history the tests read. */
export const HISTORY_ENTRY = 'probe-key-industry';
/** The other entry a commit changes: a new version. */
export const OTHER_ENTRY = '3gpp-ts-23-501';

/** What a change says, in each language. */
export interface Said {
  zh: string;
  en: string;
}

/** The first commit: the whole catalogue. */
export const INITIAL: { subject: string; date: string; day: string; what: Said } = {
  subject: 'Catalogue as imported',
  date: '2025-03-01T10:00:00+08:00',
  day: '2025-03-01',
  what: { zh: '新增条目', en: 'Entry added' },
};

/** A change that makes a file older: applied to the final file, in reverse commit order, to give the earlier ones. */
type Older = (text: string) => string;

const replace =
  (from: string | RegExp, to: string): Older =>
  (text) => {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`history fixture: ${String(from)} is not in the entry file`);
    return next;
  };

/** The 1 MB subject of one commit, after a record separator (git's own field separator in other formats). */
const HUGE_SUBJECT = `Probe: body\x1e${'0123456789abcdef'.repeat(65_536)}`;

/**
 * The commits that change HISTORY_ENTRY, in the order they are committed. `older` undoes the commit's change (the
 * file before it); `what` is what the entry's history says of it (absent: left out); `day` is the author date as a
 * day in China time (absent: no possible time); `also` another entry the commit changes, with what it says there.
 */
export const PROBE_COMMITS: Array<{
  subject: string;
  date?: string;
  day?: string;
  older: Older;
  what?: Said;
  also?: { id: string; older: Older; what: Said };
  /** Make the commit object by hand, with times git itself would not write. */
  impossibleTimes?: true;
}> = [
  {
    subject: 'Probe: first review',
    date: '2026-01-05T09:00:00+08:00',
    day: '2026-01-05',
    // Formatting only: quotes and blank lines.
    older: (text) => `${replace('code: "T/PROBE 1-2023"', "code: 'T/PROBE 1-2023'")(text)}\n\n`,
  },
  {
    subject: 'Probe: crane latency <800 us> & "quoted" <script>alert(1)</script>',
    date: '2026-02-03T12:00:00+08:00',
    day: '2026-02-03',
    older: replace(/^requirements:\n(?: {2}.*\n)+/m, ''),
    what: { zh: '要求行：增加 1 行', en: 'Requirement rows: 1 added' },
  },
  // 23:30 UTC on 4 March is 07:30 on 5 March in China.
  {
    subject: 'Probe and TS 23.501: cross-links checked',
    date: '2026-03-04T23:30:00Z',
    day: '2026-03-05',
    older: replace('references: [3gpp-ts-23-501, 3gpp-ts-22-104]', 'references: [3gpp-ts-23-501]'),
    what: { zh: '引用标准：增加 1 项', en: 'References: 1 added' },
    also: {
      id: OTHER_ENTRY,
      older: replace('version: "19.5.0"', 'version: "19.4.0"'),
      what: { zh: '版本：19.4.0 → 19.5.0', en: 'Version changed: 19.4.0 → 19.5.0' },
    },
  },
  {
    subject: 'Probe: sources relabelled',
    date: '2026-04-20T15:00:00+08:00',
    day: '2026-04-20',
    older: replace('label: "Test source"', 'label: "Source"'),
    what: { zh: '来源：增加 1 项，删除 1 项', en: 'Sources: 1 added, 1 removed' },
  },
  // Committed before the next one but authored after it (a rebase): listed by author date.
  {
    subject: 'Probe: summary reworded',
    date: '2026-06-01T08:00:00+08:00',
    day: '2026-06-01',
    older: replace('en: "A test entry added to the catalogue by the test suite."', 'en: "A test entry."'),
    what: { zh: '摘要更正', en: 'Summary corrected' },
  },
  {
    subject: 'Probe: dates confirmed',
    date: '2026-05-15T10:00:00+08:00',
    day: '2026-05-15',
    older: replace(/^dates:\n(?: {2}.*\n)+/m, ''),
    what: {
      zh: '发布日期设为 2023-05-01；实施日期设为 2023-06-01',
      en: 'Publication date set: 2023-05-01; Effective date set: 2023-06-01',
    },
  },
  {
    subject: 'Probe: 探针条目复核',
    date: '2026-07-07T07:07:00+08:00',
    day: '2026-07-07',
    older: (text) =>
      replace(
        'status: published',
        'status: drafting',
      )(
        replace('en: "Probe standard: remote control in ports"', 'en: "Probe standard: remote control of ports"')(text),
      ),
    what: { zh: '状态：起草中 → 已发布；标准名称更正', en: 'Status changed: drafting → published; Title corrected' },
  },
  {
    subject: HUGE_SUBJECT,
    date: '2026-08-01T10:00:00+08:00',
    day: '2026-08-01',
    older: replace('so that search can be checked end to end.', 'so that search can be checked.'),
    what: { zh: '正文修订', en: 'Text revised' },
  },
  {
    subject: 'Probe: key standard (committed with impossible times)',
    older: replace('key: true', 'key: false'),
    what: { zh: '重点行业关键标准：否 → 是', en: 'Key industry standard changed: no → yes' },
    impossibleTimes: true,
  },
];

/** The subject as pages show it: capped at 200 characters, the record separator made visible. */
export const shownSubject = (subject: string) =>
  subject.length > 200 ? `${subject.slice(0, 199).replace('\x1e', '\ufffd')}…` : subject;

/** The entry's history as its page lists it: newest author date first, undated last; formatting-only commits left out. */
export const PROBE_HISTORY: Array<{ subject: string; day?: string; what: Said }> = [
  ...PROBE_COMMITS.filter((c) => c.what && c.day).sort((a, b) => Date.parse(b.date!) - Date.parse(a.date!)),
  INITIAL,
  ...PROBE_COMMITS.filter((c) => c.what && !c.day),
].map((c) => ({ subject: shownSubject(c.subject), ...(c.day ? { day: c.day } : {}), what: c.what! }));

/** The day OTHER_ENTRY last changed. */
export const OTHER_DAY = PROBE_COMMITS.find((c) => c.also)!.day!;

/** Makes `content` a git repository holding the history above; the entry files end as they were. */
export async function commitHistory(content: string): Promise<void> {
  const git = (args: string[], author?: string, committer = author, input?: string) => {
    const child = run(
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
        maxBuffer: 16 * 2 ** 20,
        env: { ...process.env, ...(author ? { GIT_AUTHOR_DATE: author, GIT_COMMITTER_DATE: committer } : {}) },
      },
    );
    if (input !== undefined) child.child.stdin?.end(input);
    return child;
  };
  const fileOf = (id: string) => path.join(content, 'standards', `${id}.mdx`);
  const final = await readFile(fileOf(HISTORY_ENTRY), 'utf8');
  const otherFinal = await readFile(fileOf(OTHER_ENTRY), 'utf8');
  // The file before commit i: the final file with the changes of commits i … n undone.
  const before = (i: number) => PROBE_COMMITS.slice(i).reduceRight((text, c) => c.older(text), final);
  const otherBefore = (i: number) =>
    PROBE_COMMITS.slice(i).reduceRight((text, c) => (c.also ? c.also.older(text) : text), otherFinal);
  await writeFile(fileOf(HISTORY_ENTRY), before(0));
  await writeFile(fileOf(OTHER_ENTRY), otherBefore(0));
  await git(['init', '-q']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', INITIAL.subject], INITIAL.date);
  // The committer date only grows, as in a real repository; the author date is the one shown.
  let committed = Date.parse(INITIAL.date);
  for (const [i, commit] of PROBE_COMMITS.entries()) {
    await writeFile(fileOf(HISTORY_ENTRY), before(i + 1));
    await writeFile(fileOf(OTHER_ENTRY), otherBefore(i + 1));
    await git(['add', '-A']);
    if (commit.impossibleTimes) {
      const tree = (await git(['write-tree'])).stdout.trim();
      const parent = (await git(['rev-parse', 'HEAD'])).stdout.trim();
      const object = [
        `tree ${tree}`,
        `parent ${parent}`,
        'author Test Author <test@example.org> 99999999999999999999 +0000',
        'committer Test Author <test@example.org> -5 +0000',
        '',
        commit.subject,
        '',
      ].join('\n');
      const hash = (
        await git(['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], undefined, undefined, object)
      ).stdout.trim();
      await git(['update-ref', 'HEAD', hash]);
      continue;
    }
    committed = Math.max(committed + 60_000, Date.parse(commit.date!));
    await git(['commit', '-q', '-F', '-'], commit.date, new Date(committed).toISOString(), commit.subject);
  }
}
