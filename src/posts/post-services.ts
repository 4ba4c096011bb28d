import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import { CommentRepository } from '../comments/comment.repository.js';
import { CommentService } from '../comments/comment.service.js';
import {
  type AfterCommentCreate,
  type CommentHandOver,
  CommentIngestService,
} from '../comments/comment-ingest.service.js';
import { CommentSyncService } from '../comments/comment-sync.service.js';
import { CommentThreadRepository } from '../comments/comment-thread.repository.js';
import type { DatabaseHandle } from '../db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { PostRepository } from './post.repository.js';
import { PostService } from './post.service.js';
import { PostSyncService } from './post-sync.service.js';

export interface PostDeps {
  database: DatabaseHandle;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  secrets: Secrets;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  /** comments new from webhooks go here after their commit (the automation engine's comment rules) */
  afterCommentCreate?: AfterCommentCreate;
  /** … and here inside it (automation records that they await its decision) */
  commentHandOver?: CommentHandOver;
  /** after a sync stored new posts (statistics reads their insights now, not at the next hour) */
  afterNewPosts?: (accountId: string) => Promise<void>;
}

/** Media sync, the gallery and comments, wired by constructor. */
export function createPostServices(d: PostDeps) {
  const { database, bus, log, clock, graph, secrets, accounts, accountService } = d;
  const postRows = new PostRepository(database.db);
  const commentRows = new CommentRepository(database.db);
  const postSync = new PostSyncService({
    posts: postRows,
    accounts,
    accountService,
    graph,
    secrets,
    comments: new CommentSyncService(commentRows, postRows, graph, clock),
    bus,
    log,
    clock,
  });
  return {
    posts: new PostService(postRows, accounts, postSync, d.queue),
    postSync,
    afterNewPosts: d.afterNewPosts ?? (async () => {}),
    comments: new CommentService({
      comments: commentRows,
      threads: new CommentThreadRepository(database.db),
      posts: postRows,
      accounts,
      accountService,
      graph,
      secrets,
      bus,
      clock,
    }),
    commentIngest: new CommentIngestService(
      commentRows,
      bus,
      log,
      clock,
      d.afterCommentCreate,
      d.commentHandOver,
    ),
  };
}

export type PostServices = ReturnType<typeof createPostServices>;

/** every 2 hours (incremental runs cost one or two Graph calls per quiet account) */
export const syncMediaCron = '0 */2 * * *';

export function postJobs(s: PostServices): Pick<JobHandlers, 'sync-media' | 'sync-media-all'> {
  return {
    'sync-media': {
      handler: async ({ accountId }, ctx) => {
        const result = await s.postSync.syncAccount(accountId, ctx);
        if (result.created > 0) await s.afterNewPosts(accountId);
      },
      // pages already stored are not stored twice; a refused token ends the job without retries
      retry: { attempts: 4, backoffMs: 60_000, maxBackoffMs: 30 * 60_000 },
    },
    'sync-media-all': {
      handler: async (_payload, ctx) => {
        const n = await s.posts.enqueueAll();
        ctx.log.debug({ accounts: n }, 'media syncs enqueued');
      },
      // the next run in 2 hours is the retry
      retry: { attempts: 1, backoffMs: 1_000 },
    },
  };
}
