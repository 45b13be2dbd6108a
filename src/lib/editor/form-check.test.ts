/** The form says what `npm run check` says, in the check's words, while a value is typed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemText } from '../catalogue/problems.ts';
import { validateStandardFile } from '../catalogue/validate.ts';
import { readEntry, writeEntry } from './entry-file.ts';
import { designationProblem, fieldProblem, fileProblems } from './form-check.ts';

const text = await readFile(path.resolve('content/standards/yd-t-3627-2019.mdx'), 'utf8');
/** An entry's form values, with the fields these tests change. */
type Form = Record<string, unknown> & {
  title: Record<string, string>;
  sources: Array<Record<string, unknown>>;
  requirements: Array<Record<string, unknown>>;
  bodies: Record<string, string>;
};
const values = () => readEntry('standards', text) as Form;

/** What the check says at a field of the file the form would write. */
function checkSays(form: Record<string, unknown>, field: string): string[] {
  return validateStandardFile({ path: 'content/standards/x.mdx', id: 'x', text: writeEntry('standards', form) })
    .problems.filter((p) => p.field === field)
    .map((p) => problemText(p));
}

describe('a field’s value, checked as the check checks it', () => {
  it('a date that is not a real date: the check’s message', () => {
    const form = values();
    form.dates = { published: '2024-02-30' };
    const message = fieldProblem('standards:dates.published', '2024-02-30', form);
    expect(message).toBe('no such day: 2024-02-30 (expected a day from 01 to 29: 2024-02 has 29 days)');
    expect(checkSays(form, 'dates.published')).toEqual([message]);
    expect(fieldProblem('standards:dates.published', '2024-02-29', form)).toBeUndefined();
  });

  it('a value outside an enum, a file name that is no id, a URL that is not http(s)', () => {
    expect(fieldProblem('standards:tier', 'industri')).toBe(
      'value not allowed (expected one of base | common | industry, got "industri"); did you mean "industry"?',
    );
    expect(fieldProblem('standards:requirements[].id', 'Row 1')).toBe(
      'value not allowed (expected an id of lower-case letters, digits and hyphens, got "Row 1")',
    );
    expect(fieldProblem('standards:sources[].url', 'javascript:alert(1)')).toBe(
      'value not allowed (expected an absolute http:// or https:// URL, got "javascript:alert(1)")',
    );
  });

  it('a required field left empty once its mapping has a value; an optional mapping left empty is fine', () => {
    const form = values();
    form.title = { ...form.title, en: '' };
    expect(fieldProblem('standards:title.en', '', form)).toBe('missing required field "title.en" (expected text)');
    expect(checkSays(form, 'title.en')).toEqual(['missing required field "title.en" (expected text)']);
    expect(fieldProblem('standards:dates.published', '', { ...form, dates: {} })).toBeUndefined();
    expect(fieldProblem('bodies:description.zh', '', { description: { en: 'Text' } })).toBe(
      'missing required field "description.zh" (expected text)',
    );
    expect(fieldProblem('bodies:description.zh', '', { description: {} })).toBeUndefined();
  });

  it('rules between fields: an industry-tier entry without a sector, an effective date before the published one', () => {
    const form = { ...values(), tier: 'industry', sectors: [] };
    expect(fieldProblem('standards:sectors', [], form)).toBe('an industry-tier standard needs at least one sector');
    expect(checkSays(form, 'sectors')).toEqual(['an industry-tier standard needs at least one sector']);
    const dated = { ...values(), dates: { published: '2024-05-01', effective: '2024-04-01' } };
    expect(fieldProblem('standards:dates.effective', '2024-04-01', dated)).toBe(
      'the effective date 2024-04-01 is before the published date 2024-05-01',
    );
  });

  it('a body with code in it: the check’s message and line', () => {
    expect(fieldProblem('standards:bodies.en', 'Fine.\n\n<script>alert(1)</script>')).toMatch(/^line 3: .*script/);
    expect(fieldProblem('standards:bodies.en', '## Scope\n\nFine.')).toBeUndefined();
  });
});

describe('a designation used by another entry', () => {
  const others = [
    { id: 'yd-t-3627-2019', code: 'YD/T 3627-2019' },
    { id: 'other', code: '3GPP TS 23.501' },
  ];
  it('is refused with the check’s message, spacing, width and dashes aside', () => {
    expect(designationProblem('YD/T 3627—2019', undefined, others)).toBe(
      'the designation "YD/T 3627—2019" is also used by content/standards/yd-t-3627-2019.mdx; each standard has one entry; merge them or correct the designation',
    );
    expect(designationProblem('ＹＤ/Ｔ 3627-2019', 'new-entry', others)).toMatch(
      /is also used by content\/standards\/yd-t-3627-2019\.mdx/,
    );
  });
  it('is the entry’s own designation when it is saved again, and a new one is fine', () => {
    expect(designationProblem('YD/T 3627-2019', 'yd-t-3627-2019', others)).toBeUndefined();
    expect(designationProblem('YD/T 9999-2030', undefined, others)).toBeUndefined();
  });
});

describe('a whole file before it is saved', () => {
  it('is checked by the code of npm run check: its errors, warnings left out', () => {
    const form = values();
    form.level = 'nation';
    const problems = fileProblems('standards', 'yd-t-3627-2019', writeEntry('standards', form));
    expect(problems.map((p) => [p.field, p.message])).toEqual([['level', 'value not allowed']]);
  });
});
