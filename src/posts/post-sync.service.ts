import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { EventBus } from '../events/event-bus.js';
import { graphAuth, reportFailure } from '../inbox/history-poll.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Media } from '../providers/instagram/graph-media-schemas.js';
import type { Secrets } from '../secrets.js';
import type { PostRepository, PostSyncRow } from './post.repository.js';
import type { SyncResult } from './post.schema.js';
import { graphUnavailable } from './post-access.js';
import { planPage } from './post-sync-page.js';

/** the job a sync runs in (JobContext's id and progress) */
export interface SyncJob {
  id: string;
  progress(pct: number): Promise<void>;
}

/** reads the comments of posts whose count moved (src/comments); bounded per run by the implementer */
export interface CommentSyncer {
  syncAccount(account: AccountRow, auth: GraphAuth): Promise<{ posts: number; imported: number }>;
}

export interface PostSyncDeps {
  posts: PostRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  comments: CommentSyncer | null;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  /** media per Graph page (default 50) */
  pageSize?: number;
  /** pages one run reads at most (default 200: 10,000 media) */
  maxPages?: number;
}

const DAY = 86_400_000;
/** likes and comments move mostly in a post's first week: an incremental run always reads that far */
const recentMs = 7 * DAY;
/**
 * A complete walk at most once a day: it refreshes counts of older posts, removes media deleted on
 * Instagram, and renews media_url, which points at Meta's CDN with a signature that expires after
 * some days (the gallery would show broken images otherwise).
 */
const fullEveryMs = DAY;

/**
 * Imports an account's media through GET /{ig-user-id}/media, newest first.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/media
 * The first run (and one a day after it) walks everything; other runs stop at the first page with
 * nothing new, nothing recent and no comment count that moved, so the 2-hourly cron costs one or
 * two Graph calls for a quiet account.
 */
export class PostSyncService {
  constructor(private readonly d: PostSyncDeps) {}

  /** why media cannot be synced for this account, or null */
  unavailable(a: AccountRow): string | null {
    return graphUnavailable(a, this.d.clock());
  }

  /**
   * `job`: the sync-media job running this sync; its progress (0–100) is reported to the queue and
   * announced live as `posts.sync_progress`, so the dashboard can show how far a first import got.
   */
  async syncAccount(accountId: string, job?: SyncJob): Promise<SyncResult> {
    const account = await this.d.accounts.findById(accountId);
    const skipped = account ? this.unavailable(account) : 'The account no longer exists';
    const state = account ? await this.d.posts.findSync(account.id) : undefined;
    const started = this.d.clock();
    const full = !state?.full_sync_at || started - Date.parse(state.full_sync_at) >= fullEveryMs;
    const result: SyncResult = {
      mode: full ? 'full' : 'incremental',
      ...{ pages: 0, seen: 0, created: 0, updated: 0, removed: 0, truncated: false },
      ...{ commentPosts: 0, commentsImported: 0 },
    };
    if (!account || skipped) {
      this.d.log.info({ accountId, reason: skipped }, 'media sync skipped');
      return { ...result, error: skipped ?? 'The account no longer exists', errorKind: 'unavailable' };
    }
    const startedIso = new Date(started).toISOString();
    const progress = this.reporter(account, job);
    let complete = false;
    try {
      const auth = graphAuth(this.d.secrets, account);
      const expected = full ? ((await this.d.graph.getAccount(auth)).mediaCount ?? null) : null;
      complete = await this.walk(account, auth, full, startedIso, result, async (seen) => {
        const pct = expected ? (seen / Math.max(expected, seen)) * 90 : Math.min(90, result.pages * 30);
        await progress(Math.floor(pct));
      });
      if (full && complete) result.removed = (await this.d.posts.deleteUnseen(account.id, startedIso)).length;
      const c = await this.d.comments?.syncAccount(account, auth);
      result.commentPosts = c?.posts ?? 0;
      result.commentsImported = c?.imported ?? 0;
    } catch (err) {
      const { message, kind } = await reportFailure(this.d, account, err, 'media sync');
      await this.record(account.id, state, null, { ...result, error: message, errorKind: kind });
      // A refused token does not get better with retries; anything else is worth another run.
      if (kind === 'token_invalid') return { ...result, error: message, errorKind: kind };
      throw err;
    }
    // A truncated full walk still counts as the day's full run (the next one would stop at the
    // same bound); only a complete one may remove media it did not see.
    await this.record(account.id, state, full ? startedIso : null, result);
    this.d.bus.publish(account.workspace_id, 'posts.synced', { accountId: account.id, ...result });
    await progress(100);
    this.d.log.info({ accountId, ...result }, 'media synced');
    return result;
  }

  /**
   * One media just published by this server (auto-posts), into the gallery at once instead of at
   * the next sync, so its comments can be moderated right away. Idempotent like a sync page.
   */
  async recordMedia(account: Pick<AccountRow, 'id' | 'workspace_id'>, media: Media): Promise<void> {
    const now = new Date(this.d.clock()).toISOString();
    const stored = await this.d.posts.findByMediaIds(account.id, [media.id]);
    const plan = planPage(account, [media], new Map(stored.map((p) => [p.ig_media_id, p])), now, now);
    await this.d.posts.save(plan.inserts, plan.updates);
    this.d.bus.publish(account.workspace_id, 'posts.synced', {
      accountId: account.id,
      mode: 'published',
      igMediaId: media.id,
    });
  }

  /** reports a percentage to the job and the workspace's dashboards, each value once */
  private reporter(account: AccountRow, job: SyncJob | undefined): (pct: number) => Promise<void> {
    let last = -1;
    return async (pct) => {
      if (!job || pct === last) return;
      last = pct;
      await job.progress(pct);
      this.d.bus.publish(account.workspace_id, 'posts.sync_progress', {
        accountId: account.id,
        jobId: job.id,
        progress: pct,
      });
    };
  }

  /** pages through the media; true when Meta had no more pages */
  private async walk(
    account: AccountRow,
    auth: GraphAuth,
    full: boolean,
    startedIso: string,
    result: SyncResult,
    progress: (seen: number) => Promise<void>,
  ): Promise<boolean> {
    const recentSince = new Date(Date.parse(startedIso) - recentMs).toISOString();
    const cursors = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.d.graph.listMedia(auth, { after, limit: this.d.pageSize ?? 50 });
      result.pages++;
      result.seen += page.items.length;
      const stored = await this.d.posts.findByMediaIds(
        account.id,
        page.items.map((m) => m.id),
      );
      const plan = planPage(
        account,
        page.items,
        new Map(stored.map((p) => [p.ig_media_id, p])),
        startedIso,
        recentSince,
      );
      await this.d.posts.save(plan.inserts, plan.updates);
      result.created += plan.inserts.length;
      result.updated += plan.changed;
      await progress(result.seen);
      // a cursor seen before would loop forever: treat it as the end
      if (page.after === null || cursors.has(page.after)) return true;
      if (!full && !plan.worthNextPage) return false;
      if (result.pages >= (this.d.maxPages ?? 200)) {
        result.truncated = true;
        return false;
      }
      cursors.add(page.after);
      after = page.after;
    }
  }

  private async record(
    accountId: string,
    state: PostSyncRow | undefined,
    fullAt: string | null,
    result: SyncResult,
  ): Promise<void> {
    await this.d.posts.saveSync({
      account_id: accountId,
      full_sync_at: fullAt ?? state?.full_sync_at ?? null,
      last_sync_at: new Date(this.d.clock()).toISOString(),
      last_result: JSON.stringify(result),
    });
  }
}
