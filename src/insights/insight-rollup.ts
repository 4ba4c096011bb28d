import type { AccountDayRow } from './account-insight.repository.js';
import { addDays, type Day, daysBetween, monthStart, weekStart } from './insight-day.js';
import { type AccountMetric, accountMetrics } from './insight-metrics.js';

// Daily snapshots → a series of days, weeks or months, and the totals of the range. Nothing is
// invented: a sum covers the days that have a value (null when none has), follower growth is the
// difference of two real readings (null when either is unknown), engagement divides what is known.

export type Granularity = 'day' | 'week' | 'month';

export const camel = {
  reach: 'reach',
  views: 'views',
  accounts_engaged: 'accountsEngaged',
  total_interactions: 'totalInteractions',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  replies: 'replies',
  profile_links_taps: 'profileLinksTaps',
  follows_and_unfollows: 'followsAndUnfollows',
} as const satisfies Record<AccountMetric, string>;
type CamelMetric = (typeof camel)[AccountMetric];

export type Point = {
  start: Day;
  end: Day;
  /** days of the period inside the range */
  days: number;
  /** of those, days with a stored snapshot */
  daysWithData: number;
  /** the last reading in the period */
  followers: number | null;
  /** followers at the period's end minus followers the day before it began */
  followerGrowth: number | null;
  following: number | null;
  mediaCount: number | null;
  /** total interactions per follower (see `formulas` in the response) */
  engagementRate: number | null;
} & Record<CamelMetric, number | null>;

const bucketOf: Record<Granularity, (d: Day) => Day> = { day: (d) => d, week: weekStart, month: monthStart };

/** the range's days grouped by granularity, each bucket clipped to the range */
export function series(rows: AccountDayRow[], from: Day, to: Day, g: Granularity): Point[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const buckets = new Map<Day, Day[]>();
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) {
    const day = addDays(from, i);
    const key = bucketOf[g](day);
    const list = buckets.get(key) ?? [];
    list.push(day);
    buckets.set(key, list);
  }
  return [...buckets.values()].map((days) => summarize(days, byDay));
}

/** the whole range as one period */
export function totals(rows: AccountDayRow[], from: Day, to: Day): Point {
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  return summarize(days, new Map(rows.map((r) => [r.day, r])));
}

function summarize(days: Day[], byDay: Map<Day, AccountDayRow>): Point {
  const start = days[0] as Day;
  const end = days[days.length - 1] as Day;
  const rows = days.flatMap((d) => byDay.get(d) ?? []);
  const sums = Object.fromEntries(
    accountMetrics.map((m) => [camel[m], sum(rows.map((r) => r[m]))]),
  ) as Record<CamelMetric, number | null>;
  const last = (pick: (r: AccountDayRow) => number | null) =>
    rows.reduceRight<number | null>((found, r) => found ?? pick(r), null);
  const endFollowers = byDay.get(end)?.followers_count ?? null;
  const beforeFollowers = byDay.get(addDays(start, -1))?.followers_count ?? null;
  // engagement over the days where both parts are known, so a missing day does not skew it
  const both = rows.filter((r) => r.total_interactions !== null && r.followers_count);
  const followerDays = both.reduce((s, r) => s + (r.followers_count ?? 0), 0);
  return {
    start,
    end,
    days: days.length,
    daysWithData: rows.length,
    followers: last((r) => r.followers_count),
    followerGrowth: endFollowers !== null && beforeFollowers !== null ? endFollowers - beforeFollowers : null,
    following: last((r) => r.follows_count),
    mediaCount: last((r) => r.media_count),
    ...sums,
    engagementRate:
      followerDays > 0 ? both.reduce((s, r) => s + (r.total_interactions ?? 0), 0) / followerDays : null,
  };
}

function sum(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}
