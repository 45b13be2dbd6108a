import { describe, expect, it } from 'vitest';
import { standardSchema } from '../catalogue/schemas/index.ts';
import { STANDARD_FIELDS } from '../catalogue/validate.ts';
import { changeText, fieldLabel } from './change-text.ts';
import { describeEntryChange, oneLineChange, stableJson, type ChangeItem } from './entry-diff.ts';

const file = (fields: string, body = 'Scope.\n\nKey clauses.\n') => `---\n${fields}\n---\n${body}`;
const diff = (before: string, after: string) => describeEntryChange(before, after, STANDARD_FIELDS);

const BASE = [
  'code: "YD/T 1234-2024"',
  'title: { zh: "港口远程控制", en: "Port remote control" }',
  'status: drafting',
  'version: "1.0.0"',
  'requirements:',
  '  - { id: r1, metric: latency, comparator: "<=", value: 10, unit: ms }',
  '  - { id: r2, metric: reliability, comparator: ">=", value: 99.9, unit: "%" }',
  'sources:',
  '  - { label: "Issuer", url: "https://example.org/a" }',
].join('\n');

describe('describeEntryChange', () => {
  it('finds nothing when only the formatting changed: quotes, key order, flow or block style, spacing, blank lines', () => {
    const reformatted = [
      "title:\n  en: 'Port remote control'\n  zh: 港口远程控制",
      "code: 'YD/T 1234-2024'",
      'version: 1.0.0',
      'status:   drafting',
      'requirements:',
      '  - id: r1\n    metric: latency\n    comparator: "<="\n    value: 10.0\n    unit: ms',
      '  - { id: r2, metric: reliability, comparator: ">=", value: 99.90, unit: "%" }',
      'sources: [{ url: "https://example.org/a", label: Issuer }]',
    ].join('\n');
    expect(diff(file(BASE), file(reformatted, '\n\nScope.\n\n\n\nKey   clauses.\n\n\n'))).toEqual([]);
  });

  it('names a state change with both states, a corrected title and a new version with both versions', () => {
    const after = BASE.replace('status: drafting', 'status: published')
      .replace('Port remote control', 'Remote control of ports')
      .replace('"1.0.0"', '"1.1.0"');
    expect(diff(file(BASE), file(after))).toEqual<ChangeItem[]>([
      { kind: 'status', from: 'drafting', to: 'published' },
      { kind: 'field', field: 'title', how: 'changed' },
      { kind: 'field', field: 'version', how: 'changed', from: '1.0.0', to: '1.1.0' },
    ]);
  });

  it('tells dates set, requirement rows added and changed, sources added and the text revised', () => {
    const after = `${BASE.replace('value: 10,', 'value: 5,').replace(
      'sources:',
      '  - { id: r3, metric: jitter, comparator: "<=", value: 1, unit: ms }\nsources:\n  - { label: "Register", url: "https://example.org/b" }',
    )}\ndates: { published: 2024-05-01 }`;
    expect(diff(file(BASE), file(after, 'Scope, revised.\n'))).toEqual<ChangeItem[]>([
      { kind: 'field', field: 'dates.published', how: 'set', to: '2024-05-01' },
      { kind: 'requirements', added: 1, changed: 1, removed: 0 },
      { kind: 'list', field: 'sources', added: 1, removed: 0 },
      { kind: 'text' },
    ]);
  });

  it('says a version it cannot read was edited, without guessing how', () => {
    expect(diff(file(BASE), file(`${BASE}\ntitle: [unclosed`))).toEqual([{ kind: 'edited' }]);
    expect(diff(file(BASE), 'no frontmatter at all')).toEqual([{ kind: 'edited' }]);
  });

  it('never shows a long value, and shows no text field’s value', () => {
    const after = BASE.replace('"1.0.0"', `"${'9'.repeat(41)}"`).replace(
      'title: {',
      'summary: { zh: "短", en: "Short" }\ntitle: {',
    );
    expect(diff(file(BASE), file(after))).toEqual<ChangeItem[]>([
      { kind: 'field', field: 'version', how: 'changed', from: '1.0.0' },
      { kind: 'field', field: 'summary', how: 'set' },
    ]);
  });
});

describe('oneLineChange (the common edit, read without the YAML parser)', () => {
  it('reads a changed top-level scalar line, and says the same as the parser would', () => {
    expect(oneLineChange('a: 1\nstatus: drafting\nb: 2', 'a: 1\nstatus: "published"\nb: 2')).toEqual({
      key: 'status',
      from: 'drafting',
      to: 'published',
    });
    // Through describeEntryChange: the same items the parser gives for a change of several lines.
    const one = BASE.replace('status: drafting', 'status: published');
    expect(diff(file(BASE), file(one))).toEqual([{ kind: 'status', from: 'drafting', to: 'published' }]);
    expect(diff(file(BASE), file(BASE.replace('"1.0.0"', "'1.0.0'")))).toEqual([]);
  });

  it('leaves to the parser what is not one plain line: blocks, flow maps, booleans, repeats, odd scalars', () => {
    const none = (a: string, b: string) => expect(oneLineChange(a, b), `${a} → ${b}`).toBeUndefined();
    none('dates:\n  published: 2024-01-01', 'dates:\n  published: 2024-02-01');
    none('title: { zh: "甲", en: "A" }', 'title: { zh: "甲", en: "B" }');
    none('key: false', 'key: true');
    none('code: A\ncode: B', 'code: A\ncode: C');
    none('status: a: b', 'status: c');
    none("code: 'it''s'", "code: 'its'");
    none('code: "a\\"b"', 'code: "c"');
    none('a: 1\nb: 2', 'a: 3\nb: 4');
    none('sectors:\n- a', 'sectors:\n- b');
    expect(diff(file(BASE), file(`${BASE}\nkey: true`).replace('key: true', 'key: true'))).toEqual([
      { kind: 'field', field: 'key', how: 'set', to: 'true' },
    ]);
  });
});

describe('stableJson', () => {
  it('is the same for the same data in any key order', () => {
    expect(stableJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(stableJson({ a: 'x', b: [1, { c: 2, d: 1 }] }));
    expect(stableJson(undefined)).toBe('null');
  });
});

describe('changeText', () => {
  const items: ChangeItem[] = [
    { kind: 'status', from: 'drafting', to: 'published' },
    { kind: 'field', field: 'title', how: 'changed' },
    { kind: 'field', field: 'dates.published', how: 'set', to: '2024-05-01' },
    { kind: 'requirements', added: 2, changed: 1, removed: 0 },
    { kind: 'list', field: 'sources', added: 1, removed: 0 },
  ];
  it('says a change in the page’s language from the field names', () => {
    expect(changeText(items, 'zh')).toBe(
      '状态：起草中 → 已发布；标准名称更正；发布日期设为 2024-05-01；要求行：增加 2 行，修改 1 行；来源：增加 1 项',
    );
    expect(changeText(items, 'en')).toBe(
      'Status changed: drafting → published; Title corrected; Publication date set: 2024-05-01; Requirement rows: 2 added, 1 changed; Sources: 1 added',
    );
    expect(changeText([{ kind: 'added' }], 'zh')).toBe('新增条目');
    expect(changeText([{ kind: 'field', field: 'tier', how: 'changed', from: 'base', to: 'industry' }], 'en')).toBe(
      'Tier changed: Base standard → Sector application standard',
    );
  });

  it('has a name for every field of an entry in both languages', () => {
    const shape = (standardSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const fields = Object.keys(shape);
    expect(fields.length).toBeGreaterThan(20);
    for (const field of [...fields, 'dates.published', 'dates.effective'])
      for (const lang of ['zh', 'en'] as const) expect(fieldLabel(field, lang), `${lang} ${field}`).not.toBe(field);
  });
});
