/**
 * What one run of `npm run bench` found, as a record (written to a JSON file, so that runs can be compared) and as
 * one Markdown table row (printed, and pasted into docs/performance.md).
 */

/** A first search in a fresh page: bytes and requests until its first result was on screen, and when. */
export interface FirstSearch {
  query: string;
  /** Bytes of every response finished before the first result showed (uncompressed, as the server sent them). */
  bytes: number;
  requests: number;
  /** From the start of navigation to the first result on screen. */
  ms: number;
  /** Whether the first result is the one expected (designation queries), or any result came (broad queries). */
  right: boolean;
  /** Results on screen when the page was done. */
  shown: number;
}

/** A query typed into a page that has already searched: from the last input to its expected first result. */
export interface TypedQuery {
  query: string;
  ms: number;
}

/** The figures of one run. */
export interface BenchFigures {
  entries: number;
  seed: number;
  /** When the run started (ISO time). */
  started: string;
  commit?: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  /** Load averages (1, 5, 15 minutes) when the run started and when it ended. */
  load: { start: number[]; end?: number[] };
  check: { seconds: number; peakMib: number };
  build: { seconds: number; treePeakMib: number; peaks: Array<{ name: string; mib: number }> };
  rebuild?: { seconds: number; treePeakMib: number };
  output: {
    files: number;
    bytes: number;
    /** Space the files take on disk (allocated blocks). */
    diskBytes: number;
    pages: number;
    entryPages: number;
    entryPageMeanBytes: number;
    entryPageMaxBytes: number;
  };
  search?: {
    designation: FirstSearch;
    chinese: FirstSearch;
    typed: TypedQuery[];
  };
  starlight?: { version: string; seconds: number; treePeakMib: number; ratio: number };
}

const MIB = 2 ** 20;
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const kb = (bytes: number) => `${fixed(bytes / 1024)} KB`;

/** Tree peak per 1,000 entries (MiB): whether memory grows linearly with the catalogue. */
export const mibPerThousand = (f: BenchFigures) => (f.build.treePeakMib * 1000) / f.entries;

/** Output bytes per entry (the whole site divided by the entries). */
export const bytesPerEntry = (f: BenchFigures) => f.output.bytes / f.entries;

/** The table's header (Markdown). */
export const TABLE_HEADER = [
  '| entries | load at start | check | build | tree peak (per 1,000) | output (per entry) | designation: first result | 时延 可靠性: first results | typed query | Starlight (ratio) |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
].join('\n');

/** One run as a row of the table. */
export function tableRow(f: BenchFigures): string {
  const search = f.search;
  const first = (s: FirstSearch) => `${kb(s.bytes)}, ${fixed(s.ms / 1000, 2)} s${s.right ? '' : ' (wrong)'}`;
  const cells = [
    f.entries.toLocaleString('en'),
    fixed(f.load.start[0] ?? 0, 2),
    `${fixed(f.check.seconds, 2)} s`,
    `${fixed(f.build.seconds)} s`,
    `${fixed(f.build.treePeakMib, 0)} MiB (${fixed(mibPerThousand(f), 0)})`,
    `${fixed(f.output.bytes / MIB)} MiB (${kb(bytesPerEntry(f))})`,
    search ? first(search.designation) : '–',
    search ? first(search.chinese) : '–',
    search?.typed.length ? `${fixed(Math.max(...search.typed.map((t) => t.ms)), 0)} ms` : '–',
    f.starlight ? `${fixed(f.starlight.seconds)} s (${fixed(f.starlight.ratio, 2)})` : '–',
  ];
  return `| ${cells.join(' | ')} |`;
}
