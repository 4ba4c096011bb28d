import type { ValueKind } from './stats-format.js';
import type { Formulas, PointMetric, StatisticsPoint } from './types.js';

// The four charts of the page and the totals under them: which field of a series point each
// shows, how its values read, and which of the response's formulas explains it.

export interface ChartDef {
  metric: 'followers' | 'reach' | 'views' | 'engagementRate';
  kind: ValueKind;
  /** counts of a period start their axis at zero; a follower total would be a flat line there */
  zero: boolean;
  formula: keyof Formulas;
}

export const chartDefs: readonly ChartDef[] = [
  { metric: 'followers', kind: 'count', zero: false, formula: 'followerGrowth' },
  { metric: 'reach', kind: 'count', zero: true, formula: 'periodValues' },
  { metric: 'views', kind: 'count', zero: true, formula: 'periodValues' },
  { metric: 'engagementRate', kind: 'rate', zero: true, formula: 'engagementRate' },
];

/** the totals row, in reading order; followers is the range's last reading, growth its change */
export const totalMetrics = [
  { metric: 'followers', kind: 'count' },
  { metric: 'followerGrowth', kind: 'count' },
  { metric: 'reach', kind: 'count' },
  { metric: 'views', kind: 'count' },
  { metric: 'accountsEngaged', kind: 'count' },
  { metric: 'totalInteractions', kind: 'count' },
  { metric: 'likes', kind: 'count' },
  { metric: 'comments', kind: 'count' },
  { metric: 'shares', kind: 'count' },
  { metric: 'saves', kind: 'count' },
  { metric: 'replies', kind: 'count' },
  { metric: 'profileLinksTaps', kind: 'count' },
  { metric: 'engagementRate', kind: 'rate' },
] as const satisfies readonly { metric: PointMetric; kind: ValueKind }[];

export type FollowersNote =
  | { kind: 'complete' }
  | { kind: 'none' }
  | { kind: 'startsAt'; start: string; end: string };

/**
 * Why the followers chart is empty where it is: follower totals exist only from the day
 * Relaydesk first read the profile (Meta keeps no history of the total), so a range reaching
 * back before that starts with unknown days.
 */
export function followersNote(series: readonly StatisticsPoint[]): FollowersNote {
  const first = series.findIndex((p) => p.followers !== null);
  if (first < 0) return { kind: 'none' };
  if (first === 0) return { kind: 'complete' };
  const p = series[first] as StatisticsPoint;
  return { kind: 'startsAt', start: p.start, end: p.end };
}
