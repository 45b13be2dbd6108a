import { describe, expect, it } from 'vitest';
import { random, entry } from '../../scripts/lib/generate.ts';
import { starlightPage } from '../../scripts/lib/starlight.ts';
import { tableRow, mibPerThousand, type BenchFigures } from '../../scripts/lib/bench-report.ts';

describe('the benchmark', () => {
  it('gives Starlight the same entry: its Chinese title as the page title, the same body', () => {
    const generated = entry(7, random(2021)).text;
    const page = starlightPage(generated);
    const title = /title: \{ zh: "([^"]+)"/.exec(generated)?.[1];
    expect(title).toBeTruthy();
    expect(page.startsWith(`---\ntitle: ${JSON.stringify(title)}\n---\n`)).toBe(true);
    expect(page.endsWith(generated.slice(generated.indexOf('\n---\n') + 5))).toBe(true);
    expect(() => starlightPage('no frontmatter')).toThrow('no frontmatter');
  });

  it('generates entries that the broad two-word Chinese query of the benchmark finds', () => {
    const r = random(2021);
    const texts = Array.from({ length: 50 }, (_, i) => entry(i, r).text);
    const both = texts.filter((t) => t.includes('时延') && t.includes('可靠性'));
    expect(both.length).toBeGreaterThan(40);
  });

  it('prints a run as one table row with the memory per 1,000 entries', () => {
    const figures: BenchFigures = {
      entries: 2000,
      seed: 1,
      started: '2026-12-07T00:00:00Z',
      machine: { cpus: 2, model: 'x', memoryGiB: 24, node: 'v24' },
      load: { start: [0.42, 1, 1] },
      check: { seconds: 1.234, peakMib: 100 },
      build: { seconds: 12.34, treePeakMib: 900, peaks: [] },
      output: {
        files: 10,
        bytes: 4 * 2 ** 20,
        diskBytes: 0,
        pages: 1,
        entryPages: 1,
        entryPageMeanBytes: 1,
        entryPageMaxBytes: 1,
      },
      starlight: { version: '0', seconds: 61.7, treePeakMib: 1, ratio: 0.2 },
    };
    expect(mibPerThousand(figures)).toBe(450);
    expect(tableRow(figures)).toBe(
      '| 2,000 | 0.42 | 1.23 s | 12.3 s | 900 MiB (450) | 4.0 MiB (2.0 KB) | – | – | – | 61.7 s (0.20) |',
    );
  });
});
