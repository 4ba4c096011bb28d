import type { AccountRow } from '../accounts/account.repository.js';
import type { PostRepository, PostRow } from '../posts/post.repository.js';
import type { CommentSyncer } from '../posts/post-sync.service.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Comment } from '../providers/instagram/graph-message-schemas.js';
import { type GraphPage, paginate } from '../providers/instagram/graph-paging.js';
import type { CommentRepository } from './comment.repository.js';
import { fromGraph, toCommentRow } from './comment-input.js';

export interface CommentSyncLimits {
  /** posts whose comments one run reads at most (default 25) */
  posts: number;
  /** Graph calls for comments one run makes at most (default 150) */
  calls: number;
  /** reply listings per post at most (default 25) */
  replyListsPerPost: number;
}

/**
 * Reads comments through Graph during media sync, for posts whose comments_count differs from the
 * count at their last comment sync (new posts, new comments that no webhook brought, deletions).
 * Bounded: each run takes the newest such posts up to a Graph-call budget; the rest wait for the
 * next run, since their counts still differ. Webhooks bring comments live; this catches up on
 * history and on what webhooks missed.
 */
export class CommentSyncService implements CommentSyncer {
  private readonly limits: CommentSyncLimits;

  constructor(
    private readonly comments: CommentRepository,
    private readonly posts: PostRepository,
    private readonly graph: GraphClient,
    private readonly clock: () => number = Date.now,
    limits: Partial<CommentSyncLimits> = {},
  ) {
    this.limits = { posts: 25, calls: 150, replyListsPerPost: 25, ...limits };
  }

  async syncAccount(account: AccountRow, auth: GraphAuth): Promise<{ posts: number; imported: number }> {
    await this.comments.linkPosts(account.id);
    const due = await this.posts.needingComments(account.id, this.limits.posts);
    const budget = { calls: this.limits.calls };
    let posts = 0;
    let imported = 0;
    for (const post of due) {
      if (budget.calls <= 0) break;
      imported += await this.syncPost(account, auth, post, budget);
      posts++;
    }
    return { posts, imported };
  }

  private async syncPost(
    account: AccountRow,
    auth: GraphAuth,
    post: PostRow,
    budget: { calls: number },
  ): Promise<number> {
    const topLevel = await this.walk(budget, (after) =>
      this.graph.listComments(auth, post.ig_media_id, { after, limit: 50 }),
    );
    let imported = await this.store(account, post, topLevel, null);
    // Meta's comments_count includes replies. Only when the top-level comments fall short are
    // replies listed, newest comments first, until the count is reached or the bounds hit.
    let known = topLevel.length;
    let lists = 0;
    for (const c of topLevel) {
      if (known >= (post.comments_count ?? 0) || budget.calls <= 0) break;
      if (lists++ >= this.limits.replyListsPerPost) break;
      const replies = await this.walk(budget, (after) =>
        this.graph.listReplies(auth, c.id, { after, limit: 50 }),
      );
      imported += await this.store(account, post, replies, c.id);
      known += replies.length;
    }
    // Marked done even when a bound cut the replies short: re-reading the same replies every run
    // would starve the other posts; webhooks bring new replies from here on.
    await this.posts.setCommentsSynced(post.id, post.comments_count);
    return imported;
  }

  private async walk(
    budget: { calls: number },
    fetchPage: (after: string | undefined) => Promise<GraphPage<Comment>>,
  ): Promise<Comment[]> {
    const out: Comment[] = [];
    const counted = (after: string | undefined) => {
      budget.calls--;
      return fetchPage(after);
    };
    for await (const c of paginate(counted, { maxPages: Math.max(1, Math.min(10, budget.calls)) }))
      out.push(c);
    return out;
  }

  private async store(account: AccountRow, post: PostRow, list: Comment[], parent: string | null) {
    const now = new Date(this.clock()).toISOString();
    // one row per comment: PostgreSQL refuses an upsert that touches a row twice (overlapping pages)
    const unique = new Map(list.map((c) => [c.id, c]));
    const rows = [...unique.values()].map((c) =>
      toCommentRow(account, fromGraph(c, post.ig_media_id, parent, now), 'sync', post.id, now),
    );
    return this.comments.upsertSynced(rows);
  }
}
