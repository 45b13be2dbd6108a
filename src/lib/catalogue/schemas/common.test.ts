import { describe, expect, it } from 'vitest';
import { httpUrlSchema, isoDateSchema } from './common.ts';

describe('isoDateSchema', () => {
  it('takes real calendar dates written YYYY-MM-DD only', () => {
    for (const ok of ['2021-06-25', '2024-02-29', '2000-02-29']) expect(isoDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['2021-02-30', '2023-02-29', '1900-02-29', '2021-6-25', '2021-06-25T00:00', '']) expect(isoDateSchema.safeParse(bad).success).toBe(false);
  });
});

describe('httpUrlSchema', () => {
  it('takes absolute http(s) URLs only', () => {
    for (const ok of ['https://example.org/', 'http://example.org/a?b=c']) expect(httpUrlSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['ftp://example.org/', 'javascript:alert(1)', 'mailto:a@example.org', '/standards/x/', 'example.org', `https://example.org/${'a'.repeat(2000)}`])
      expect(httpUrlSchema.safeParse(bad).success).toBe(false);
  });
});
