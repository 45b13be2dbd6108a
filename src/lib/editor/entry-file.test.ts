/**
 * The editor's file format: a save without edits leaves every file of the catalogue byte for byte, an edit
 * changes only the lines of the values edited, and whatever is typed comes back as the same text.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateReferenceFile, validateStandardFile } from '../catalogue/validate.ts';
import { BODIES_KEY, readBodies, readEntry, SOURCE_KEY, writeBodies, writeEntry, WriteError } from './entry-file.ts';
import { EDITOR_COLLECTIONS, type EditorCollection } from './collections.ts';

const CONTENT = path.resolve('content');

async function files(collection: EditorCollection): Promise<Array<{ name: string; text: string }>> {
  const names = (await readdir(path.join(CONTENT, collection))).sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(path.join(CONTENT, collection, name), 'utf8') })),
  );
}

/** The lines of `after` that differ from `before` (same number of lines expected). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

/** An entry's form values, with the fields these tests change. */
type Form = Record<string, unknown> & {
  title: Record<string, string>;
  sources: Array<Record<string, unknown>>;
  requirements: Array<Record<string, unknown>>;
  bodies: Record<string, string>;
};
const entryValues = (text: string) => readEntry('standards', text) as Form;

describe('loading and saving without edits', () => {
  it('leaves every file of content/ byte-identical (standards and every reference collection)', async () => {
    let count = 0;
    const differing: string[] = [];
    for (const collection of EDITOR_COLLECTIONS)
      for (const { name, text } of await files(collection)) {
        count++;
        if (writeEntry(collection, readEntry(collection, text)) !== text) differing.push(`${collection}/${name}`);
      }
    expect(differing).toEqual([]);
    expect(count).toBeGreaterThan(230);
  });

  it('keeps a file with Windows line ends as it is, and an edit keeps them', async () => {
    const text = (await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8')).replace(/\n/g, '\r\n');
    expect(writeEntry('standards', readEntry('standards', text))).toBe(text);
    const values = entryValues(text);
    values.title = { ...values.title, en: 'Changed' };
    const out = writeEntry('standards', values);
    expect(out.split('\r\n')).toHaveLength(text.split('\r\n').length);
    expect(out).not.toMatch(/[^\r]\n/);
  });
});

describe('a save changes only what was edited', () => {
  it('an English title edited: only that line changes', async () => {
    const text = await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8');
    const values = entryValues(text);
    values.title = { ...values.title, en: 'A "new" English title: <script>alert(1)</script>' };
    expect(changedLines(text, writeEntry('standards', values))).toEqual([
      '  en: "A \\"new\\" English title: <script>alert(1)</script>"',
    ]);
  });

  it('a plain scalar stays plain, a quoted one quoted; a figure of a requirement row changes alone', async () => {
    // The real catalogue lists no requirement row until it is checked against its specification: a probe entry has them.
    const text = await readFile(path.join(CONTENT, '../tests/fixtures/probe/probe-requirements.mdx'), 'utf8');
    const values = entryValues(text);
    values.status = 'withdrawn';
    values.requirements[1] = { ...values.requirements[1], value: 200, unit: 'us' };
    expect(changedLines(text, writeEntry('standards', values))).toEqual([
      'status: withdrawn',
      '    value: 200',
      '    unit: us',
    ]);
  });

  it('a new field is written where the schema puts it, in the authoring format; a cleared one goes with its lines', async () => {
    const text = await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8');
    const values = entryValues(text);
    values.dates = { published: '2019-12-24' };
    values.references = ['3gpp-ts-38-101-1'];
    values.sources = [...values.sources, { label: 'A third source', url: 'https://example.org/third' }];
    values.related = '';
    const out = writeEntry('standards', values);
    expect(out).toContain(
      'status: published\nkey: false\ndates:\n  published: 2019-12-24\nreferences: [3gpp-ts-38-101-1]\nplan: ["6"]\n',
    );
    expect(out).toContain('  - { label: "A third source", url: "https://example.org/third" }\nupdated: 2026-12-02\n');
    expect(out).not.toContain('related:');
    expect(
      validateStandardFile({ path: 'x.mdx', id: 'yd-t-3627-2019', text: out }).problems.filter(
        (p) => p.severity === 'error',
      ),
    ).toEqual([]);
  });

  it('a new requirement row is appended as a block, the rows before it untouched', async () => {
    const text = await readFile(path.join(CONTENT, '../tests/fixtures/probe/probe-requirements.mdx'), 'utf8');
    const values = entryValues(text);
    values.requirements.push({
      id: 'new-row',
      metric: 'latency',
      comparator: '<=',
      value: 5,
      unit: 'ms',
      scenario: { en: 'A scenario' },
    });
    const out = writeEntry('standards', values);
    expect(out).toContain(
      '  - id: new-row\n    metric: latency\n    comparator: "<="\n    value: 5\n    unit: "ms"\n    scenario:\n      en: "A scenario"\nsources:',
    );
    expect(out.replace(/ {2}- id: new-row\n(?: {4}.*\n)+/, '')).toBe(text);
  });

  it('an edited body changes only its own language block', async () => {
    const text = await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8');
    const values = entryValues(text);
    const zh = values[BODIES_KEY].zh as string;
    values[BODIES_KEY] = { zh, en: 'Only this changed.' };
    const out = writeEntry('standards', values);
    expect(out.slice(0, out.indexOf('<Body lang="en">'))).toBe(text.slice(0, text.indexOf('<Body lang="en">')));
    expect(out.endsWith('<Body lang="en">\n\nOnly this changed.\n\n</Body>\n')).toBe(true);
  });

  it('a second language turns a body without blocks into two blocks; an emptied language loses its block', () => {
    expect(writeBodies('Plain text.\n', { zh: 'Plain text.', en: 'English.' }, 'zh')).toBe(
      '<Body lang="zh">\n\nPlain text.\n\n</Body>\n\n<Body lang="en">\n\nEnglish.\n\n</Body>\n',
    );
    const two = '<Body lang="zh">\n\n中文。\n\n</Body>\n\n<Body lang="en">\n\nEnglish.\n\n</Body>\n';
    expect(writeBodies(two, { zh: '中文。', en: '' }, 'zh')).toBe('<Body lang="zh">\n\n中文。\n\n</Body>\n');
    expect(readBodies(two, 'zh')).toEqual({ zh: '中文。', en: 'English.' });
  });
});

describe('a new record', () => {
  it('is written in the authoring format and passes the check', () => {
    const text = writeEntry('standards', {
      code: 'T/TEST 1-2026',
      title: { zh: '测试', en: 'Test' },
      lang: 'en',
      scope: '5g',
      tier: 'industry',
      sectors: ['ports'],
      body: 'ccsa',
      level: 'group',
      status: 'drafting',
      key: false,
      plan: ['12'],
      sources: [{ label: 'Listing', url: 'https://example.org/' }],
      summary: { zh: '', en: '' },
      [BODIES_KEY]: { zh: '中文。', en: 'English.' },
    });
    expect(text).toBe(
      [
        '---',
        'code: "T/TEST 1-2026"',
        'title:',
        '  zh: "测试"',
        '  en: "Test"',
        'lang: en',
        'scope: 5g',
        'tier: industry',
        'sectors: [ports]',
        'body: ccsa',
        'level: group',
        'status: drafting',
        'key: false',
        'plan: ["12"]',
        'sources:',
        '  - { label: "Listing", url: "https://example.org/" }',
        '---',
        '<Body lang="en">\n\nEnglish.\n\n</Body>\n\n<Body lang="zh">\n\n中文。\n\n</Body>\n',
      ].join('\n'),
    );
    expect(validateStandardFile({ path: 'x.mdx', id: 't-test-1-2026', text }).problems).toEqual([]);
  });

  it('of a reference collection: a metric with its convertible units as rows', () => {
    const text = writeEntry('metrics', {
      name: { zh: '测试', en: 'Test' },
      unit: 'ms',
      units: [
        { key: 'us', value: 0.001 },
        { key: 's', value: 1000 },
      ],
      better: 'lower',
      order: 99,
      range: { min: 0 },
    });
    expect(text).toBe(
      'name:\n  zh: "测试"\n  en: "Test"\nunit: "ms"\nunits:\n  us: 0.001\n  s: 1000\nbetter: lower\norder: 99\nrange:\n  min: 0\n',
    );
    expect(validateReferenceFile('metrics', { path: 'x.yaml', id: 'test', text }).problems).toEqual([]);
    expect(readEntry('metrics', text).units).toEqual([
      { key: 'us', value: 0.001 },
      { key: 's', value: 1000 },
    ]);
  });
});

describe('whatever is typed is saved as text', () => {
  it('any text in any text field reads back as typed and adds no field (fast-check)', async () => {
    const text = await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8');
    // The check reads ~ and null as "no value" however they are quoted: such a title is refused (next test).
    const typed = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((v) => !/^(?:~|null|Null|NULL)$/.test(v)),
      fc.constantFrom(
        '---',
        '"\n---\nkey: true',
        "' #x",
        '- [a]',
        '{a: b}',
        '*alias',
        '&anchor x',
        '|\n  x',
        '5.10',
        'true',
        '<script>alert(1)</script>',
        '\u2028',
        ': x',
      ),
    );
    fc.assert(
      fc.property(typed, fc.constantFrom('title.en', 'summary.zh', 'version', 'sources.0.label'), (value, where) => {
        const values = entryValues(text);
        const [a, b] = where.split('.') as [string, string];
        const loose = (form: Form) => form as unknown as Record<string, Record<string, unknown> | undefined>;
        if (where === 'version') values.version = value;
        else if (a === 'sources') values.sources[0] = { ...values.sources[0], label: value };
        else loose(values)[a] = { ...loose(values)[a], [b]: value };
        const back = entryValues(writeEntry('standards', values));
        const read =
          where === 'version' ? back.version : a === 'sources' ? back.sources[0]?.label : loose(back)[a]?.[b];
        const expected = value === '' ? undefined : value;
        expect(read ?? undefined).toBe(expected);
        expect(Object.keys(back).sort()).toEqual(
          Object.keys(values)
            .filter((k) => back[k] !== undefined)
            .sort(),
        );
        expect(back[SOURCE_KEY]).toBeTypeOf('string');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses, writing nothing, a value the check could not read back (a title of just "null")', async () => {
    const text = await readFile(path.join(CONTENT, 'standards/yd-t-3627-2019.mdx'), 'utf8');
    const values = entryValues(text);
    values.title = { ...values.title, en: 'null' };
    expect(() => writeEntry('standards', values)).toThrow(WriteError);
  });
});
