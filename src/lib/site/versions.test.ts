import { describe, expect, it } from 'vitest';
import { standardSchema } from '../catalogue/schemas/standard.ts';
import { describedVersionText, rowVersions, versionRows } from './versions.ts';

const entry = (extra: Record<string, unknown>) =>
  standardSchema.parse({
    code: 'T 1',
    title: { zh: '测', en: 'T' },
    lang: 'en',
    scope: '5g',
    tier: 'base',
    body: 'b',
    level: 'international',
    status: 'published',
    sources: [{ label: 'S', url: 'https://example.org/' }],
    ...extra,
  });

describe('versions', () => {
  const d = entry({
    version: '17.4.0',
    versions: [
      { version: '17.0.0', date: '2019-12-27', release: 'R17' },
      { version: '17.4.0', date: '2021-06-25', release: 'R17' },
    ],
    requirements: [
      { id: 'a', metric: 'latency', comparator: '<=', value: 1, unit: 'ms', version: '17.0.0' },
      { id: 'b', metric: 'latency', comparator: '<=', value: 2, unit: 'ms' },
    ],
  });

  it('marks the described version and the versions rows were read from', () => {
    expect(versionRows(d).map((r) => [r.version, r.described, r.readFrom])).toEqual([
      ['17.0.0', false, true],
      ['17.4.0', true, false],
    ]);
    expect(rowVersions(d)).toEqual(['17.0.0']);
    expect(describedVersionText(d)).toBe('17.4.0 (2021-06-25, R17)');
  });

  it('takes the own edition of a designation with a year, and nothing when there is no history', () => {
    const iso = entry({
      versions: [
        { version: '2', code: 'ISO 1:2014', date: '2014-04' },
        { version: '3', date: '2020-12' },
      ],
    });
    expect(versionRows(iso).map((r) => r.described)).toEqual([false, true]);
    expect(describedVersionText(iso)).toBe('3 (2020-12)');
    expect(describedVersionText(entry({}))).toBeUndefined();
    expect(describedVersionText(entry({ version: '8.0' }))).toBe('8.0');
  });
});
