/**
 * The relaton importer, record kind by record kind (3GPP, ETSI, ITU, IEEE, IETF, ISO/IEC): creating an entry,
 * updating one, leaving an up-to-date one alone, a person's edit in conflict with a record, and a malformed record.
 * The records are the hand-written ones under tests/fixtures/relaton/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStandardFile } from '../../src/lib/catalogue/validate.ts';
import {
  formatRecordProblem,
  parseRelaton,
  planImport,
  type EntryFile,
  type ImportInput,
  type RecordResult,
} from '../../src/lib/import/index.ts';
import { patchEntry } from '../../src/lib/import/entry-write.ts';
import { FIXTURES } from './helpers.ts';

const RELATON = path.join(FIXTURES, 'relaton');
const RECORD_URL = 'https://github.com/relaton/relaton-data/blob/0123abc/data/';

/** The records of one fixture folder, named as the command line names them. */
function records(kind: string): RecordResult[] {
  const dir = path.join(RELATON, kind);
  return readdirSync(dir)
    .sort()
    .map((f) => parseRelaton(`relaton/${kind}/${f}`, readFileSync(path.join(dir, f), 'utf8')));
}

const BODY = '<Body lang="zh">\n\n正文。\n\n</Body>\n\n<Body lang="en">\n\nBody.\n\n</Body>\n';

/** An entry file from frontmatter lines, validated by the real schema (as the importer receives entries). */
function entry(id: string, lines: string[]): EntryFile {
  const text = `---\n${lines.join('\n')}\n---\n${BODY}`;
  const result = validateStandardFile({ path: `content/standards/${id}.mdx`, id, text });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { id, path: `content/standards/${id}.mdx`, text, data: result.entry!.data };
}

/** Frontmatter shared by the entries below; each test adds its own fields. */
const base = (code: string, titleEn: string, extra: string[] = []) => [
  `code: "${code}"`,
  'title:',
  '  zh: "人写的中文标题"',
  `  en: "${titleEn}"`,
  'lang: en',
  'scope: 5g',
  'tier: common',
  'topics: [network]',
  'sectors: []',
  'body: 3gpp',
  'level: international',
  'status: published',
  'key: false',
  ...extra,
];

const run = (input: Partial<ImportInput> & Pick<ImportInput, 'records'>) =>
  planImport({
    entries: [],
    recordUrl: (r) => `${RECORD_URL}${path.basename(r.file)}`,
    ...input,
  });

/** Lines removed from and added to a file: everything else must be byte for byte the same. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const removed = [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l) as string[]);
  const added = [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l) as string[]);
  return { removed, added };
}

/** A created or updated file must pass the same schema and body checks as `npm run check`. */
function expectValid(file: string, text: string) {
  const id = path.basename(file, '.mdx');
  const result = validateStandardFile({ path: file, id, text });
  expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  return result.entry!.data;
}

const MALFORMED = (name: string) => {
  const file = `relaton/malformed/${name}`;
  const result = parseRelaton(file, readFileSync(path.join(RELATON, 'malformed', name), 'utf8'));
  if (result.ok || !('problem' in result)) throw new Error(`${name} was read`);
  return formatRecordProblem(result.problem);
};

describe('3GPP records', () => {
  const TITLE = 'Service requirements for Video, Imaging and Audio for Professional Applications (VIAPA)';
  const supplied = new Map([
    [
      '3GPPTS22.263',
      { 'title-zh': '专业视听应用业务需求', tier: 'industry' as const, scope: '5g' as const, sectors: ['media'] },
    ],
  ]);

  it('creates an entry with its version history when a person supplies what records lack', () => {
    const report = run({ records: records('3gpp'), supplied });
    expect(report.skipped).toEqual([{ file: 'relaton/3gpp/TS_22.263_REL-17_1.0.0.yaml', why: 'draft version 1.0.0' }]);
    expect(report.created).toEqual([
      { id: '3gpp-ts-22-263', code: '3GPP TS 22.263', path: 'content/standards/3gpp-ts-22-263.mdx' },
    ]);
    const data = expectValid(
      'content/standards/3gpp-ts-22-263.mdx',
      report.files.get('content/standards/3gpp-ts-22-263.mdx')!,
    );
    expect(data.title).toEqual({ zh: '专业视听应用业务需求', en: TITLE });
    expect(data.version).toBe('19.0.0');
    expect(data.release).toBe('R17');
    expect(data.dates?.published).toBe('2019-12-27');
    expect(data.versions).toEqual([
      { version: '17.0.0', date: '2019-12-27', release: 'R17' },
      { version: '17.4.0', date: '2021-06-25', release: 'R17' },
      { version: '19.0.0', date: '2025-10-15', release: 'R19' },
    ]);
    expect(data.sources.map((s) => s.url)).toEqual([
      `${RECORD_URL}TS_22.263_REL-19_19.0.0.yaml`,
      `${RECORD_URL}TS_22.263_REL-17_17.0.0.yaml`,
    ]);
    expect(data.sectors).toEqual(['media']);
  });

  it('lists a document as not created, with what is missing, when nobody supplied it', () => {
    const report = run({ records: records('3gpp') });
    expect(report.created).toEqual([]);
    expect(report.files.size).toBe(0);
    expect(report.notCreated).toEqual([
      {
        code: '3GPP TS 22.263',
        missing: [
          'Chinese title (title-zh)',
          'tier',
          'scope',
          'sectors (an empty list is allowed unless the tier is industry)',
        ],
      },
    ]);
  });

  it('updates only the record-owned lines of an existing entry', () => {
    const before = entry(
      '3gpp-ts-22-263',
      base('3GPP TS 22.263', TITLE, [
        'release: R17',
        'version: "17.0.0"',
        'dates:',
        '  published: 2019-12-27',
        'sources:',
        '  - { label: "3GPP page", url: "https://www.3gpp.org/DynaReport/22263.htm" }',
        'updated: 2026-12-02',
      ]),
    );
    const report = run({ records: records('3gpp'), entries: [before] });
    expect(report.plans.map((p) => [p.id, p.outcome])).toEqual([['3gpp-ts-22-263', 'update']]);
    expect(report.plans[0]!.changes.map((c) => c.field)).toEqual(['version', 'versions', 'sources']);
    const after = report.files.get(before.path)!;
    expect(lineDiff(before.text, after)).toEqual({
      removed: ['version: "17.0.0"'],
      added: [
        'version: "19.0.0"',
        'versions:',
        '  - { version: "17.0.0", date: "2019-12-27", release: R17 }',
        '  - { version: "17.4.0", date: "2021-06-25", release: R17 }',
        '  - { version: "19.0.0", date: "2025-10-15", release: R19 }',
        `  - { label: "Bibliographic record of 3GPP TS 22.263:REL-19/19.0.0 (relaton)", url: "${RECORD_URL}TS_22.263_REL-19_19.0.0.yaml" }`,
      ],
    });
    expectValid(before.path, after);
  });

  it('changes nothing in an entry that already says what the records say', () => {
    const first = run({
      records: records('3gpp'),
      entries: [
        entry(
          '3gpp-ts-22-263',
          base('3GPP TS 22.263', TITLE, [
            'release: R17',
            'dates:',
            '  published: 2019-12-27',
            'sources:',
            '  - { label: "3GPP page", url: "https://www.3gpp.org/DynaReport/22263.htm" }',
          ]),
        ),
      ],
    });
    const text = first.files.get('content/standards/3gpp-ts-22-263.mdx')!;
    const path263 = 'content/standards/3gpp-ts-22-263.mdx';
    const again = run({
      records: records('3gpp'),
      entries: [{ id: '3gpp-ts-22-263', path: path263, text, data: expectValid(path263, text) }],
    });
    expect(again.plans.map((p) => [p.outcome, p.changes, p.conflicts])).toEqual([['unchanged', [], []]]);
    expect(again.files.size).toBe(0);
  });

  it("keeps a person's release and requirement rows and reports the disagreement", () => {
    const lines = base('3GPP TS 22.263', TITLE, [
      'release: R16',
      'versions:',
      '  - { version: "17.4.0", date: "2021-06-25", release: R17 }',
      'requirements:',
      '  - { id: clock, metric: latency, comparator: "<=", value: 1, unit: ms, version: "17.4.0" }',
      'sources:',
      '  - { label: "3GPP page", url: "https://www.3gpp.org/DynaReport/22263.htm" }',
    ]);
    const before = entry('3gpp-ts-22-263', lines);
    const report = run({ records: records('3gpp'), entries: [before] });
    const plan = report.plans[0]!;
    expect(plan.conflicts).toEqual([
      {
        field: 'release',
        entry: 'R16',
        record: 'R17',
        note: "the first approved version (17.0.0) belongs to R17; the entry's release was kept",
      },
    ]);
    const after = report.files.get(before.path)!;
    // The person's version line is rewritten as it was: no line of theirs is removed.
    expect(lineDiff(before.text, after).removed).toEqual([]);
    expect(after).toContain('release: R16');
    expect(after).toContain('  zh: "人写的中文标题"');
    expect(after).toContain('version: "17.4.0" }');
    expect(expectValid(before.path, after).requirements[0]!.version).toBe('17.4.0');
  });

  it('names the file, line, field, expectation and finding of a malformed record', () => {
    expect(MALFORMED('3gpp-version-missing.yaml')).toBe(
      'relaton/malformed/3gpp-version-missing.yaml:6  docid[0].id  the record cannot be read (expected a 3GPP identifier such as "3GPP TS 22.186:REL-18/18.0.1", got "3GPP TS 22.263 Release 17")',
    );
  });
});

describe('ETSI records', () => {
  const TITLE = 'Multi-access Edge Computing (MEC); Framework and Reference Architecture';
  const lines = (extra: string[]) => base('ETSI GS MEC 003', TITLE, extra);

  it('creates an entry whose versions keep the month the records give, and no invented day', () => {
    const report = run({
      records: records('etsi'),
      suppliedForAll: { 'title-zh': '多接入边缘计算框架与参考架构', tier: 'common', scope: 'background', sectors: [] },
    });
    const data = expectValid(report.created[0]!.path, report.files.get(report.created[0]!.path)!);
    expect(data.version).toBe('4.1.1');
    expect(data.dates).toBeUndefined();
    expect(data.versions).toEqual([
      { version: '3.2.1', date: '2024-04' },
      { version: '4.1.1', date: '2025-05' },
    ]);
    expect(data.doctype).toBeUndefined();
  });

  it('updates the version and keeps versions a person listed that no record has', () => {
    const before = entry('etsi-gs-mec-003', [
      ...lines([]),
      'version: "3.2.1"',
      'versions:',
      '  - { version: "2.1.1", date: "2019-01" }',
      '  - { version: "3.2.1", date: "2024-04" }',
      'sources:',
      '  - { label: "ETSI", url: "https://www.etsi.org/" }',
    ]);
    const report = run({ records: records('etsi'), entries: [before] });
    const after = report.files.get(before.path)!;
    expect(report.plans[0]!.changes[1]).toEqual({
      field: 'versions',
      from: '2 versions',
      to: '3 versions, 2.1.1 to 4.1.1 (kept 2.1.1, which no record lists)',
    });
    expect(expectValid(before.path, after).versions.map((v) => v.version)).toEqual(['2.1.1', '3.2.1', '4.1.1']);
    expect(lineDiff(before.text, after).removed).toEqual(['version: "3.2.1"']);
  });

  it('changes nothing when the entry is current', () => {
    const current = entry('etsi-gs-mec-003', [
      ...lines([]),
      'version: "4.1.1"',
      'versions:',
      '  - { version: "3.2.1", date: "2024-04" }',
      '  - { version: "4.1.1", date: "2025-05" }',
      'sources:',
      `  - { label: "Record", url: "${RECORD_URL}ETSI_GS_MEC_003_V4_1_1_2025-05.yaml" }`,
    ]);
    const report = run({ records: records('etsi'), entries: [current] });
    expect(report.plans[0]!.outcome).toBe('unchanged');
    expect(report.files.size).toBe(0);
  });

  it('refuses to apply records of another kind of document than the one a person filed', () => {
    const report = run({
      records: records('etsi'),
      entries: [
        entry('etsi-gs-mec-003', [
          ...lines([]),
          'doctype: report',
          'sources:',
          '  - { label: "ETSI", url: "https://www.etsi.org/" }',
        ]),
      ],
    });
    expect(report.plans[0]!.outcome).toBe('conflict');
    expect(report.plans[0]!.conflicts[0]!.field).toBe('doctype');
    expect(report.files.size).toBe(0);
  });

  it('reports a date written in words', () => {
    expect(MALFORMED('etsi-date-in-words.yaml')).toBe(
      'relaton/malformed/etsi-date-in-words.yaml:10  date[0].value  the record cannot be read (expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got "May 2025")',
    );
  });
});

describe('ITU records', () => {
  const NEW = 'Framework for the support of network slicing in the IMT-2020 network';
  const itu = (extra: string[]) =>
    base('ITU-T Y.3112', NEW, ['body: itu-t', ...extra]).filter((l) => l !== 'body: 3gpp');

  it('creates an entry dated by its first edition and titled by its newest, skipping corrigenda', () => {
    const report = run({
      records: records('itu'),
      only: 'ITU-T Y.3112',
      suppliedForAll: { 'title-zh': '网络切片支持框架', tier: 'common', scope: '5g', sectors: [] },
    });
    expect(report.skipped.map((s) => s.why)).toEqual(['a corrigendum, erratum or amendment']);
    const data = expectValid(report.created[0]!.path, report.files.get(report.created[0]!.path)!);
    expect([data.title.en, data.version, data.dates?.published, data.body]).toEqual([NEW, '2', '2018-05-29', 'itu-t']);
  });

  it('adds the edition history without touching a date a person chose from one of the editions', () => {
    const before = entry(
      'itu-t-y-3112',
      itu(['dates:', '  published: 2018-12-14', 'sources:', '  - { label: "ITU", url: "https://www.itu.int/" }']),
    );
    const report = run({ records: records('itu'), entries: [before], only: 'ITU-T Y.3112' });
    expect(report.plans[0]!.conflicts).toEqual([]);
    const after = report.files.get(before.path)!;
    expect(after).toContain('  published: 2018-12-14');
    expect(expectValid(before.path, after).versions).toEqual([
      { version: '1', date: '2018-05-29' },
      { version: '2', date: '2018-12-14' },
    ]);
  });

  it('changes nothing in a current entry', () => {
    const current = entry(
      'itu-t-y-3112',
      itu([
        'version: "2"',
        'versions:',
        '  - { version: "1", date: "2018-05-29" }',
        '  - { version: "2", date: "2018-12-14" }',
        'dates:',
        '  published: 2018-12-14',
        'sources:',
        `  - { label: "Record", url: "${RECORD_URL}itu-t-y-3112-12-2018.yaml" }`,
      ]),
    );
    expect(run({ records: records('itu'), entries: [current], only: 'ITU-T Y.3112' }).plans[0]!.outcome).toBe(
      'unchanged',
    );
  });

  it('does not take a Report ITU-R for the Recommendation with the same number', () => {
    const rec = entry(
      'itu-r-m-2083',
      base('ITU-R M.2083', 'IMT Vision', ['sources:', '  - { label: "ITU", url: "https://www.itu.int/" }']),
    );
    const report = run({ records: records('itu'), entries: [rec], only: 'ITU-R M.2083' });
    expect(report.plans[0]!.conflicts[0]!.note).toBe(
      'the record ITU-R M.2083-0 describes a report, the entry a recommendation: they may be two documents with one number, so nothing was changed',
    );
    expect(report.files.size).toBe(0);
  });

  it('reports a record without a title', () => {
    expect(MALFORMED('itu-no-title.yaml')).toBe(
      'relaton/malformed/itu-no-title.yaml:2  title  the record cannot be read (expected a list of titles with one in English, got nothing)',
    );
  });
});

describe('IEEE records', () => {
  const TITLE = 'IEEE Standard for Local and Metropolitan Area Networks—Bridges and Bridged Networks';
  const q2018 = () =>
    entry('ieee-802-1q-2018', [
      ...base(
        'IEEE 802.1Q-2018',
        'IEEE Standard for Local and Metropolitan Area Network—Bridges and Bridged Networks',
        ['dates:', '  published: 2018-07-06'],
      ),
      'sources:',
      '  - { label: "IEEE", url: "https://standards.ieee.org/" }',
    ]);

  it('creates each edition as its own entry, with the other editions in its history', () => {
    const report = run({
      records: records('ieee'),
      only: 'IEEE 802.1Q-2022',
      suppliedForAll: { 'title-zh': '网桥与桥接网络', tier: 'common', scope: 'background', sectors: [] },
    });
    const data = expectValid(report.created[0]!.path, report.files.get(report.created[0]!.path)!);
    expect([data.code, data.title.en, data.version, data.dates?.published]).toEqual([
      'IEEE 802.1Q-2022',
      TITLE,
      undefined,
      '2022-12-22',
    ]);
    expect(data.versions).toEqual([
      { version: '2018', code: 'IEEE 802.1Q-2018', date: '2018-07-06' },
      { version: '2022', date: '2022-12-22' },
    ]);
  });

  it('updates an entry and changes nothing the second time', () => {
    const before = q2018();
    const first = run({ records: records('ieee'), entries: [before], only: 'IEEE 802.1Q-2018' });
    expect(first.plans[0]!.changes.map((c) => c.field)).toEqual(['versions', 'sources']);
    const text = first.files.get(before.path)!;
    const again = run({
      records: records('ieee'),
      entries: [{ ...before, text, data: expectValid(before.path, text) }],
      only: 'IEEE 802.1Q-2018',
    });
    expect(again.plans[0]!.outcome).toBe('unchanged');
  });

  it('keeps a publication date a person wrote that no record gives, and says so', () => {
    const lines = base('IEEE 802.1Q-2022', TITLE, [
      'dates:',
      '  published: 2022-12-30',
      'sources:',
      '  - { label: "IEEE", url: "https://standards.ieee.org/" }',
    ]);
    const report = run({
      records: records('ieee'),
      entries: [entry('ieee-802-1q-2022', lines)],
      only: 'IEEE 802.1Q-2022',
    });
    expect(report.plans[0]!.conflicts.map((c) => [c.field, c.entry, c.record])).toEqual([
      ['dates.published', '2022-12-30', '2022-12-22'],
    ]);
    expect(report.files.get('content/standards/ieee-802-1q-2022.mdx')).toContain('  published: 2022-12-30');
  });

  it('reports identifiers that are not a list', () => {
    expect(MALFORMED('ieee-docid-not-a-list.yaml')).toBe(
      'relaton/malformed/ieee-docid-not-a-list.yaml:5  docid  the record cannot be read (expected a list, got "IEEE Std 802.1Q-2022")',
    );
  });
});

describe('IETF records', () => {
  const TITLE = 'Deterministic Networking Architecture';

  it('creates an RFC entry without a day the record does not give', () => {
    const report = run({
      records: records('ietf'),
      suppliedForAll: { 'title-zh': '确定性网络架构', tier: 'common', scope: 'background', sectors: [] },
    });
    const data = expectValid(report.created[0]!.path, report.files.get(report.created[0]!.path)!);
    expect([data.code, data.body, data.dates, data.versions]).toEqual(['IETF RFC 8655', 'ietf', undefined, []]);
  });

  it("replaces a person's edit of a record-owned field and reports it, keeping the person's own fields", () => {
    const before = entry(
      'ietf-rfc-8655',
      base('IETF RFC 8655', 'DetNet architecture', [
        'doctype: report',
        'sources:',
        '  - { label: "RFC", url: "https://www.rfc-editor.org/info/rfc8655" }',
      ]),
    );
    const report = run({ records: records('ietf'), entries: [before] });
    expect(report.plans[0]!.changes[0]).toEqual({ field: 'title.en', from: 'DetNet architecture', to: TITLE });
    const after = report.files.get(before.path)!;
    expect(lineDiff(before.text, after).removed).toEqual(['  en: "DetNet architecture"']);
    expect(after).toContain('doctype: report');
  });

  it('changes nothing when the entry is current', () => {
    const current = entry(
      'ietf-rfc-8655',
      base('IETF RFC 8655', TITLE, ['sources:', `  - { label: "Record", url: "${RECORD_URL}RFC8655.yaml" }`]),
    );
    expect(run({ records: records('ietf'), entries: [current] }).plans[0]!.outcome).toBe('unchanged');
  });

  it('reports an identifier type it does not know', () => {
    expect(MALFORMED('ietf-unknown-publisher.yaml')).toBe(
      'relaton/malformed/ietf-unknown-publisher.yaml:7  docid[0].type  the record cannot be read (expected one of the identifier types 3GPP, ETSI, ITU, IEEE, IETF, ISO, IEC, got "IRTF")',
    );
  });
});

describe('ISO and IEC records', () => {
  const ISO_TITLE = 'Intelligent transport systems — Station and communication architecture';
  const IEC_TITLE =
    'Communication networks and systems for power utility automation – Part 90-12: Wide area network engineering guidelines';
  const src = ['sources:', '  - { label: "Issuer", url: "https://www.iso.org/" }'];

  it('creates a withdrawn edition as withdrawn', () => {
    const report = run({
      records: records('iso'),
      only: 'ISO 21217:2014',
      suppliedForAll: { 'title-zh': '智能交通系统 通信架构', tier: 'common', scope: 'background', sectors: [] },
    });
    const data = expectValid(report.created[0]!.path, report.files.get(report.created[0]!.path)!);
    expect([data.code, data.status, data.version, data.dates]).toEqual([
      'ISO 21217:2014',
      'withdrawn',
      undefined,
      undefined,
    ]);
  });

  it('adds the editions and the replaced edition to an ISO entry, leaving its more precise date', () => {
    const old = entry(
      'iso-21217-2014',
      base('ISO 21217:2014', 'Intelligent transport systems — CALM — Architecture', [
        'status: superseded',
        ...src,
      ]).filter((l) => l !== 'status: published'),
    );
    const before = entry(
      'iso-21217-2020',
      base('ISO 21217:2020', ISO_TITLE, ['dates:', '  published: 2020-12-17', ...src]),
    );
    const report = run({ records: records('iso'), entries: [before, old], only: 'ISO 21217:2020' });
    const plan = report.plans[0]!;
    expect(plan.changes.map((c) => [c.field, c.to])).toEqual([
      ['versions', '2 versions, 2 to 3'],
      ['supersedes', '+ iso-21217-2014 (ISO 21217:2014)'],
      ['sources', `+ ${RECORD_URL}iso-21217-2020.yaml`],
    ]);
    expect(plan.conflicts).toEqual([]);
    const data = expectValid(before.path, report.files.get(before.path)!);
    expect([data.supersedes, data.dates?.published]).toEqual([['iso-21217-2014'], '2020-12-17']);
  });

  it('changes nothing in a current IEC entry, and reports a status the record contradicts', () => {
    const current = entry(
      'iec-tr-61850-90-12-2015',
      base('IEC TR 61850-90-12:2015', IEC_TITLE, [
        'versions:',
        '  - { version: "1", date: "2015-07-23" }',
        '  - { version: "2", code: "IEC TR 61850-90-12:2020", date: "2020-07-28" }',
        'dates:',
        '  published: 2015-07-23',
        'sources:',
        `  - { label: "Record", url: "${RECORD_URL}iec_tr_61850-90-12_2015.yaml" }`,
      ]),
    );
    const report = run({ records: records('iec'), entries: [current], only: 'IEC TR 61850-90-12:2015' });
    expect(report.plans[0]!.outcome).toBe('unchanged');
    expect(report.plans[0]!.conflicts.map((c) => [c.field, c.entry, c.record])).toEqual([
      ['status', 'published', 'superseded'],
    ]);
    expect(report.files.size).toBe(0);
  });

  it('reports a date that contradicts the record, and YAML that does not parse', () => {
    const before = entry(
      'iso-21217-2020',
      base('ISO 21217:2020', ISO_TITLE, ['dates:', '  published: 2021-01-05', ...src]),
    );
    const report = run({ records: records('iso'), entries: [before], only: 'ISO 21217:2020' });
    expect(report.plans[0]!.conflicts.map((c) => c.field)).toEqual(['dates.published']);
    expect(MALFORMED('iso-yaml-syntax.yaml')).toBe(
      'relaton/malformed/iso-yaml-syntax.yaml:8  yaml  the record is not valid YAML (expected a YAML mapping of relaton fields, got Nested mappings are not allowed in compact mappings)',
    );
    expect(MALFORMED('iec-title-without-text.yaml')).toBe(
      'relaton/malformed/iec-title-without-text.yaml:3  title[0].content  the record cannot be read (expected an English title as text, got a mapping)',
    );
  });
});

describe('edits written through the shared patcher', () => {
  const text = [
    '---',
    'code: "X 1"   # a comment stays',
    'title: { zh: "标题", en: "Old" }',
    'supersedes: [a]',
    'dates:',
    '  effective: 2020-01-02',
    'sources:',
    '  - { label: "A", url: "https://a.example/" }',
    '---',
    BODY,
  ].join('\n');

  it('rewrites only the edited text and inserts new fields where the schema orders them, as the format writes them', () => {
    const out = patchEntry('x.mdx', text, [
      { op: 'set', path: ['title', 'en'], value: 'New: "quoted"' },
      { op: 'append', path: ['supersedes'], items: ['b'] },
      { op: 'set', path: ['dates', 'published'], value: '2019-05-06' },
      { op: 'set', path: ['version'], value: '2.0' },
      { op: 'append', path: ['sources'], items: [{ label: 'B', url: 'https://b.example/' }] },
    ]);
    expect(out).toBe(
      [
        '---',
        'code: "X 1"   # a comment stays',
        'title: { zh: "标题", en: "New: \\"quoted\\"" }',
        'version: "2.0"',
        'supersedes: [a, b]',
        'dates:',
        '  published: 2019-05-06',
        '  effective: 2020-01-02',
        'sources:',
        '  - { label: "A", url: "https://a.example/" }',
        '  - { label: "B", url: "https://b.example/" }',
        '---',
        BODY,
      ].join('\n'),
    );
  });

  it('keeps a byte-order mark and Windows line ends', () => {
    const windows = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const out = patchEntry('x.mdx', windows, [{ op: 'set', path: ['title', 'en'], value: 'New' }]);
    expect(out).toBe(windows.replace('en: "Old"', 'en: "New"'));
  });

  it('puts a new field after the field the schema puts before it, also in a file whose fields are out of order', () => {
    const before = entry('iso-21217-2014', [
      ...base('ISO 21217:2014', 'Intelligent transport systems — CALM — Architecture', [
        'sources:',
        '  - { label: "Issuer", url: "https://www.iso.org/" }',
      ]).filter((l) => l !== 'status: published'),
      'status: withdrawn',
    ]);
    const report = run({ records: records('iso'), entries: [before], only: 'ISO 21217:2014' });
    expect(report.files.get(before.path)).toContain(
      'key: false\nversions:\n  - { version: "2", date: "2014-04" }\n  - { version: "3", code: "ISO 21217:2020", date: "2020-12" }\nsources:',
    );
  });
});
