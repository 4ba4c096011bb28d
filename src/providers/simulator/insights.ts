import { type GraphRequest, graphTime, type Route, route } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { list } from './http-io.js';
import {
  accountDaily,
  accountMetrics,
  breakdown,
  followerGated,
  interactionParts,
  mediaMetrics,
  mediaValue,
  removedInV22,
} from './insight-catalog.js';
import type { SimAccount, SimMedia } from './types.js';

// GET /{ig-user-id}/insights and GET /{media-id}/insights with today's metrics. Retired metrics
// (impressions, plays, …) are rejected with code 100 as Meta does since v22; metrics that exist
// only as totals need metric_type=total_value. Like Meta, a metric without data is left out of
// `data` (an empty set, never 0): days before the account existed, and the follower metrics of an
// account under 100 followers. Days that ended less than `insightLagHours` ago are still growing
// ("Data used to calculate metrics may be delayed up to 48 hours"), so a later read gives more.
// https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights#limitations

const DAY = 86_400_000;
/** Meta's insight days end at midnight Pacific time, 07:00 or 08:00 UTC; 07:00 here */
const DAY_OFFSET = 7 * 3600_000;
const dayOf = (ms: number) => Math.floor((ms - DAY_OFFSET) / DAY);
const endOfDay = (day: number) => (day + 1) * DAY + DAY_OFFSET;

/** a day's value as Meta reports it `now`: half of it right after the day, all of it once the lag passed */
function lagged(r: GraphRequest, full: number, day: number): number {
  const lagMs = r.sim.settings.insightLagHours * 3600_000;
  const elapsed = r.sim.clock() - endOfDay(day);
  if (lagMs <= 0 || elapsed >= lagMs) return full;
  return Math.round(full * (0.5 + (0.5 * Math.max(0, elapsed)) / lagMs));
}

function metricsParam(r: GraphRequest, allowed: string[], node: 'user' | 'media'): string[] {
  const metrics = list(r.req.params.metric);
  if (!metrics?.length) throw graphErrors.missingParam('metric');
  metrics.forEach((m, i) => {
    if (allowed.includes(m)) return;
    if (removedInV22.includes(m)) {
      const doc = node === 'user' ? 'ig-user/insights' : 'ig-media/insights';
      throw new GraphError({
        code: 100,
        message: `Starting from version 22 and above, the ${m} metric is no longer supported for the queried ${node}. Please refer to the documentation at https://developers.facebook.com/docs/instagram-api/reference/${doc} for a list of supported metrics.`,
      });
    }
    throw graphErrors.param(`metric[${i}] must be one of the following values: ${allowed.join(', ')}`);
  });
  return metrics;
}

function accountInsights(r: GraphRequest, account: SimAccount) {
  const metrics = metricsParam(r, Object.keys(accountMetrics), 'user');
  const period = r.req.query.period;
  if (!period) throw graphErrors.missingParam('period');
  if (period !== 'day') throw graphErrors.param(`Param period must be one of {day} - got "${period}"`);
  const totalValue = r.req.query.metric_type === 'total_value';
  const needTotal = metrics.filter((m) => accountMetrics[m]?.totalValueOnly);
  if (!totalValue && needTotal.length) {
    throw graphErrors.param(
      `The following metrics (${needTotal.join(', ')}) should be specified with parameter metric_type=total_value`,
    );
  }
  const now = r.sim.clock();
  const until = r.req.query.until ? Number(r.req.query.until) * 1000 : now;
  const since = r.req.query.since ? Number(r.req.query.since) * 1000 : until - (totalValue ? 1 : 2) * DAY;
  if (!(until > since)) throw graphErrors.param('The since parameter must be before until');
  if (until - since > 30 * DAY)
    throw graphErrors.param('There cannot be more than 30 days (2592000 s) between since and until');
  const days: number[] = [];
  // the days that ended within (since, until] and by now, from the account's first day on
  const last = Math.min(dayOf(until), dayOf(now));
  for (let d = Math.max(dayOf(since), dayOf(account.createdAt)); d < last; d++) days.push(d);
  // total_interactions stays the sum of its (lagged) parts
  const value = (name: string, d: number): number =>
    name === 'total_interactions'
      ? interactionParts.reduce((sum, m) => sum + value(m, d), 0)
      : lagged(r, accountDaily(account, name, d), d);
  const dimensions = list(r.req.query.breakdown) ?? [];
  const available = (name: string) =>
    days.length > 0 && !(account.followersCount < 100 && followerGated.includes(name));
  const data = metrics.filter(available).map((name) => {
    const head = {
      name,
      period,
      title: accountMetrics[name]?.title ?? name,
      description: accountMetrics[name]?.title ?? name,
    };
    const id = `${account.userId}/insights/${name}/${period}`;
    if (!totalValue) {
      return {
        ...head,
        values: days.map((d) => ({ value: value(name, d), end_time: graphTime(endOfDay(d)) })),
        id,
      };
    }
    const sum = days.reduce((acc, d) => acc + value(name, d), 0);
    const total: Record<string, unknown> = { value: sum };
    const usable = dimensions.filter((dim) => accountMetrics[name]?.breakdowns.includes(dim));
    if (usable.length) {
      total.breakdowns = usable.map((dim) => ({
        dimension_keys: [dim],
        results: breakdown(sum, dim, `${account.userId}:${name}:${days[0]}`),
      }));
    }
    return { ...head, total_value: total, id };
  });
  const span = until - since;
  const shifted = (delta: number) => {
    const q = new URLSearchParams(r.req.query);
    q.set('since', String(Math.floor((since + delta) / 1000)));
    q.set('until', String(Math.floor((until + delta) / 1000)));
    return `${r.sim.baseUrl()}/${r.req.version ?? r.sim.settings.apiVersion}${r.req.path}?${q}`;
  };
  return { data, paging: { previous: shifted(-span), next: shifted(span) } };
}

function mediaInsights(r: GraphRequest, media: SimMedia) {
  const allowed = mediaMetrics[media.productType];
  const all = Object.values(mediaMetrics).flat();
  const metrics = metricsParam(r, [...new Set(all)], 'media');
  for (const m of metrics) {
    if (!allowed.includes(m)) {
      // observed text: "(#100) The Media Insights API does not support the views metric for this media product type."
      throw graphErrors.param(
        `The Media Insights API does not support the ${m} metric for this media product type.`,
      );
    }
  }
  const comments = [...r.sim.state.comments.values()].filter((c) => c.mediaId === media.id).length;
  return {
    data: metrics.map((name) => ({
      name,
      period: 'lifetime',
      values: [{ value: mediaValue(media, comments, name) }],
      title: name,
      description: name,
      id: `${media.id}/insights/${name}/lifetime`,
    })),
  };
}

export const insightRoutes: Route[] = [
  route('user', 'GET', 'insights', 'instagram_business_manage_insights', accountInsights),
  route('media', 'GET', 'insights', 'instagram_business_manage_insights', mediaInsights),
];
