/**
 * The designation index: what a search opened with a designation (`?q=23.501`, `ydt3627`) needs to show its first
 * result before pagefind is loaded. Each entry's designation keys (tokens.ts) lead to the entry's designation, state,
 * sectors and titles, in small JSON files (shards) chosen by a hash of the key's last run of digits, so that an
 * entry's keys (`3gppts23501`, `ts23501`, `23501`) mostly share one shard. The search page fetches the one shard its
 * query names (a few KB), shows the entry, and only then loads pagefind for the rest of the results.
 */
import { designationKeys } from './tokens.ts';

/** What the first result of a designation search shows (the rest comes with pagefind's fragment). */
export interface DesignationEntry {
  id: string;
  code: string;
  state: string;
  sectors: string[];
  title: { zh: string; en: string };
}

/** One shard: each key, with the entries that have it. */
export type DesignationShard = Record<string, DesignationEntry[]>;

/** Entries per shard the count aims at: a shard stays a few KB. */
const PER_SHARD = 24;

/** How many shards an index of `entries` entries has: a power of two, about {@link PER_SHARD} entries each. */
export function shardCount(entries: number): number {
  let shards = 1;
  while (shards * PER_SHARD < entries) shards *= 2;
  return shards;
}

/** FNV-1a, 32 bits: the same in the build and in the browser. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard of a compact key: by its last run of digits (the number people type), else by the whole key. */
export function shardOf(key: string, shards: number): number {
  const digits = /\d+(?!.*\d)/.exec(key)?.[0];
  return fnv1a(digits ?? key) % shards;
}

/** The file of a shard, relative to the site root. */
export const shardPath = (shard: number): string => `search/designations/${shard}.json`;

/** The shards of a catalogue's entries: shard number → its keys and their entries. */
export function designationShards(entries: readonly DesignationEntry[]): Map<number, DesignationShard> {
  const shards = shardCount(entries.length);
  const out = new Map<number, DesignationShard>();
  for (const entry of entries)
    for (const key of designationKeys(entry.code)) {
      const shard = shardOf(key, shards);
      let keys = out.get(shard);
      if (!keys) out.set(shard, (keys = {}));
      (keys[key] ??= []).push(entry);
    }
  return out;
}

/** Rank of a state among a designation's entries: in force and the like first, then drafts, then the ended. */
export function stateGroup(state: string, drafts: readonly string[]): number {
  if (state === 'superseded' || state === 'withdrawn') return 2;
  return drafts.includes(state) ? 1 : 0;
}
