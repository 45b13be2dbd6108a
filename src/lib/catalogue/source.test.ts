import { describe, expect, it } from 'vitest';
import { type FieldKind, parseYaml, splitFrontmatter } from './source.ts';

const kind: FieldKind = (path) => (path.at(-1) === 'value' ? 'number' : path.at(-1) === 'key' ? 'boolean' : 'text');

describe('parseYaml', () => {
  it('keeps the text of scalars the author wrote, except numbers and booleans where fields are numbers and booleans', () => {
    const { data } = parseYaml(
      'clause: 5.10\nplan: [9, box-1]\nversion: 16.9\ndate: 2021-06-25\nvalue: 5.10\nkey: false\ncode: true\nhex: 0x1F\nr: { value: 1e3 }',
      kind,
    );
    expect(data).toEqual({
      clause: '5.10',
      plan: ['9', 'box-1'],
      version: '16.9',
      date: '2021-06-25',
      value: 5.1,
      key: false,
      code: 'true',
      hex: '0x1F',
      r: { value: 1000 },
    });
  });

  it('reads empty values and ~ as null, and a number field that is not a number as text', () => {
    expect(parseYaml('summary:\nv: ~\nvalue: fast', kind).data).toEqual({ summary: null, v: null, value: 'fast' });
  });

  it('gives the line of each field only when asked', () => {
    const { lines } = parseYaml('code: "X"\nrequirements:\n  - id: a\n    unit: ms\n', kind, 2);
    expect(lines.get('code')).toBe(2);
    expect(lines.get('requirements[0]')).toBe(4);
    expect(lines.get('requirements[0].unit')).toBe(5);
    expect(lines.get('nothing')).toBeUndefined();
  });

  it('places syntax errors and duplicate keys on their line', () => {
    expect(parseYaml('a: 1\nb: "open', kind, 2).errors).toEqual([
      { line: 3, message: 'YAML syntax error: Missing closing "quote' },
    ]);
    expect(parseYaml('a: 1\nb: 2\na: 3', kind).errors).toEqual([
      { line: 3, message: 'a field is given twice (YAML map keys must be unique)' },
    ]);
  });
});

describe('splitFrontmatter', () => {
  it('cuts the frontmatter from the body and knows where the body starts', () => {
    expect(splitFrontmatter('---\na: 1\n---\n# Body\n')).toEqual({
      frontmatter: 'a: 1\n',
      frontmatterLine: 2,
      body: '# Body\n',
      bodyLine: 4,
    });
    expect(splitFrontmatter('\uFEFF---\r\na: 1\r\n---\r\nx')).toEqual({
      frontmatter: 'a: 1\n',
      frontmatterLine: 2,
      body: 'x',
      bodyLine: 4,
    });
    expect(splitFrontmatter('a: 1\n---\nx')).toBeUndefined();
    expect(splitFrontmatter('---\na: 1\n')).toBeUndefined();
  });
});
