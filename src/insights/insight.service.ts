import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { AppError, errors } from '../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { PostRepository } from '../posts/post.repository.js';
import type { AccountInsightRepository } from './account-insight.repository.js';
import type { StatisticsQuery, TopPostsQuery } from './insight.schema.js';
import { insightKeys, statisticsUnavailable, statisticsUnavailableError } from './insight-access.js';
import { addDays, type Day, dayOf, dayStart, daysBetween, isDay, metaTimeZone } from './insight-day.js';
import { formulas } from './insight-formulas.js';
import { series, totals } from './insight-rollup.js';
import { postView, topView } from './insight-view.js';
import type { MediaInsightRepository, RankMetric } from './media-insight.repository.js';

/** the longest range one request may cover */
const maxRangeDays = 731;

const rankColumn: Record<TopPostsQuery['metric'], RankMetric> = {
  reach: 'reach',
  views: 'views',
  likes: 'likes',
  comments: 'comments',
  saved: 'saved',
  shares: 'shares',
  totalInteractions: 'total_interactions',
  engagementRate: 'engagement',
  avgWatchTimeMs: 'avg_watch_time_ms',
  replies: 'replies',
};

/** Statistics as the API shows them: series, totals, top posts, one post's insights. */
export class InsightService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly days: AccountInsightRepository,
    private readonly media: MediaInsightRepository,
    private readonly posts: PostRepository,
    private readonly queue: JobQueue,
    private readonly clock: () => number,
  ) {}

  async statistics(workspaceId: string, accountId: string, q: StatisticsQuery) {
    const account = await this.inWorkspace(workspaceId, accountId);
    const { from, to } = this.range(q.from, q.to);
    // the day before `from` gives the first day's follower growth
    const rows = await this.days.range(account.id, addDays(from, -1), to);
    // ISO times sort as strings: the latest reading of these days
    const reads = rows.flatMap((r) => [r.insights_read_at, r.profile_read_at]).filter((t) => t !== null);
    return {
      accountId: account.id,
      from,
      to,
      granularity: q.granularity,
      dayTimeZone: metaTimeZone,
      dataLagHours: 48,
      updatedAt: reads.sort().at(-1) ?? null,
      series: series(rows, from, to, q.granularity),
      totals: totals(rows, from, to),
      formulas,
    };
  }

  async topPosts(workspaceId: string, accountId: string, q: TopPostsQuery) {
    const account = await this.inWorkspace(workspaceId, accountId);
    const { from, to } = this.range(q.from, q.to);
    const rows = await this.media.top(account.id, {
      metric: rankColumn[q.metric],
      from: new Date(dayStart(from)).toISOString(),
      to: new Date(dayStart(addDays(to, 1))).toISOString(),
      limit: q.limit,
      productType: q.productType,
    });
    return { items: rows.map(topView), nextCursor: null, metric: q.metric, from, to, formulas };
  }

  async postInsights(workspaceId: string, postId: string) {
    const post = await this.posts.findVisible(workspaceId, postId);
    if (!post) throw errors.notFound('Post');
    const row = await this.media.find(post.account_id, post.ig_media_id);
    return { ...postView(post, row), formulas };
  }

  /** POST …/statistics/refresh: reads the account (and then its due posts) now */
  async refresh(workspaceId: string, accountId: string, days?: number) {
    const account = await this.inWorkspace(workspaceId, accountId);
    const unavailable = statisticsUnavailable(account, this.clock());
    if (unavailable) throw statisticsUnavailableError(unavailable);
    const accountJobId = await this.queue.enqueue(
      'account-insights',
      days ? { accountId: account.id, days } : { accountId: account.id },
      { uniqueKey: insightKeys.account(account.id, days) },
    );
    const postsJobId = await this.queue.enqueue(
      'post-insights',
      { accountId: account.id },
      { uniqueKey: insightKeys.posts(account.id) },
    );
    return { accountJobId, postsJobId };
  }

  /** from/to (dates or ISO times) → Meta days; default: the last 30 days up to today */
  private range(fromQ: string | undefined, toQ: string | undefined): { from: Day; to: Day } {
    const asDay = (v: string) => (isDay(v) ? v : dayOf(Date.parse(v)));
    const to = toQ ? asDay(toQ) : dayOf(this.clock());
    const from = fromQ ? asDay(fromQ) : addDays(to, -29);
    const span = daysBetween(from, to);
    if (span < 0) throw invalidRange(`from (${from}) is after to (${to})`);
    if (span >= maxRangeDays)
      throw invalidRange(`the range covers ${span + 1} days; at most ${maxRangeDays} are allowed`);
    return { from, to };
  }

  private async inWorkspace(workspaceId: string, id: string): Promise<AccountRow> {
    const account = await this.accounts.findInWorkspace(workspaceId, id);
    if (!account) throw errors.notFound('Account');
    return account;
  }
}

const invalidRange = (message: string) => new AppError('invalid_date_range', message, 400);
