import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { EventBus } from '../events/event-bus.js';
import { graphAuth, reportFailure } from '../inbox/history-poll.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { AccountInsightRepository } from './account-insight.repository.js';
import { insightKeys, statisticsUnavailable } from './insight-access.js';
import { askEach, isRefusal } from './insight-ask.js';
import { addDays, type Day, dayOf, dayStart } from './insight-day.js';
import { type AccountMetric, accountMetrics } from './insight-metrics.js';
import { totals, type Values } from './insight-parse.js';

export interface AccountInsightDeps {
  repo: AccountInsightRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
}

export interface AccountInsightResult {
  /** the days whose insights were read, oldest first */
  days: Day[];
  /** metrics Meta refused for some day (read one by one after the combined request failed) */
  refused: string[];
  error?: string;
  errorKind?: string;
}

/** a newly connected account gets this much history */
export const backfillDays = 30;
/** Meta's numbers can grow for 48 hours after a day ends: the last 3 days are read every run */
export const lagDays = 3;
/** what an on-demand refresh may ask for (one Graph call per day) */
export const maxDays = 90;

/**
 * One account's daily snapshot: the profile's counts for today, and the account insights of the
 * last `days` complete days (default: 3, or 30 for an account without any yet), each re-read
 * value replacing the older one. https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
 */
export class AccountInsightSync {
  constructor(private readonly d: AccountInsightDeps) {}

  async sync(accountId: string, days?: number): Promise<AccountInsightResult> {
    const result: AccountInsightResult = { days: [], refused: [] };
    const account = await this.d.accounts.findById(accountId);
    const unavailable = account
      ? statisticsUnavailable(account, this.d.clock())
      : 'The account no longer exists';
    if (!account || unavailable) {
      this.d.log.info({ accountId, reason: unavailable }, 'account insights skipped');
      return { ...result, error: unavailable ?? '', errorKind: 'unavailable' };
    }
    const now = this.d.clock();
    const at = new Date(now).toISOString();
    const today = dayOf(now);
    const n = Math.min(maxDays, days ?? ((await this.d.repo.hasDays(account.id)) ? lagDays : backfillDays));
    try {
      const auth = graphAuth(this.d.secrets, account);
      const profile = await this.d.graph.getAccount(auth);
      await this.d.repo.saveProfile(
        account,
        today,
        { followers: profile.followersCount, follows: profile.followsCount, media: profile.mediaCount },
        at,
      );
      const read: { day: Day; values: Values<AccountMetric> }[] = [];
      for (let i = n; i >= 1; i--) {
        const day = addDays(today, -i);
        read.push({ day, values: await this.readDay(auth, day, result) });
      }
      await this.d.repo.saveInsights(account, read, at);
      result.days = read.map((r) => r.day);
    } catch (err) {
      const { message, kind } = await reportFailure(this.d, account, err, 'account insights');
      // a refused token does not get better with retries; anything else is worth another run
      if (kind === 'token_invalid') return { ...result, error: message, errorKind: kind };
      throw err;
    }
    this.d.bus.publish(account.workspace_id, 'insights.synced', { accountId: account.id, days: result.days });
    // post insights follow (new posts from the media sync are read now, not at the next hour)
    await this.d.queue.enqueue(
      'post-insights',
      { accountId: account.id },
      { uniqueKey: insightKeys.posts(account.id) },
    );
    this.d.log.info(
      { accountId, days: result.days.length, refused: result.refused },
      'account insights read',
    );
    return result;
  }

  /**
   * One day's totals in one call. When Meta refuses the combination (a metric it will not give
   * this account), each metric is asked for alone and the refused ones stay unknown; the rest of
   * the run leaves them out, so only its first day pays for finding them.
   */
  private async readDay(auth: GraphAuth, day: Day, result: AccountInsightResult) {
    const ask = (metrics: readonly AccountMetric[]) =>
      this.d.graph.getAccountInsights(auth, {
        metrics: [...metrics],
        period: 'day',
        metricType: 'total_value',
        since: dayStart(day),
        until: dayStart(addDays(day, 1)),
      });
    const wanted = accountMetrics.filter((m) => !result.refused.includes(m));
    try {
      return totals(await ask(wanted), accountMetrics);
    } catch (err) {
      if (!isRefusal(err)) throw err;
    }
    const data = await askEach(
      wanted,
      (metric) => ask([metric]),
      (metric, err) => {
        result.refused.push(metric);
        this.d.log.warn({ metric, day, err: err.message }, 'Meta refused an account insight metric');
      },
    );
    return totals(data, accountMetrics);
  }
}
