import type { z } from 'zod';
import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { type PostFilter, type PostRepository, postCursor } from './post.repository.js';
import { type syncJobView, toPostView, toSyncStateView } from './post.schema.js';
import type { PostSyncService } from './post-sync.service.js';

/** one sync per account at a time: asking again while one waits returns that job */
export const syncKey = (accountId: string) => `media:${accountId}`;
/** a sync asked for while one is already running (see startSync) */
const syncAgainKey = (accountId: string) => `media-again:${accountId}`;

export const mediaSyncUnavailable = (message: string) => errors.conflict('media_sync_unavailable', message);

/** the gallery (synced media) and starting syncs */
export class PostService {
  constructor(
    private readonly posts: PostRepository,
    private readonly accounts: AccountRepository,
    private readonly sync: PostSyncService,
    private readonly queue: JobQueue,
  ) {}

  async list(workspaceId: string, f: PostFilter) {
    const rows = await this.posts.list(workspaceId, f);
    const items = rows.slice(0, f.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toPostView),
      nextCursor: rows.length > f.limit && last ? postCursor(last) : null,
    };
  }

  async recent(workspaceId: string, limit: number) {
    return (await this.list(workspaceId, { limit })).items;
  }

  async get(workspaceId: string, id: string) {
    const row = await this.posts.findVisible(workspaceId, id);
    if (!row) throw errors.notFound('Post');
    return toPostView(row);
  }

  /** POST /accounts/:id/sync-media: 409 when the account has no media to sync (Chatrace, disconnected) */
  async startSync(workspaceId: string, accountId: string): Promise<{ jobId: string }> {
    const account = await this.inWorkspace(workspaceId, accountId);
    const unavailable = this.sync.unavailable(account);
    if (unavailable) throw mediaSyncUnavailable(unavailable);
    const payload = { accountId: account.id };
    const jobId = await this.queue.enqueue('sync-media', payload, { uniqueKey: syncKey(account.id) });
    // A sync that is already running may have read its pages before the post the user is looking
    // for: "Sync now" gets one of its own. Pages are stored idempotently, so the two may overlap.
    if ((await this.queue.get(jobId))?.state !== 'active') return { jobId };
    return {
      jobId: await this.queue.enqueue('sync-media', payload, { uniqueKey: syncAgainKey(account.id) }),
    };
  }

  /** how far a sync started with POST /accounts/:id/sync-media got */
  async syncJob(workspaceId: string, accountId: string, jobId: string): Promise<z.infer<typeof syncJobView>> {
    const account = await this.inWorkspace(workspaceId, accountId);
    const job = await this.queue.get(jobId);
    // the id alone proves nothing: the job must be this account's sync
    const payload = job?.payload as { accountId?: unknown } | undefined;
    if (job?.name !== 'sync-media' || payload?.accountId !== account.id) throw errors.notFound('Sync job');
    const last = toSyncStateView(await this.posts.findSync(account.id)).lastResult;
    const progress = job.state === 'completed' ? 100 : (job.progress ?? 0);
    return { jobId: job.id, state: job.state, progress, lastResult: last };
  }

  async syncState(workspaceId: string, accountId: string) {
    const account = await this.inWorkspace(workspaceId, accountId);
    return toSyncStateView(await this.posts.findSync(account.id));
  }

  /** the cron: one sync per usable Instagram account; returns how many were enqueued */
  async enqueueAll(): Promise<number> {
    let n = 0;
    for (const a of await this.accounts.listByProvider('instagram')) {
      if (this.sync.unavailable(a)) continue;
      await this.queue.enqueue('sync-media', { accountId: a.id }, { uniqueKey: syncKey(a.id) });
      n++;
    }
    return n;
  }

  private async inWorkspace(workspaceId: string, id: string): Promise<AccountRow> {
    const account = await this.accounts.findInWorkspace(workspaceId, id);
    if (!account) throw errors.notFound('Account');
    return account;
  }
}
