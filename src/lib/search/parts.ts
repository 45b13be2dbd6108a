/**
 * The search index in parts: pagefind holds every record of an index in memory while it writes it (about a third of
 * a megabyte per entry of the benchmark's catalogue), so a large catalogue is indexed as several indexes of at most
 * {@link PART_SIZE} records, written one after another, and the search page merges them (pagefind's `mergeIndex`:
 * one WebAssembly module, each part's own small metadata). The build and the search page count the parts the same way.
 */

/** Records per part of the index. */
export const PART_SIZE = 1500;

/** How many parts an index of `records` records has (at least one, even when empty). */
export const indexParts = (records: number, size = PART_SIZE): number => Math.max(1, Math.ceil(records / size));

/** The folder of part `k` inside the index folder: the first part is the index folder itself. */
export const partFolder = (k: number): string => (k === 0 ? '' : `part-${k}/`);

/** The part of pagefind's browser API that merges indexes. */
export interface Mergeable {
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
}

/**
 * Merges parts 1 … n-1 into a pagefind loaded from the first part at `base` (a URL ending in `/`). Our index is
 * language-neutral and written as English, so each part is opened as English whatever the page's language.
 */
export async function mergeParts(pagefind: Mergeable, base: string, parts: number): Promise<void> {
  await Promise.all(
    Array.from({ length: parts - 1 }, (_, i) => pagefind.mergeIndex(`${base}${partFolder(i + 1)}`, { language: 'en' })),
  );
}
