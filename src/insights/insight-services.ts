import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { DatabaseHandle } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import { PostRepository } from '../posts/post.repository.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { AccountInsightRepository } from './account-insight.repository.js';
import { AccountInsightSync } from './account-insight-sync.service.js';
import { InsightService } from './insight.service.js';
import { insightKeys, statisticsUnavailable } from './insight-access.js';
import { MediaInsightRepository } from './media-insight.repository.js';
import { MediaInsightSync } from './media-insight-sync.service.js';
import { StoryInsightIngest } from './story-insight-ingest.service.js';

export interface InsightDeps {
  database: DatabaseHandle;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  secrets: Secrets;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
}

/** account snapshots every 6 hours (each re-reads the last 3 days: Meta's 48-hour lag) */
export const accountInsightsCron = '20 */6 * * *';
/** post insights hourly (each post is due on its own decaying schedule) */
export const postInsightsCron = '40 * * * *';

/** Statistics: daily account snapshots, post and story insights, and the API over them. */
export function createInsightServices(d: InsightDeps) {
  const { database, queue, clock } = d;
  const days = new AccountInsightRepository(database.db);
  const media = new MediaInsightRepository(database.db);
  const accountInsights = new AccountInsightSync({ ...d, repo: days });
  const mediaInsights = new MediaInsightSync({ ...d, repo: media });
  /** enqueues one job per usable Instagram account; returns how many */
  const enqueueAll = async (name: 'account-insights' | 'post-insights') => {
    let n = 0;
    for (const a of await d.accounts.listByProvider('instagram')) {
      if (statisticsUnavailable(a, clock())) continue;
      const key = name === 'account-insights' ? insightKeys.account(a.id) : insightKeys.posts(a.id);
      await queue.enqueue(name, { accountId: a.id }, { uniqueKey: key });
      n++;
    }
    return n;
  };
  return {
    insights: new InsightService(d.accounts, days, media, new PostRepository(database.db), queue, clock),
    accountInsights,
    mediaInsights,
    storyInsights: new StoryInsightIngest(media, d.log, clock),
    enqueueInsights: enqueueAll,
  };
}

export type InsightServices = ReturnType<typeof createInsightServices>;

export function insightJobs(
  s: InsightServices,
): Pick<JobHandlers, 'account-insights' | 'account-insights-all' | 'post-insights' | 'post-insights-all'> {
  return {
    'account-insights': {
      handler: async ({ accountId, days }) => {
        await s.accountInsights.sync(accountId, days);
      },
      // days already read are read again harmlessly; a refused token ends the job without retries
      retry: { attempts: 4, backoffMs: 60_000, maxBackoffMs: 30 * 60_000 },
    },
    'account-insights-all': {
      handler: async (_payload, ctx) => {
        ctx.log.debug({ accounts: await s.enqueueInsights('account-insights') }, 'account insights enqueued');
      },
      // the next run in 6 hours is the retry
      retry: { attempts: 1, backoffMs: 1_000 },
    },
    'post-insights': {
      handler: async ({ accountId }) => {
        await s.mediaInsights.syncAccount(accountId);
      },
      retry: { attempts: 4, backoffMs: 60_000, maxBackoffMs: 30 * 60_000 },
    },
    'post-insights-all': {
      handler: async (_payload, ctx) => {
        ctx.log.debug({ accounts: await s.enqueueInsights('post-insights') }, 'post insights enqueued');
      },
      retry: { attempts: 1, backoffMs: 1_000 },
    },
  };
}
