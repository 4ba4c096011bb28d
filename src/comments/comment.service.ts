import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import { graphAuth } from '../inbox/history-poll.js';
import type { PostRepository } from '../posts/post.repository.js';
import { graphUnavailable } from '../posts/post-access.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import { GraphError } from '../providers/instagram/graph-errors.js';
import type { Secrets } from '../secrets.js';
import type { CommentRepository, CommentRow } from './comment.repository.js';
import { type CommentView, commentEventData, toCommentView } from './comment.schema.js';
import { commentActionError } from './comment-failure.js';
import { toCommentRow } from './comment-input.js';
import { type CommentThreadRepository, commentCursor } from './comment-thread.repository.js';

export interface CommentServiceDeps {
  comments: CommentRepository;
  threads: CommentThreadRepository;
  posts: PostRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  graph: GraphClient;
  secrets: Secrets;
  bus: EventBus;
  clock: () => number;
}

/**
 * Comment moderation: a post's comments with their replies, and reply / hide / delete through Graph.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/comment-moderation
 */
export class CommentService {
  constructor(private readonly d: CommentServiceDeps) {}

  /** top-level comments newest first, each with its replies */
  async listForPost(workspaceId: string, postId: string, cursor: string | undefined, limit: number) {
    const post = await this.d.posts.findVisible(workspaceId, postId);
    if (!post) throw errors.notFound('Post');
    const rows = await this.d.threads.listTopLevel(post.account_id, post.ig_media_id, cursor, limit);
    const items = rows.slice(0, limit);
    const replies = new Map<string, CommentView[]>();
    for (const r of await this.d.threads.repliesOf(
      post.account_id,
      items.map((c) => c.ig_comment_id),
    )) {
      const parent = r.parent_ig_comment_id ?? '';
      replies.set(parent, [...(replies.get(parent) ?? []), toCommentView(r)]);
    }
    const last = items[items.length - 1];
    return {
      items: items.map((c) => ({ ...toCommentView(c), replies: replies.get(c.ig_comment_id) ?? [] })),
      nextCursor: rows.length > limit && last ? commentCursor(last) : null,
    };
  }

  /** a public reply; stored at once as the account's own comment (no automation, no outbound event) */
  async reply(workspaceId: string, id: string, message: string): Promise<CommentView> {
    const { comment, account } = await this.target(workspaceId, id);
    const created = await this.call(account, comment, 'reply', (auth) =>
      this.d.graph.replyToComment(auth, comment.ig_comment_id, message),
    );
    const now = this.now();
    const input = {
      igCommentId: created.id,
      igMediaId: comment.ig_media_id,
      // Instagram replies are one level deep: a reply to a reply belongs to the top-level comment.
      parentIgCommentId: comment.parent_ig_comment_id ?? comment.ig_comment_id,
      fromIgsid: account.external_id,
      fromUsername: account.username,
      text: message,
      hidden: false,
      likeCount: 0,
      timestamp: now,
    };
    const row = await this.d.comments.insertOwn(toCommentRow(account, input, 'reply', comment.post_id, now));
    this.d.bus.publish(account.workspace_id, 'comment.created', commentEventData(row));
    return toCommentView(row);
  }

  async setHidden(workspaceId: string, id: string, hidden: boolean): Promise<CommentView> {
    const { comment, account } = await this.target(workspaceId, id);
    await this.call(account, comment, hidden ? 'hide the comment' : 'unhide the comment', (auth) =>
      this.d.graph.setCommentHidden(auth, comment.ig_comment_id, hidden),
    );
    const updated = { ...comment, hidden: hidden ? 1 : 0, updated_at: this.now() };
    await this.d.comments.update(comment.id, { hidden: updated.hidden, updated_at: updated.updated_at });
    this.d.bus.publish(account.workspace_id, 'comment.updated', commentEventData(updated));
    return toCommentView(updated);
  }

  /** deletes on Instagram (with the comment's replies); a comment Instagram no longer has counts as deleted */
  async remove(workspaceId: string, id: string): Promise<void> {
    const { comment, account } = await this.target(workspaceId, id);
    try {
      await this.call(account, comment, 'delete the comment', (auth) =>
        this.d.graph.deleteComment(auth, comment.ig_comment_id),
      );
    } catch (err) {
      if ((err as { code?: string }).code !== 'comment_gone') throw err;
    }
    const now = this.now();
    await this.d.comments.markDeleted(comment, now);
    this.d.bus.publish(
      account.workspace_id,
      'comment.updated',
      commentEventData({ ...comment, deleted: 1, updated_at: now }),
    );
  }

  private async target(
    workspaceId: string,
    id: string,
  ): Promise<{ comment: CommentRow; account: AccountRow }> {
    const comment = await this.d.comments.findVisible(workspaceId, id);
    if (!comment) throw errors.notFound('Comment');
    if (comment.deleted) throw errors.conflict('comment_gone', 'The comment has been deleted');
    const account = await this.d.accounts.findById(comment.account_id);
    if (!account) throw errors.notFound('Comment');
    const unavailable = graphUnavailable(account, this.d.clock());
    if (unavailable) throw errors.conflict('comment_action_unavailable', unavailable);
    return { comment, account };
  }

  private async call<T>(
    account: AccountRow,
    comment: CommentRow,
    action: string,
    fn: (auth: GraphAuth) => Promise<T>,
  ): Promise<T> {
    try {
      return await fn(graphAuth(this.d.secrets, account));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      const mapped = commentActionError(err, action);
      if (err.kind === 'token_invalid') await this.d.accountService.tokenRejected(account, mapped.message);
      if (err.kind === 'not_found') await this.d.comments.markDeleted(comment, this.now());
      throw mapped;
    }
  }

  private now(): string {
    return new Date(this.d.clock()).toISOString();
  }
}
