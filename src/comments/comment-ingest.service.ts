import type { Transaction } from 'kysely';
import type { AccountRow } from '../accounts/account.repository.js';
import type { Database } from '../db/schema.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { InboundEventConsumer } from '../webhooks/inbound-event-consumer.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import type { CommentRepository, CommentRow } from './comment.repository.js';
import { commentEventData } from './comment.schema.js';
import { type CommentInput, fromWebhookEvent, toCommentRow } from './comment-input.js';

/** what happens to comments that are new from webhooks (the automation engine's comment rules) */
export type AfterCommentCreate = (account: AccountRow, created: CommentRow[]) => Promise<void>;
/** the same comments inside the commit that stores them (automation records that they await it) */
export type CommentHandOver = (trx: Transaction<Database>, created: CommentRow[]) => Promise<void>;

/**
 * Stores `comments` webhook events. Idempotent on Instagram's comment id: a replayed or retried
 * delivery stores nothing twice and announces nothing twice. Comments first seen through a webhook
 * (not sync imports, not the account's own replies) are announced to outbound webhooks
 * (`comment.created`) and handed over to automation in the commit that stores them, and passed
 * to `afterCreate` after it.
 */
export class CommentIngestService implements InboundEventConsumer {
  readonly name = 'comments';

  constructor(
    private readonly repo: CommentRepository,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
    private readonly afterCreate?: AfterCommentCreate,
    private readonly handOver?: CommentHandOver,
  ) {}

  async handle(events: EventRow[], account: AccountRow): Promise<void> {
    const inputs = new Map<string, CommentInput>();
    for (const e of events) {
      if (e.kind !== 'comment') continue;
      const input = fromWebhookEvent(e);
      if (input) inputs.set(input.igCommentId, input);
      else this.log.warn({ eventId: e.id }, 'comment event without a comment or media id skipped');
    }
    if (inputs.size === 0 || account.provider !== 'instagram') return;
    const now = new Date(this.clock()).toISOString();
    const list = [...inputs.values()];
    const posts = await this.repo.postIds(account.id, [...new Set(list.map((c) => c.igMediaId))]);
    const rows = list.map((c) => toCommentRow(account, c, 'webhook', posts.get(c.igMediaId) ?? null, now));
    const ws = account.workspace_id;
    // comment.created and the hand-over to automation are written in the commit that stores the
    // comment, so a crash right after it loses neither.
    const { inserted, firstSeen, handedOver } = await this.repo.ingestWebhook(
      rows,
      now,
      async (trx, seen) => {
        const fresh = seen.filter((c) => c.from_self === 0);
        await this.handOver?.(trx, fresh);
        return this.bus.toWebhooksIn(
          trx,
          ws,
          ...fresh.map((c) => ({
            type: 'comment.created' as const,
            data: commentEventData(c),
            eventId: `comment:${c.id}`,
          })),
        );
      },
    );
    await handedOver.committed();

    for (const c of inserted) this.bus.publish(ws, 'comment.created', commentEventData(c));
    const fresh = firstSeen.filter((c) => c.from_self === 0);
    if (fresh.length === 0) return;
    try {
      await this.afterCreate?.(account, fresh);
    } catch (err) {
      // The job retries the events; they must look new again then. The outbound event is keyed
      // by comment id (stored once) and the rules keep their own record of what they did.
      await this.repo.forgetWebhook(fresh.map((c) => c.id));
      throw err;
    }
    this.log.debug({ accountId: account.id, comments: fresh.length }, 'new comments');
  }
}
