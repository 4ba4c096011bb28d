import { describe, expect, it } from 'vitest';
import type { AccountDayRow } from './account-insight.repository.js';
import { addDays } from './insight-day.js';
import { accountMetrics } from './insight-metrics.js';
import { series, totals } from './insight-rollup.js';

const at = '2026-02-01T00:00:00.000Z';

function row(day: string, over: Partial<AccountDayRow> = {}): AccountDayRow {
  return {
    account_id: 'a1',
    workspace_id: 'w1',
    day,
    ...{ followers_count: null, follows_count: null, media_count: null, profile_read_at: null },
    ...(Object.fromEntries(accountMetrics.map((m) => [m, null])) as Record<
      (typeof accountMetrics)[number],
      null
    >),
    insights_read_at: at,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

/** January 2026, day n: reach 100+n, interactions n, followers 1000+2n; the 10th missing entirely */
const january = Array.from({ length: 31 }, (_, i) => i + 1)
  .filter((n) => n !== 10)
  .map((n) =>
    row(`2026-01-${String(n).padStart(2, '0')}`, {
      reach: 100 + n,
      total_interactions: n,
      followers_count: 1000 + 2 * n,
    }),
  );

describe('statistics series', () => {
  it('gives every day of the range, unknown where nothing was stored, growth only between two readings', () => {
    const days = series(january, '2026-01-08', '2026-01-12', 'day');
    expect(days.map((d) => d.start)).toEqual([
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
      '2026-01-12',
    ]);
    expect(days.map((d) => d.reach)).toEqual([108, 109, null, 111, 112]);
    // the 8th has the 7th before it; the 10th and the 11th lack a neighbour
    expect(days.map((d) => d.followerGrowth)).toEqual([2, 2, null, null, 2]);
    expect(days[2]).toMatchObject({ days: 1, daysWithData: 0, followers: null, engagementRate: null });
    expect(days[0]?.engagementRate).toBeCloseTo(8 / 1016, 12);
  });

  it('rolls weeks up from Monday, clipped to the range', () => {
    const weeks = series(january, '2026-01-01', '2026-01-31', 'week');
    expect(weeks.map((w) => [w.start, w.end, w.days])).toEqual([
      ['2026-01-01', '2026-01-04', 4],
      ['2026-01-05', '2026-01-11', 7],
      ['2026-01-12', '2026-01-18', 7],
      ['2026-01-19', '2026-01-25', 7],
      ['2026-01-26', '2026-01-31', 6],
    ]);
    const second = weeks[1];
    // the 10th is missing: its reach is left out of the sum, not counted as 0
    expect(second?.reach).toBe([5, 6, 7, 8, 9, 11].reduce((s, n) => s + 100 + n, 0));
    expect(second?.daysWithData).toBe(6);
    expect(second?.followers).toBe(1022); // the 11th's reading: the last in the week
    expect(second?.followerGrowth).toBe(1022 - 1008); // the 11th minus the 4th
    const interactions = [5, 6, 7, 8, 9, 11].reduce((s, n) => s + n, 0);
    const followerDays = [5, 6, 7, 8, 9, 11].reduce((s, n) => s + 1000 + 2 * n, 0);
    expect(second?.engagementRate).toBeCloseTo(interactions / followerDays, 12);
    // the first week has no reading before the 1st: growth unknown
    expect(weeks[0]?.followerGrowth).toBeNull();
  });

  it('rolls months up and totals a range that spans two', () => {
    const feb = [row('2026-02-01', { reach: 7, followers_count: 1070 }), row('2026-02-02', { reach: 3 })];
    const rows = [...january, ...feb];
    const months = series(rows, '2026-01-30', '2026-02-02', 'month');
    expect(months.map((m) => [m.start, m.end, m.reach])).toEqual([
      ['2026-01-30', '2026-01-31', 130 + 131],
      ['2026-02-01', '2026-02-02', 10],
    ]);
    // the 2nd has no follower reading, so February's growth is unknown; its followers are the 1st's
    expect(months[1]).toMatchObject({ followers: 1070, followerGrowth: null });
    const all = totals(rows, '2026-01-30', '2026-02-02');
    expect(all).toMatchObject({ start: '2026-01-30', end: '2026-02-02', days: 4, reach: 130 + 131 + 10 });
    expect(all.totalInteractions).toBe(30 + 31);
    expect(totals(rows, '2026-01-02', '2026-01-31').followerGrowth).toBe(1062 - 1002);
  });

  it('keeps a known 0 apart from unknown', () => {
    const rows = [row('2026-03-01', { likes: 0 }), row('2026-03-02', { likes: null })];
    expect(series(rows, '2026-03-01', '2026-03-02', 'day').map((d) => d.likes)).toEqual([0, null]);
    expect(totals(rows, '2026-03-01', '2026-03-02').likes).toBe(0);
    expect(totals([], '2026-03-01', addDays('2026-03-01', 6))).toMatchObject({
      likes: null,
      days: 7,
      daysWithData: 0,
    });
  });
});
