import { describe, expect, it } from 'vitest';
import { axisFor, dodge, hitArea, HIT, PLOT_MIN_WIDTH, plotPercent, stackLanes, tickLabel, type Mark } from './plot.ts';
import { displayUnit, displayUnits } from './format.ts';

const latency = { unit: 'ms', units: { us: 0.001, µs: 0.001, μs: 0.001, s: 1000 } };

describe('plot axes', () => {
  it('are logarithmic where figures span decades, with ticks in the units people use', () => {
    const axis = axisFor([0.5, 10, 1000], latency);
    expect(axis.kind).toBe('log');
    expect(axis.ticks.map((t) => t.label)).toEqual([
      '100\u00a0µs',
      '1\u00a0ms',
      '10\u00a0ms',
      '100\u00a0ms',
      '1\u00a0s',
    ]);
    expect(axis.at(0.1)).toBe(0);
    expect(axis.at(1000)).toBe(1);
    expect(axis.at(10)).toBeCloseTo(0.5);
  });

  it('are linear where figures stay within two decades', () => {
    const axis = axisFor([5, 20, 50], latency);
    expect(axis.kind).toBe('linear');
    expect(axis.at(0)).toBe(0);
    expect(axis.ticks[0]!.value).toBe(0);
  });

  it('count nines for percentages near 100', () => {
    const axis = axisFor([99.9, 99.9999], { unit: '%', units: {} });
    expect(axis.kind).toBe('nines');
    expect(axis.ticks.map((t) => t.label)).toEqual(['99.9%', '99.99%', '99.999%', '99.9999%']);
    expect(axis.at(99.99)).toBeCloseTo(1 / 3);
  });

  it('label data rates in kbit/s, Mbit/s and Gbit/s', () => {
    const rate = { unit: 'Mbit/s', units: { 'kbit/s': 0.001, 'Gbit/s': 1000, kbps: 0.001 } };
    expect([0.1, 1, 1000].map((v) => tickLabel(v, rate))).toEqual([
      '100\u00a0kbit/s',
      '1\u00a0Mbit/s',
      '1\u00a0Gbit/s',
    ]);
  });
});

describe('stacked lanes', () => {
  const mark = (at: number, comparator: Mark['comparator'] = '='): Mark => ({
    href: '#',
    title: '',
    comparator,
    at,
    tone: 't',
  });
  it('keep marks at the same value apart and let distant ones share a row', () => {
    const [lane] = stackLanes([{ label: 'x', tone: 't', marks: [mark(0.5), mark(0.5), mark(0.1), mark(0.9)] }]);
    expect(lane!.rows).toBe(2);
    const rows = lane!.marks.map((m) => [m.at, m.row]);
    expect(rows).toEqual([
      [0.1, 0],
      [0.5, 0],
      [0.5, 1],
      [0.9, 0],
    ]);
  });
  it('leave room for a comparator’s arrow', () => {
    const [lane] = stackLanes([{ label: 'x', tone: 't', marks: [mark(0.5), mark(0.53, '<=')] }]);
    expect(lane!.rows).toBe(2);
  });
  it('keep the hit areas of a row apart even at the narrowest width the plot is drawn', () => {
    // 24 px apart at 640 px wide (90 % of it the axis): 24 / 576 of the axis.
    const gap = HIT / (PLOT_MIN_WIDTH * 0.9);
    const [apart] = stackLanes([{ label: 'x', tone: 't', marks: [mark(0.5), mark(0.5 + gap + 1e-6)] }]);
    expect(apart!.rows).toBe(1);
    const [close] = stackLanes([{ label: 'x', tone: 't', marks: [mark(0.5), mark(0.5 + gap - 1e-3)] }]);
    expect(close!.rows).toBe(2);
  });
});

describe('dodge', () => {
  it('moves a mark whose hit area would meet an earlier one a hit area away, within the plot', () => {
    // Two use cases at the same figures, a third nearby, a fourth far: 640 px wide, 10 % is 64 px.
    const ys = dodge(
      [
        { left: 50, y: 100 },
        { left: 50, y: 100 },
        { left: 51, y: 110 },
        { left: 90, y: 100 },
      ],
      PLOT_MIN_WIDTH,
      20,
      300,
    );
    expect(ys).toEqual([100, 100 + HIT, 110 + 2 * HIT, 100]);
    // At the edge of the plot it moves the other way.
    expect(
      dodge(
        [
          { left: 50, y: 290 },
          { left: 50, y: 290 },
        ],
        PLOT_MIN_WIDTH,
        20,
        300,
      ),
    ).toEqual([290, 290 - HIT]);
  });
});

describe('hit areas', () => {
  it('are at least 24 × 24 px around a mark, and a range’s whole length, their labels opening toward the room', () => {
    expect(hitArea(plotPercent(0.2), 40, 200)).toEqual({
      style: 'left:calc(23.00% - 12px);top:28.0px;width:24px;height:24px',
      end: false,
      up: false,
    });
    const range = hitArea(plotPercent(0.5), 150, 200, plotPercent(0.9));
    expect(range.style).toBe('left:calc(50.00% - 12px);top:138.0px;width:calc(36.00% + 24px);height:24px');
    expect([range.end, range.up]).toEqual([true, true]);
  });
});

describe('units as people write them', () => {
  it('show µs for us, μs and µs, and km² for km2', () => {
    expect(['us', 'μs', 'µs'].map(displayUnit)).toEqual(['µs', 'µs', 'µs']);
    expect(displayUnit('devices/km2')).toBe('devices/km²');
    expect(['ms', 'min', 'm', 'mm', 'Mbit/s', 's', '%'].map(displayUnit)).toEqual([
      'ms',
      'min',
      'm',
      'mm',
      'Mbit/s',
      's',
      '%',
    ]);
    expect(displayUnits(latency)).toEqual(['ms', 'µs', 's']);
  });
});
