// Y axes with round ticks ("nice numbers": 1, 2, 2.5 or 5 times a power of ten), so a reader
// can take values off the chart without doing arithmetic.

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
}

/** the smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `raw` */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * power;
}

/** drops binary noise: 0.1 + 0.2 → 0.3 */
const clean = (v: number) => Number(v.toPrecision(12));

export interface AxisOptions {
  /** counts start at zero, so bar-like magnitudes are not exaggerated */
  zero?: boolean;
  /** whole numbers only (no "0.5 followers") */
  integer?: boolean;
  /** about this many intervals */
  count?: number;
}

/** an axis covering the known values with round ticks; with no values, 0…1 */
export function niceAxis(values: readonly number[], opts: AxisOptions = {}): Axis {
  const count = opts.count ?? 5;
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (opts.zero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) {
    // one value (or all equal): a band around it, so the line sits in the middle
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    hi += pad;
    lo = opts.zero && lo >= 0 ? 0 : lo - pad;
  }
  let step = niceStep((hi - lo) / count);
  if (opts.integer) step = Math.max(1, step);
  const min = clean(Math.floor(lo / step) * step);
  const max = clean(Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let i = 0; clean(min + i * step) <= max; i++) ticks.push(clean(min + i * step));
  return { min, max, ticks };
}

/** maps [d0, d1] onto [r0, r1] linearly */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}
