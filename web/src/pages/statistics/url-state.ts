import { addDays, daysBetween, isDay } from './days.js';
import {
  type Granularity,
  granularities,
  type ProductType,
  productTypes,
  type RankMetric,
  rankMetrics,
} from './types.js';

// What the Statistics page shows lives in its URL, so a reload, the back button or a shared link
// opens the same view: ?account=…&days=90 or ?from=2026-01-01&to=2026-01-31, &by=week, and the
// top posts' &metric= and &type=. Defaults are left out of the URL.

export const presets = [7, 30, 90] as const;
export type Preset = (typeof presets)[number];
export type RangeChoice = { preset: Preset } | { from: string; to: string };

export interface StatsUrlState {
  /** '' = the first Instagram account */
  accountId: string;
  range: RangeChoice;
  granularity: Granularity;
  metric: RankMetric;
  /** '' = every kind of post */
  productType: ProductType | '';
}

const defaultPreset: Preset = 30;
/** the longest range the API accepts (src/insights/insight.service.ts) */
export const maxRangeDays = 731;

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

export function stateFromSearch(search: string): StatsUrlState {
  const q = new URLSearchParams(search);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  const custom =
    isDay(from) && isDay(to) && daysBetween(from, to) >= 0 && daysBetween(from, to) < maxRangeDays;
  const days = Number(q.get('days'));
  return {
    accountId: q.get('account') ?? '',
    range: custom
      ? { from, to }
      : { preset: (presets as readonly number[]).includes(days) ? (days as Preset) : defaultPreset },
    granularity: oneOf(granularities, q.get('by'), 'day'),
    metric: oneOf(rankMetrics, q.get('metric'), 'reach'),
    productType: oneOf<ProductType | ''>(productTypes, q.get('type'), ''),
  };
}

export function stateToSearch(s: StatsUrlState): string {
  const q = new URLSearchParams();
  if (s.accountId) q.set('account', s.accountId);
  if ('preset' in s.range) {
    if (s.range.preset !== defaultPreset) q.set('days', String(s.range.preset));
  } else {
    q.set('from', s.range.from);
    q.set('to', s.range.to);
  }
  if (s.granularity !== 'day') q.set('by', s.granularity);
  if (s.metric !== 'reach') q.set('metric', s.metric);
  if (s.productType) q.set('type', s.productType);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** the range's first and last day; a preset of n days ends today (the API's default is 30) */
export function resolveRange(range: RangeChoice, today: string): { from: string; to: string } {
  if ('preset' in range) return { from: addDays(today, -(range.preset - 1)), to: today };
  return range;
}

/** the most days one refresh may read (src/insights/account-insight-sync.service.ts) */
export const maxRefreshDays = 90;

/**
 * How many days a refresh reads: a refresh reads the profile now and the `days` complete days
 * before today, so this covers the range's first day onwards (Meta's numbers keep growing for
 * 48 hours, and days before the account was connected were never read), capped at what the API
 * allows.
 */
export function refreshDays(from: string, today: string): number {
  return Math.min(maxRefreshDays, Math.max(1, daysBetween(from, today)));
}
