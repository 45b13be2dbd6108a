import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorOf, toCanonical, unitsOf } from './units.ts';

const latency = { unit: 'ms', units: { us: 0.001, s: 1000 } };
const density = { unit: 'devices/km2', units: {} };

describe('unit conversion', () => {
  it('converts to the canonical unit without float noise', () => {
    expect(toCanonical(latency, 500, 'us')).toBe(0.5);
    expect(toCanonical(latency, 0.5, 'us')).toBe(0.0005);
    expect(toCanonical(latency, 3, 's')).toBe(3000);
    expect(toCanonical(latency, 7, 'ms')).toBe(7);
    expect(unitsOf(latency)).toEqual(['ms', 'us', 's']);
  });

  it('refuses a unit the metric does not know', () => {
    expect(factorOf(density, 'devices/m2')).toBeUndefined();
    expect(() => toCanonical(density, 1, 'devices/m2')).toThrow('unit "devices/m2" does not convert to devices/km2');
  });

  it('keeps order: a larger value in any unit is larger in the canonical unit', () => {
    const unit = fc.constantFrom('ms', 'us', 's');
    const value = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(value, value, unit, (a, b, u) => {
        const [x, y] = [toCanonical(latency, a, u), toCanonical(latency, b, u)];
        if (a < b) expect(x).toBeLessThanOrEqual(y);
      }),
    );
  });

  it('agrees across units: 1 s = 1000 ms = 1,000,000 us', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(toCanonical(latency, n, 's')).toBe(toCanonical(latency, n * 1000, 'ms'));
        expect(toCanonical(latency, n, 'ms')).toBe(toCanonical(latency, n * 1000, 'us'));
      }),
    );
  });
});
