import type { AccountRepository } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { EventBus } from '../events/event-bus.js';
import { sendFailure } from '../inbox/send-failure.js';
import type { JobContext, RetryPolicy } from '../jobs/job-queue.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { ActionRow, AutomationActionRepository } from './automation-action.repository.js';

export const commentReplyRetry: RetryPolicy = { attempts: 6, backoffMs: 5_000, maxBackoffMs: 600_000 };

/**
 * The `comment-reply` job: posts one comment rule's public reply. After a try whose outcome is
 * unknown (timeout, 5xx) the next one first looks among the comment's replies for ours, so the
 * reply is never posted twice.
 */
export class CommentReplyService {
  constructor(
    private readonly actions: AutomationActionRepository,
    private readonly accounts: AccountRepository,
    private readonly accountService: AccountService,
    private readonly graph: GraphClient,
    private readonly secrets: Secrets,
    private readonly bus: EventBus,
    private readonly clock: () => number,
  ) {}

  async deliver(actionId: string, ctx: Pick<JobContext, 'attempt' | 'log'>): Promise<void> {
    const action = await this.actions.findById(actionId);
    if (action?.status !== 'queued' || action.kind !== 'comment_public_reply') return;
    const account = await this.accounts.findById(action.account_id);
    if (!account?.access_token_enc || account.status === 'disconnected') {
      return this.finish(
        action,
        'failed',
        'conversation_account_inactive',
        'The account is no longer connected',
      );
    }
    const auth = {
      accessToken: this.secrets.decrypt(account.access_token_enc),
      igUserId: account.external_id,
    };
    try {
      if (
        ctx.attempt > 1 &&
        (await this.alreadyPosted(auth, action.trigger_id, account.external_id, action.text))
      )
        return this.finish(action, 'sent', null, null);
      await this.graph.replyToComment(auth, action.trigger_id, action.text ?? '');
      await this.finish(action, 'sent', null, null);
    } catch (err) {
      const failure = sendFailure(err);
      if (failure.tokenRejected) await this.accountService.tokenRejected(account, failure.message);
      if (failure.retry && ctx.attempt < commentReplyRetry.attempts) {
        ctx.log.warn(
          { actionId, attempt: ctx.attempt, code: failure.code },
          'comment reply failed; will retry',
        );
        throw err;
      }
      await this.finish(action, 'failed', failure.code, failure.message);
    }
  }

  private async alreadyPosted(
    auth: { accessToken: string; igUserId: string },
    commentId: string,
    ourId: string,
    text: string | null,
  ): Promise<boolean> {
    const replies = await this.graph.listReplies(auth, commentId);
    return replies.items.some((r) => r.fromId === ourId && (r.text ?? null) === text);
  }

  private async finish(a: ActionRow, status: 'sent' | 'failed', reason: string | null, error: string | null) {
    await this.actions.update(a.id, {
      status,
      reason,
      error,
      updated_at: new Date(this.clock()).toISOString(),
    });
    this.bus.publish(a.workspace_id, 'automation.action', {
      accountId: a.account_id,
      conversationId: a.conversation_id,
      actionId: a.id,
    });
  }
}
