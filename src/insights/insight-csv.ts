import type { z } from 'zod';
import type { statisticsView, topPostsView } from './insight.schema.js';

// CSV exports (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic
// captions right). An unknown value is an empty cell, never 0. A caption that starts like a
// formula (= + - @) gets a leading apostrophe, so a spreadsheet shows it instead of running it.
// https://owasp.org/www-community/attacks/CSV_Injection

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const statisticsColumns = [
  ['start', 'start'],
  ['end', 'end'],
  ['followers', 'followers'],
  ['follower_growth', 'followerGrowth'],
  ['following', 'following'],
  ['media_count', 'mediaCount'],
  ['reach', 'reach'],
  ['views', 'views'],
  ['accounts_engaged', 'accountsEngaged'],
  ['total_interactions', 'totalInteractions'],
  ['likes', 'likes'],
  ['comments', 'comments'],
  ['shares', 'shares'],
  ['saves', 'saves'],
  ['replies', 'replies'],
  ['profile_links_taps', 'profileLinksTaps'],
  ['follows_and_unfollows', 'followsAndUnfollows'],
  ['engagement_rate', 'engagementRate'],
] as const;

/** one row per day, week or month of the series */
export function statisticsCsv(s: z.infer<typeof statisticsView>): string {
  return toCsv(
    statisticsColumns.map(([name]) => name),
    s.series.map((p) => statisticsColumns.map(([, key]) => p[key])),
  );
}

/** one row per ranked post, best first */
export function topPostsCsv(t: z.infer<typeof topPostsView>): string {
  return toCsv(
    [
      ...['rank', 'post_id', 'ig_media_id', 'media_product_type', 'timestamp', 'permalink', 'caption'],
      ...['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'replies'],
      ...['avg_watch_time_ms', 'engagement_rate', 'status'],
    ],
    t.items.map((p, i) => {
      const m = p.metrics;
      return [
        ...[i + 1, p.postId, p.igMediaId, p.mediaProductType, p.timestamp, p.permalink, p.caption],
        ...[m.views, m.reach, m.likes, m.comments, m.saved, m.shares, m.totalInteractions, m.replies],
        ...[m.avgWatchTimeMs, p.engagementRate, p.status],
      ];
    }),
  );
}
