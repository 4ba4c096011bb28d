import { type Axis, type AxisOptions, linear, niceAxis } from './scale.js';

// The geometry of a line chart, without React: where each period sits, which periods are joined
// by a line, where the axes' ticks go. Unknown values (null) break the line: two known points
// are joined only when every period between them is known, so nothing is interpolated.

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartModel {
  /** x of each period, in order */
  xs: number[];
  /** y of each period; null where the value is unknown */
  ys: (number | null)[];
  /** one SVG path per run of two or more consecutive known values */
  paths: string[];
  axis: Axis;
  /** y of each of axis.ticks */
  tickYs: number[];
  /** periods that get an x-axis label */
  xTicks: number[];
}

/** [first, last] index of each run of consecutive known values */
export function knownRuns(values: readonly (number | null)[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  values.forEach((v, i) => {
    if (v !== null && start < 0) start = i;
    if (v === null && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, values.length - 1]);
  return runs;
}

/** evenly spaced positions across [left, right]; a single period sits in the middle */
export function xPositions(n: number, left: number, right: number): number[] {
  if (n === 1) return [(left + right) / 2];
  return Array.from({ length: n }, (_, i) => left + ((right - left) * i) / (n - 1));
}

/** indices to label: the first and then every k-th, at most `max` of them */
export function tickIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  const step = Math.max(1, Math.ceil(n / Math.max(1, max)));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

/** the period whose x is closest to `x` (xs ascending) */
export function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++)
    if (Math.abs((xs[i] ?? 0) - x) < Math.abs((xs[best] ?? 0) - x)) best = i;
  return best;
}

const r = (v: number) => Math.round(v * 10) / 10;

export function buildChart(
  values: readonly (number | null)[],
  frame: Frame,
  opts: AxisOptions & { maxXTicks?: number } = {},
): ChartModel {
  const known = values.filter((v): v is number => v !== null);
  const axis = niceAxis(known, opts);
  const y = linear(axis.min, axis.max, frame.height - frame.bottom, frame.top);
  const xs = xPositions(values.length, frame.left, frame.width - frame.right).map(r);
  const ys = values.map((v) => (v === null ? null : r(y(v))));
  const paths = knownRuns(values)
    .filter(([a, b]) => b > a)
    .map(([a, b]) =>
      xs
        .slice(a, b + 1)
        .map((x, i) => `${i ? 'L' : 'M'}${x} ${ys[a + i]}`)
        .join(''),
    );
  return {
    xs,
    ys,
    paths,
    axis,
    tickYs: axis.ticks.map((t) => r(y(t))),
    xTicks: tickIndices(values.length, opts.maxXTicks ?? 6),
  };
}
