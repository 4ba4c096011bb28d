import type { AuthContext } from '../auth/session-token.js';
import type { UserRepository } from '../auth/user.repository.js';
import { nowIso } from '../db/ids.js';
import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { AttachmentService } from './attachment.service.js';
import type { ConversationFilter, ConversationRepository } from './conversation.repository.js';
import { type ConversationQuery, toConversationView } from './conversation.schema.js';
import { inboxRank } from './inbox-rank.js';
import { type MessageRepository, threadCursor } from './message.repository.js';
import { toMessageView } from './message.schema.js';

/** The inbox as the dashboard and the API read it: conversations and their threads. */
export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly users: UserRepository,
    private readonly attachments: Pick<AttachmentService, 'signedPath'>,
    private readonly bus: EventBus,
    private readonly clock: () => number,
  ) {}

  async list(workspaceId: string, query: ConversationQuery) {
    const { automation, ...rest } = query;
    const filter: ConversationFilter = { ...rest, silencedAt: automation ? nowIso(this.clock) : undefined };
    const rows = await this.conversations.list(workspaceId, filter);
    const more = rows.length > filter.limit;
    const items = rows.slice(0, filter.limit);
    return {
      items: items.map((c) => toConversationView(c, this.picUrl)),
      nextCursor: more ? (items.at(-1)?.inbox_rank ?? null) : null,
    };
  }

  async get(workspaceId: string, id: string) {
    return toConversationView(await this.find(workspaceId, id), this.picUrl);
  }

  async update(
    auth: AuthContext,
    id: string,
    patch: { status?: 'open' | 'closed'; assigneeId?: string | null },
  ) {
    const c = await this.find(auth.workspaceId, id);
    if (patch.assigneeId) {
      const user = await this.users.findById(patch.assigneeId);
      if (!user || user.workspace_id !== auth.workspaceId)
        throw errors.validation('assigneeId is not a user of this workspace', { field: 'assigneeId' });
    }
    const at = nowIso(this.clock);
    const columns = {
      ...(patch.status ? { status: patch.status } : {}),
      // Closing a conversation ends a takeover: the next conversation starts with the bot on.
      ...(patch.status === 'closed' ? { automation_paused_until: null, automation_paused_by: null } : {}),
      ...(patch.assigneeId !== undefined ? { assignee_id: patch.assigneeId } : {}),
      updated_at: at,
    };
    const assigned = patch.assigneeId !== undefined && patch.assigneeId !== c.assignee_id;
    // conversation.assigned in the same commit as the assignment (an outbox): a crash cannot lose it
    const staged = await this.conversations.transaction(async (trx) => {
      await this.conversations.update(c.id, columns, trx);
      if (!assigned) return null;
      const conversation = toConversationView({ ...c, ...columns }, this.picUrl);
      return this.bus.toWebhooksIn(trx, auth.workspaceId, {
        type: 'conversation.assigned',
        data: { conversation, assigneeId: patch.assigneeId, assignedBy: auth.userId },
        eventId: `assigned:${c.id}:${at}`,
      });
    });
    await staged?.committed();
    return this.changed(auth.workspaceId, c.id);
  }

  /** the operator has read the conversation: unread goes to zero */
  async markRead(workspaceId: string, id: string) {
    const c = await this.find(workspaceId, id);
    const at =
      c.last_message_at && c.last_message_at > nowIso(this.clock) ? c.last_message_at : nowIso(this.clock);
    await this.conversations.update(c.id, {
      operator_read_at: at,
      unread_count: 0,
      inbox_rank: inboxRank(0, c.last_message_at, c.created_at, c.id),
    });
    return this.changed(workspaceId, c.id);
  }

  private readonly picUrl = (id: string) => this.attachments.signedPath(id);

  /** the thread, newest first */
  async thread(workspaceId: string, id: string, cursor: string | undefined, limit: number) {
    const c = await this.find(workspaceId, id);
    const rows = await this.messages.listThread(c.id, cursor, limit);
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const mids = items.flatMap((m) => (m.external_id ? [m.external_id] : []));
    const replyMids = items.flatMap((m) => {
      const r = m.reply_to ? (JSON.parse(m.reply_to) as { mid?: string }) : null;
      return r?.mid ? [r.mid] : [];
    });
    const reactions = await this.messages.reactionsFor(c.account_id, mids);
    const replied = new Map(
      (await this.messages.findByMids(c.account_id, replyMids)).map((m) => [m.external_id as string, m]),
    );
    const ctx = {
      customerReadAt: c.customer_read_at,
      reactions,
      replied,
      attachmentUrl: (attachmentId: string) => this.attachments.signedPath(attachmentId),
    };
    return {
      items: items.map((m) => toMessageView(m, ctx)),
      nextCursor:
        more && items.length ? threadCursor(items[items.length - 1] as (typeof items)[number]) : null,
    };
  }

  private async find(workspaceId: string, id: string) {
    const c = await this.conversations.findVisible(workspaceId, id);
    if (!c) throw errors.notFound('Conversation');
    return c;
  }

  private async changed(workspaceId: string, id: string) {
    const view = toConversationView(await this.find(workspaceId, id), this.picUrl);
    this.bus.publish(workspaceId, 'conversation.updated', { accountId: view.accountId, conversationId: id });
    return view;
  }
}
