import type { Transaction } from 'kysely';
import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { CommentRow } from '../comments/comment.repository.js';
import { newId } from '../db/ids.js';
import type { AutomationKind, Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { InboxIngestService } from '../inbox/inbox-ingest.service.js';
import type { MessageSendService } from '../inbox/message-send.service.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Logger } from '../logger.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { ActionRow, AutomationActionRepository } from './automation-action.repository.js';
import type { CommentAutomationRepository } from './comment-automation.repository.js';
import type { CommentRule, CommentRuleRepository } from './comment-rule.repository.js';
import { commentMatches, coversMedia } from './comment-rule.service.js';

export interface CommentAutomationDeps {
  repo: CommentAutomationRepository;
  rules: CommentRuleRepository;
  actions: AutomationActionRepository;
  accounts: AccountRepository;
  inbox: InboxIngestService;
  send: MessageSendService;
  queue: JobQueue;
  graph: GraphClient;
  secrets: Secrets;
  bus: EventBus;
  log: Logger;
  clock: () => number;
  random?: () => number;
}

/** a comment from someone else, with words and an author to answer (not our own, not deleted) */
const answerable = (c: CommentRow) => !c.from_self && !c.deleted && c.from_igsid !== null && c.text !== null;

/**
 * Comment rules: a new comment (from a webhook, never from sync or our own replies) is matched
 * against the account's rules; the first that covers the post and matches answers publicly (a
 * random variant, through the `comment-reply` job) and/or privately (a DM through the inbox's
 * send path, so it shows in the conversation and its echo is recognised as ours). Each person
 * gets at most one answer per post, and each comment at most one private reply (Meta's rule).
 */
export class CommentAutomationService {
  constructor(private readonly d: CommentAutomationDeps) {}

  /** inside the commit that stores new comments: they await a decision (crash-safe hand-over) */
  readonly handOver = async (trx: Transaction<Database>, created: CommentRow[]): Promise<void> => {
    await this.d.repo.handOver(trx, created.filter(answerable), new Date(this.d.clock()).toISOString());
  };

  /** after that commit; and by the sweeper for comments a crash left undecided */
  readonly afterCreate = async (account: AccountRow, created: CommentRow[]): Promise<void> => {
    const fresh = created.filter(answerable);
    if (fresh.length === 0) return;
    const rules = await this.d.rules.forAccount(account.workspace_id, account.id);
    for (const c of fresh) {
      const recorded = rules.length > 0 && (await this.decide(account, rules, c));
      await this.d.repo.decided([c.id]);
      if (recorded)
        this.d.bus.publish(account.workspace_id, 'automation.action', {
          accountId: account.id,
          conversationId: null,
          commentId: c.id,
        });
    }
  };

  /** true when a rule answered or recorded why it kept quiet */
  private async decide(account: AccountRow, rules: CommentRule[], c: CommentRow): Promise<boolean> {
    const rule = await this.firstRule(account, rules, c);
    if (!rule) return false;
    const commenter = c.from_igsid as string;
    if (await this.d.actions.answeredCommenter(account.id, c.ig_media_id, commenter, c.ig_comment_id)) {
      await this.d.actions.insert(
        this.row(account, c, rule, 'comment_public_reply', 'skipped', 'already_answered'),
      );
      return true;
    }
    if (rule.publicReplies.length > 0) {
      const pick =
        rule.publicReplies[Math.floor((this.d.random ?? Math.random)() * rule.publicReplies.length)];
      const row = {
        ...this.row(account, c, rule, 'comment_public_reply', 'queued', null),
        text: pick ?? null,
      };
      if (await this.d.actions.insert(row))
        await this.d.queue.enqueue(
          'comment-reply',
          { actionId: row.id },
          { uniqueKey: `comment-reply:${row.id}` },
        );
    }
    if (rule.privateReply) await this.privateReply(account, c, rule, rule.privateReply);
    return true;
  }

  private async privateReply(account: AccountRow, c: CommentRow, rule: CommentRule, text: string) {
    const base = { ...this.row(account, c, rule, 'comment_private_reply', 'queued', null), text };
    if (await this.d.actions.hasDecision(base.dedupe_key)) return;
    const conversation = await this.d.inbox.conversationWith(account, c.from_igsid as string, {
      username: c.from_username,
      name: null,
    });
    const contact = { conversation_id: conversation.id, contact_id: conversation.contact_id };
    if (await this.d.repo.optedOutAt(conversation.contact_id)) {
      await this.d.actions.insert({ ...base, ...contact, status: 'skipped', reason: 'opted_out' });
      return;
    }
    try {
      await this.d.send.queueMessage(
        conversation,
        {
          text,
          author: 'automation',
          sentBy: 'automation',
          userId: null,
          privateReplyTo: { commentId: c.ig_comment_id, commentedAt: c.timestamp, text: c.text },
        },
        async (trx, message) => {
          if (!(await this.d.actions.insert({ ...base, ...contact, message_id: message.id }, trx)))
            throw new AppError('already_decided', 'decided by an earlier run', 409);
        },
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'already_decided') return;
      const reason = err.code === 'private_reply_window_closed' ? 'private_reply_window' : err.code;
      await this.d.actions.insert({ ...base, ...contact, status: 'skipped', reason });
    }
  }

  /** the first rule that covers the post and matches; a waiting "next post" rule is bound on the way */
  private async firstRule(account: AccountRow, rules: CommentRule[], c: CommentRow) {
    for (const rule of rules) {
      if (
        rule.scope === 'next_post' &&
        rule.mediaIds.length === 0 &&
        (await this.isNextPost(account, rule, c))
      )
        rule.mediaIds = [c.ig_media_id];
      if (coversMedia(rule, c.ig_media_id) && commentMatches(rule, c.text ?? '')) return rule;
    }
    return null;
  }

  /**
   * "The next post published" is the first post (of the rule's account) published after the rule
   * was saved. Its first comment binds the rule; the post's time comes from media sync, or from
   * Graph when the post is not synced yet.
   */
  private async isNextPost(account: AccountRow, rule: CommentRule, c: CommentRow): Promise<boolean> {
    if (rule.accountId !== account.id) return false;
    const published = await this.publishedAt(account, c.ig_media_id);
    if (!published || published <= rule.createdAt) return false;
    if (await this.d.repo.postedBetween(account.id, rule.createdAt, published)) return false;
    return (await this.d.rules.bindNextPost(rule.id, c.ig_media_id)) || false;
  }

  private async publishedAt(account: AccountRow, mediaId: string): Promise<string | null> {
    const synced = await this.d.repo.postPublishedAt(account.id, mediaId);
    if (synced) return synced;
    try {
      const auth = {
        accessToken: this.d.secrets.decrypt(account.access_token_enc as string),
        igUserId: account.external_id,
      };
      const media = await this.d.graph.getMedia(auth, mediaId);
      return media.timestamp ? new Date(media.timestamp).toISOString() : null;
    } catch (err) {
      this.d.log.warn({ accountId: account.id, mediaId, err }, 'could not read the post of a comment');
      return null;
    }
  }

  private row(
    account: AccountRow,
    c: CommentRow,
    rule: CommentRule,
    kind: AutomationKind,
    status: ActionRow['status'],
    reason: string | null,
  ): ActionRow {
    const at = new Date(this.d.clock()).toISOString();
    return {
      id: newId(),
      workspace_id: account.workspace_id,
      account_id: account.id,
      conversation_id: null,
      contact_id: null,
      trigger: 'comment',
      trigger_id: c.ig_comment_id,
      kind,
      rule_id: rule.id,
      status,
      reason,
      text: null,
      message_id: null,
      media_id: c.ig_media_id,
      commenter_id: c.from_igsid,
      error: null,
      dedupe_key: `comment:${c.ig_comment_id}:${kind === 'comment_private_reply' ? 'private' : 'public'}`,
      created_at: at,
      updated_at: at,
    };
  }
}
