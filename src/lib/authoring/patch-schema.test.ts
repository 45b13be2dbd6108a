/**
 * What the patcher knows of a schema comes from the schema: key order, defaults, and which new strings are free text
 * (quoted) and which are codes (plain), so that the editor and the importer write a new field alike.
 */
import { describe, expect, it } from 'vitest';
import { standardSchema } from '../catalogue/schemas/index.ts';
import { patchSchema } from './patch-schema.ts';
import { patchYaml } from './yaml-patch.ts';

const schema = patchSchema(standardSchema);

describe('the patch schema of the standards', () => {
  it('orders keys as the schema does, at the top and inside mappings and list items', () => {
    expect(schema.keys([])).toEqual(Object.keys(standardSchema.shape));
    expect(schema.keys(['dates'])).toEqual(['published', 'effective']);
    expect(schema.keys(['versions'])).toEqual(['version', 'code', 'date', 'release']);
    expect(schema.keys(['sources', 0])).toEqual(['label', 'url']);
  });

  it('knows the defaults the check assumes', () => {
    expect([schema.defaultValue(['key']), schema.defaultValue(['topics']), schema.defaultValue(['code'])]).toEqual([
      false,
      [],
      undefined,
    ]);
  });

  it('writes text and links quoted, and ids, enums, dates and release codes plain', () => {
    const text = (path: Array<string | number>) => schema.isText(path);
    expect([text(['code']), text(['title', 'en']), text(['sources', 0, 'url']), text(['versions', 0, 'date'])]).toEqual(
      [true, true, true, true],
    );
    expect([text(['ccs', 0]), text(['ics', 0])]).toEqual([true, true]);
    expect([
      text(['release']),
      text(['versions', 0, 'release']),
      text(['dates', 'published']),
      text(['supersedes', 0]),
    ]).toEqual([false, false, false, false]);
  });

  it('writes a new version history and codes as the authoring format shows them', () => {
    const data = {
      versions: [
        { version: '16.0.0', date: '2019-06-14', release: 'R16' },
        { version: '16.9.0', date: '2021-06-25', release: 'R16' },
      ],
      dates: { published: '2019-06-14' },
      ccs: ['M36'],
    };
    expect(patchYaml('', {}, data, schema)).toBe(
      [
        'versions:',
        '  - { version: "16.0.0", date: "2019-06-14", release: R16 }',
        '  - { version: "16.9.0", date: "2021-06-25", release: R16 }',
        'dates:',
        '  published: 2019-06-14',
        'ccs: ["M36"]',
        '',
      ].join('\n'),
    );
  });
});
