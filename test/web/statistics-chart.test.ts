import { describe, expect, it } from 'vitest';
import {
  buildChart,
  type Frame,
  knownRuns,
  nearestIndex,
  tickIndices,
  xPositions,
} from '../../web/src/pages/statistics/chart-model.js';
import { linear, niceAxis, niceStep } from '../../web/src/pages/statistics/scale.js';

// The SVG charts' geometry: round axis ticks, and unknown values as gaps, never bridged.

const frame: Frame = { width: 110, height: 120, top: 10, right: 0, bottom: 10, left: 10 };

describe('niceStep and niceAxis', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 61.7, 0.0031].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 100, 0.005]);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it('covers the values with round ticks, from zero for counts', () => {
    expect(niceAxis([120, 480], { zero: true })).toEqual({
      min: 0,
      max: 500,
      ticks: [0, 100, 200, 300, 400, 500],
    });
    const followers = niceAxis([1204, 1262]);
    expect(followers.min).toBeLessThanOrEqual(1204);
    expect(followers.max).toBeGreaterThanOrEqual(1262);
    expect(followers.min).toBeGreaterThan(1000); // not squashed against a zero baseline
    expect(followers.ticks).toEqual([1200, 1220, 1240, 1260, 1280]);
  });

  it('puts a single value in the middle of a band and never invents fractional counts', () => {
    const one = niceAxis([1234]);
    expect(one.min).toBeLessThan(1234);
    expect(one.max).toBeGreaterThan(1234);
    expect(niceAxis([0, 2], { zero: true, integer: true }).ticks).toEqual([0, 1, 2]);
    expect(niceAxis([0, 0], { zero: true })).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('keeps rates readable without binary noise', () => {
    const rate = niceAxis([0.012, 0.047], { zero: true });
    expect(rate.ticks).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
  });

  it('maps a domain onto a range', () => {
    const y = linear(0, 100, 200, 0);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
    expect(linear(5, 5, 0, 10)(5)).toBe(0);
  });
});

describe('gaps', () => {
  it('finds the runs of known values', () => {
    expect(knownRuns([null, 1, 2, null, 3, null, null, 4, 5, 6])).toEqual([
      [1, 2],
      [4, 4],
      [7, 9],
    ]);
    expect(knownRuns([null, null])).toEqual([]);
    expect(knownRuns([0, 0])).toEqual([[0, 1]]); // zero is a value, not a gap
  });

  it('draws no line across an unknown period and leaves a lone value as a dot', () => {
    const m = buildChart([10, 20, null, 30, null, 40, 50], frame, { zero: true });
    expect(m.paths).toHaveLength(2);
    const xsIn = (d: string) => [...d.matchAll(/[ML]([\d.]+) /g)].map((x) => Number(x[1]));
    expect(xsIn(m.paths[0] ?? '')).toEqual([m.xs[0], m.xs[1]]);
    expect(xsIn(m.paths[1] ?? '')).toEqual([m.xs[5], m.xs[6]]);
    expect(m.ys[2]).toBeNull();
    expect(m.ys[3]).not.toBeNull(); // the lone 30 is still placed, drawn as a point
  });

  it('places values on the axis: the highest tick at the top, zero at the bottom', () => {
    const m = buildChart([0, 50, 100], frame, { zero: true });
    expect(m.ys).toEqual([110, 60, 10]);
    expect(m.axis.ticks.at(-1)).toBe(100);
    expect(m.tickYs.at(-1)).toBe(10);
  });
});

describe('x positions and ticks', () => {
  it('spreads periods across the plot and centres a single one', () => {
    expect(xPositions(3, 0, 100)).toEqual([0, 50, 100]);
    expect(xPositions(1, 0, 100)).toEqual([50]);
  });

  it('labels at most the given number of periods, starting with the first', () => {
    expect(tickIndices(90, 6)).toEqual([0, 15, 30, 45, 60, 75]);
    expect(tickIndices(13, 6)).toEqual([0, 3, 6, 9, 12]);
    expect(tickIndices(4, 6)).toEqual([0, 1, 2, 3]);
    expect(tickIndices(0, 6)).toEqual([]);
  });

  it('finds the period nearest to the pointer', () => {
    const xs = [0, 10, 20, 30];
    expect([-5, 4, 6, 24, 99].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 1, 2, 3]);
  });
});
