import { describe, expect, it } from 'vitest';
import { dictionaries, languages } from '../../web/src/i18n/core.js';
import { chartDefs, followersNote, totalMetrics } from '../../web/src/pages/statistics/charts.js';
import { fileNameOf } from '../../web/src/pages/statistics/download.js';
import {
  metricKind,
  postKind,
  postMetricKeys,
  rankValue,
  topColumns,
} from '../../web/src/pages/statistics/post-insight.js';
import { rankMetrics, type StatisticsPoint } from '../../web/src/pages/statistics/types.js';

// The small decisions of the Statistics page: why the followers chart starts where it does,
// which of a post's metrics apply to it, and the table's columns.

const point = (start: string, followers: number | null) =>
  ({ start, end: start, followers }) as StatisticsPoint;

describe('followers note', () => {
  it('explains that follower totals start with the first profile reading', () => {
    const series = [point('2026-03-01', null), point('2026-03-02', null), point('2026-03-03', 812)];
    expect(followersNote(series)).toEqual({ kind: 'startsAt', start: '2026-03-03', end: '2026-03-03' });
  });

  it('says nothing when the whole range is known, and says so when nothing is', () => {
    expect(followersNote([point('2026-03-01', 800), point('2026-03-02', null)])).toEqual({
      kind: 'complete',
    });
    expect(followersNote([point('2026-03-01', null)])).toEqual({ kind: 'none' });
    expect(followersNote([])).toEqual({ kind: 'none' });
  });
});

describe('post metrics', () => {
  it('lists watch time only for reels and taps and exits only for stories', () => {
    expect(postMetricKeys('FEED')).not.toContain('avgWatchTimeMs');
    expect(postMetricKeys('REELS')).toContain('avgWatchTimeMs');
    expect(postMetricKeys('STORY')).toEqual(
      expect.arrayContaining(['tapsForward', 'tapsBack', 'exits', 'replies', 'reach']),
    );
    expect(postMetricKeys('STORY')).not.toContain('likes');
    expect(postMetricKeys(null)).toEqual(postMetricKeys('FEED'));
  });

  it('reads the ranked value, engagement rate from the post itself', () => {
    const metrics = { reach: 200, likes: 12 } as never;
    expect(rankValue({ metrics, engagementRate: 0.07 }, 'engagementRate')).toBe(0.07);
    expect(rankValue({ metrics, engagementRate: 0.07 }, 'reach')).toBe(200);
    expect(metricKind('engagementRate')).toBe('rate');
    expect(metricKind('avgWatchTimeMs')).toBe('duration');
    expect(metricKind('likes')).toBe('count');
  });

  it('puts the ranked metric first in the table, once', () => {
    expect(topColumns('reach')[0]).toBe('reach');
    const watch = topColumns('avgWatchTimeMs');
    expect(watch[0]).toBe('avgWatchTimeMs');
    expect(new Set(topColumns('likes')).size).toBe(topColumns('likes').length);
    expect(topColumns('likes')).toHaveLength(8);
  });

  it('names the kind of post', () => {
    expect(postKind({ mediaProductType: 'REELS', mediaType: 'VIDEO' })).toBe('reel');
    expect(postKind({ mediaProductType: 'STORY', mediaType: 'IMAGE' })).toBe('story');
    expect(postKind({ mediaProductType: 'FEED', mediaType: 'CAROUSEL_ALBUM' })).toBe('carousel');
    expect(postKind({ mediaProductType: 'FEED', mediaType: 'VIDEO' })).toBe('video');
    expect(postKind({ mediaProductType: null, mediaType: null })).toBe('photo');
  });
});

describe('page strings', () => {
  it('has a label for every chart, total and rank metric in every language', () => {
    for (const lang of languages) {
      const dict = dictionaries[lang] as Record<string, string>;
      const keys = [
        ...chartDefs.map((c) => `stats.chart.${c.metric}`),
        ...chartDefs.map((c) => `stats.formula.${c.formula}`),
        ...totalMetrics.map((m) => `stats.metric.${m.metric}`),
        ...rankMetrics.map((m) => `stats.post.metric.${m}`),
        'error.invalid_date_range',
        'error.statistics_unavailable',
      ];
      expect(keys.filter((k) => !dict[k])).toEqual([]);
    }
  });
});

describe('CSV file name', () => {
  it('takes the server’s name and falls back when there is none', () => {
    expect(fileNameOf('attachment; filename="statistics-2026-01-01-2026-01-31-day.csv"', 'x.csv')).toBe(
      'statistics-2026-01-01-2026-01-31-day.csv',
    );
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});
