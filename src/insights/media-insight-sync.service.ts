import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import { newId } from '../db/ids.js';
import type { EventBus } from '../events/event-bus.js';
import { graphAuth, reportFailure } from '../inbox/history-poll.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import { isGraphError } from '../providers/instagram/graph-errors.js';
import type { Insight } from '../providers/instagram/graph-media-schemas.js';
import type { Secrets } from '../secrets.js';
import { statisticsUnavailable } from './insight-access.js';
import { askEach, isRefusal } from './insight-ask.js';
import { mediaColumn, mediaMetricsFor } from './insight-metrics.js';
import { totals } from './insight-parse.js';
import { mediaRetentionMs, nextRefresh } from './insight-refresh.js';
import type { DuePost, MediaInsightRepository, MediaInsightWrite } from './media-insight.repository.js';

export interface MediaInsightDeps {
  repo: MediaInsightRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  /** posts one run reads at most (default 200); the rest stay due for the next (hourly) run */
  batch?: number;
}

export interface MediaInsightResult {
  read: number;
  /** read, but Meta has no insights for them (too few viewers, posted before going professional) */
  unavailable: number;
  /** Meta is rate-limiting: the rest waits for the next run */
  stopped: boolean;
  error?: string;
  errorKind?: string;
}

/**
 * Reads the lifetime insights of an account's synced posts that are due, on the decaying
 * schedule of insight-refresh.ts. https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 */
export class MediaInsightSync {
  constructor(private readonly d: MediaInsightDeps) {}

  async syncAccount(accountId: string): Promise<MediaInsightResult> {
    const result: MediaInsightResult = { read: 0, unavailable: 0, stopped: false };
    const account = await this.d.accounts.findById(accountId);
    const skipped = account ? statisticsUnavailable(account, this.d.clock()) : 'The account no longer exists';
    if (!account || skipped) return { ...result, error: skipped ?? '', errorKind: 'unavailable' };
    const now = this.d.clock();
    const due = await this.d.repo.duePosts(
      account.id,
      new Date(now).toISOString(),
      new Date(now - mediaRetentionMs).toISOString(),
      this.d.batch ?? 200,
    );
    if (due.length === 0) return result;
    const auth = graphAuth(this.d.secrets, account);
    for (const post of due) {
      try {
        const w = await this.read(auth, post);
        await this.d.repo.saveRead(
          newId(),
          { ...w, workspace_id: account.workspace_id, account_id: account.id },
          w.observed_at,
        );
        result.read++;
        if (w.status !== 'ok') result.unavailable++;
      } catch (err) {
        if (isGraphError(err) && err.kind === 'rate_limited') {
          result.stopped = true;
          break;
        }
        const { message, kind } = await reportFailure(this.d, account, err, 'post insights');
        if (kind === 'token_invalid') return { ...result, error: message, errorKind: kind };
        throw err;
      }
    }
    this.d.log.info({ accountId, ...result }, 'post insights read');
    // an open statistics page shows the new numbers (this job often ends after the account's)
    if (result.read > 0)
      this.d.bus.publish(account.workspace_id, 'insights.posts_synced', { accountId, read: result.read });
    return result;
  }

  private async read(
    auth: GraphAuth,
    post: DuePost,
  ): Promise<Omit<MediaInsightWrite, 'workspace_id' | 'account_id'>> {
    const readAt = this.d.clock();
    const productType = post.media_product_type ?? 'FEED';
    const published = Date.parse(post.timestamp);
    const next = nextRefresh(published, readAt);
    const base = {
      ig_media_id: post.ig_media_id,
      media_product_type: productType,
      media_timestamp: post.timestamp,
      source: 'graph' as const,
      ...{ views: null, reach: null, likes: null, comments: null, saved: null, shares: null },
      ...{ total_interactions: null, replies: null, avg_watch_time_ms: null },
      ...{ taps_forward: null, taps_back: null, exits: null },
      observed_at: new Date(readAt).toISOString(),
      next_refresh_at: next === null ? null : new Date(next).toISOString(),
      last_error: null,
    };
    const metrics = mediaMetricsFor(productType);
    let insights: Insight[];
    try {
      const answer = await this.d.graph.readMediaInsights(auth, post.ig_media_id, metrics);
      if (answer.unavailable) {
        const status = answer.unavailable === 'not_enough_viewers' ? 'not_enough_viewers' : 'unavailable';
        return { ...base, status, last_error: answer.unavailable };
      }
      insights = answer.insights;
    } catch (err) {
      // deleted on Instagram (the next media sync removes the post): unknown, read again later
      if (isGraphError(err) && err.kind === 'not_found')
        return { ...base, status: 'unavailable', last_error: err.message };
      if (!isRefusal(err)) throw err;
      insights = await askEach(
        metrics,
        async (m) => (await this.d.graph.readMediaInsights(auth, post.ig_media_id, [m])).insights,
        (metric, e) =>
          this.d.log.warn(
            { metric, mediaId: post.ig_media_id, err: e.message },
            'Meta refused a media insight metric',
          ),
      );
    }
    const values = totals(insights, metrics);
    const columns = Object.fromEntries(metrics.map((m) => [mediaColumn[m], values[m]]));
    const known = metrics.some((m) => values[m] !== null);
    return { ...base, ...columns, status: known ? 'ok' : 'unavailable' };
  }
}
