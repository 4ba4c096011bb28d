import type { Insight } from '../providers/instagram/graph-media-schemas.js';

// Graph's insight answers → one number per metric. Meta leaves a metric out of `data` when it has
// no value ("the API returns an empty data set instead of 0"), so anything not found is null,
// never 0; so are metrics nobody asked for (a deprecated one in an old answer), values that are
// not plain non-negative numbers (legacy breakdown objects, -1 placeholders) and a time series of
// several days where one total was asked for.
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights#limitations

export type Values<M extends string> = Record<M, number | null>;

const plain = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

/** one value per metric: metric_type=total_value, or a lifetime media metric (its single value) */
export function totals<M extends string>(data: Insight[], wanted: readonly M[]): Values<M> {
  const out = Object.fromEntries(wanted.map((m) => [m, null])) as Values<M>;
  for (const i of data) {
    if (!(wanted as readonly string[]).includes(i.name)) continue;
    const value = i.totalValue
      ? plain(i.totalValue.value)
      : i.values.length === 1
        ? plain(i.values[0]?.value)
        : null;
    if (value !== null) out[i.name as M] = value;
  }
  return out;
}
