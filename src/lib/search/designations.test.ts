import { describe, expect, it } from 'vitest';
import { designationShards, shardCount, shardOf, stateGroup, type DesignationEntry } from './designations.ts';
import { designationKeys } from './tokens.ts';

const entry = (id: string, code: string, state = 'in-force'): DesignationEntry => ({
  id,
  code,
  state,
  sectors: [],
  title: { zh: id, en: id },
});

describe('the designation index', () => {
  it('has about 24 entries a shard, in a power of two of shards', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(24)).toBe(1);
    expect(shardCount(25)).toBe(2);
    expect(shardCount(10_000)).toBe(512);
  });

  it('puts the keys of one designation that share their number in one shard', () => {
    for (const code of ['3GPP TS 23.501', 'ITU-R M.2410', 'IETF RFC 8655'])
      expect(new Set(designationKeys(code).map((k) => shardOf(k, 512))).size, code).toBe(1);
    // Spread: 10,000 numbers land in most of 512 shards.
    const used = new Set(Array.from({ length: 10_000 }, (_, i) => shardOf(`${10_000 + i}`, 512)));
    expect(used.size).toBeGreaterThan(500);
  });

  it('leads every key of every entry to the entry, in the shard its key names', () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(`e-${i}`, `YD/T ${3000 + i}-2019`));
    entries.push(entry('twin', 'T/CCSA 3005'));
    const shards = designationShards(entries);
    const count = shardCount(entries.length);
    for (const e of entries)
      for (const key of designationKeys(e.code))
        expect(
          shards.get(shardOf(key, count))?.[key]?.map((x) => x.id),
          key,
        ).toContain(e.id);
    expect(shards.get(shardOf('3005', count))?.['3005']?.map((x) => x.id)).toEqual(['e-5', 'twin']);
  });

  it('ranks states as the search does: in force first, then drafts, then ended', () => {
    const drafts = ['drafting', 'planned'];
    expect(stateGroup('in-force', drafts)).toBe(0);
    expect(stateGroup('to-take-effect', drafts)).toBe(0);
    expect(stateGroup('drafting', drafts)).toBe(1);
    expect(stateGroup('withdrawn', drafts)).toBe(2);
    expect(stateGroup('superseded', drafts)).toBe(2);
  });
});
