import type { AuthContext } from '../auth/session-token.js';
import type { Db } from '../db/database.js';
import { errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { ConversationRepository, ConversationRow } from '../inbox/conversation.repository.js';
import type { HumanTakeover } from '../inbox/message-send.service.js';
import type { AutomationSettingsRepository } from './automation-settings.repository.js';

/** a pause by hand lasts until someone resumes it (ISO strings compare as text) */
export const pausedByHand = '9999-12-31T23:59:59.999Z';

/**
 * Human takeover: when a person replies in a conversation (from the dashboard or the Instagram
 * app), the bot stays silent there for the account's `takeoverMinutes`, or until the
 * conversation is closed; an operator can also pause and resume it by hand.
 */
export class TakeoverService implements HumanTakeover {
  constructor(
    private readonly db: Db,
    private readonly conversations: ConversationRepository,
    private readonly settings: AutomationSettingsRepository,
    private readonly bus: EventBus,
  ) {}

  async humanReplied(conversation: Pick<ConversationRow, 'id' | 'account_id' | 'workspace_id'>, at: string) {
    const { takeoverMinutes } = (await this.settings.get(conversation.account_id)).settings;
    if (takeoverMinutes === 0) return;
    const until = new Date(Date.parse(at) + takeoverMinutes * 60_000).toISOString();
    // Only ever extends: a pause by hand (or a later reply's) is not shortened.
    const r = await this.db
      .updateTable('conversations')
      .set({ automation_paused_until: until, automation_paused_by: 'human' })
      .where('id', '=', conversation.id)
      .where((eb) =>
        eb.or([eb('automation_paused_until', 'is', null), eb('automation_paused_until', '<', until)]),
      )
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) this.announce(conversation);
  }

  /** PUT /conversations/:id/automation */
  async set(
    auth: AuthContext,
    conversationId: string,
    body: { paused: boolean; minutes?: number },
    now: number,
  ) {
    const c = await this.conversations.findVisible(auth.workspaceId, conversationId);
    if (!c) throw errors.notFound('Conversation');
    const patch = !body.paused
      ? { automation_paused_until: null, automation_paused_by: null }
      : {
          automation_paused_until: body.minutes
            ? new Date(now + body.minutes * 60_000).toISOString()
            : pausedByHand,
          automation_paused_by: 'manual' as const,
        };
    await this.conversations.update(c.id, patch);
    this.announce(c);
  }

  private announce(c: Pick<ConversationRow, 'id' | 'account_id' | 'workspace_id'>) {
    this.bus.publish(c.workspace_id, 'conversation.updated', {
      accountId: c.account_id,
      conversationId: c.id,
    });
  }
}
