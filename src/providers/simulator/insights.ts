import { type GraphRequest, graphTime, type Route, route } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { list } from './http-io.js';
import {
  accountDaily,
  accountMetrics,
  breakdown,
  mediaMetrics,
  mediaValue,
  removedInV22,
} from './insight-catalog.js';
import type { SimAccount, SimMedia } from './types.js';

// GET /{ig-user-id}/insights and GET /{media-id}/insights with today's metrics. Retired metrics
// (impressions, plays, …) are rejected with code 100 as Meta does since v22; metrics that exist
// only as totals need metric_type=total_value.

const DAY = 86_400_000;
/** Meta's insight days end at midnight Pacific time, 07:00 or 08:00 UTC; 07:00 here */
const DAY_OFFSET = 7 * 3600_000;
const dayOf = (ms: number) => Math.floor((ms - DAY_OFFSET) / DAY);
const endOfDay = (day: number) => (day + 1) * DAY + DAY_OFFSET;

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
  // the days that ended within (since, until], as Meta reports complete days with their end_time
  for (let d = dayOf(since); d < dayOf(until); d++) days.push(d);
  const dimensions = list(r.req.query.breakdown) ?? [];
  const data = metrics.map((name) => {
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
        values: days.map((d) => ({
          value: accountDaily(account, name, d),
          end_time: graphTime(endOfDay(d)),
        })),
        id,
      };
    }
    const value = days.reduce((sum, d) => sum + accountDaily(account, name, d), 0);
    const total: Record<string, unknown> = { value };
    const usable = dimensions.filter((dim) => accountMetrics[name]?.breakdowns.includes(dim));
    if (usable.length) {
      total.breakdowns = usable.map((dim) => ({
        dimension_keys: [dim],
        results: breakdown(value, dim, `${account.userId}:${name}:${days[0]}`),
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
