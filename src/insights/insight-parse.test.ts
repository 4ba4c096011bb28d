import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insightsSchema } from '../providers/instagram/graph-media-schemas.js';
import { accountMetrics, mediaMetrics, mediaMetricsFor, retiredMetrics } from './insight-metrics.js';
import { totals } from './insight-parse.js';

const dir = new URL('../../test/fixtures/graph-api/', import.meta.url);
const load = (name: string) => insightsSchema.parse(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));

// What each of Meta's insight examples means once read: one expectation per fixture file.
const expected: Record<string, { wanted: readonly string[]; values: Record<string, number | null> }> = {
  // total_value with a media_product_type breakdown: the total is the value, not a part of it
  'insights_account_reach_total_value.doc.json': {
    wanted: accountMetrics,
    values: { reach: 224, views: null, total_interactions: null, follows_and_unfollows: null },
  },
  // a two-day time series where one day's total was asked for: no single value; the retired
  // impressions and profile_views are not ours and never become numbers
  'insights_account_time_series_legacy.doc.json': {
    wanted: accountMetrics,
    values: { reach: null, views: null, impressions: null, profile_views: null },
  },
  // lifetime media values: reach counts; the legacy engagement/impressions are not our metrics
  'insights_media_legacy.doc.json': {
    wanted: mediaMetrics.FEED,
    values: { reach: 13, views: null, total_interactions: null, impressions: null, engagement: null },
  },
};

describe('insight answers from Meta', () => {
  const fixtures = readdirSync(dir).filter((f) => f.startsWith('insights_'));

  it('has an expectation for every insights fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(fixtures)('reads %s', (name) => {
    const { wanted, values } = expected[name] ?? { wanted: [], values: {} };
    const read = totals(load(name), wanted) as Record<string, number | null>;
    for (const [metric, value] of Object.entries(values)) expect(read[metric] ?? null, metric).toBe(value);
    expect(Object.keys(read).sort()).toEqual([...wanted].sort());
  });

  it('keeps a 0 Meta gave and leaves what it did not give unknown', () => {
    const read = totals(
      [
        {
          name: 'likes',
          period: 'day',
          title: null,
          description: null,
          id: null,
          values: [],
          totalValue: { value: 0, breakdowns: [] },
        },
        {
          name: 'reach',
          period: 'lifetime',
          title: null,
          description: null,
          id: null,
          values: [{ value: -1, endTime: null }],
          totalValue: null,
        },
      ],
      ['likes', 'reach', 'views'],
    );
    expect(read).toEqual({ likes: 0, reach: null, views: null });
  });

  it('never asks for a retired metric', () => {
    const asked = [...accountMetrics, ...Object.values(mediaMetrics).flat()];
    for (const retired of retiredMetrics) expect(asked).not.toContain(retired);
    expect(mediaMetricsFor('REELS')).toContain('ig_reels_avg_watch_time');
    expect(mediaMetricsFor(null)).toEqual(mediaMetrics.FEED);
    expect(mediaMetricsFor('AD')).toEqual(mediaMetrics.FEED);
  });
});
