import type { Kysely } from 'kysely';
import type { AccountRow } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import type { AutomationKind, Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { ContactRepository, ContactRow } from '../inbox/contact.repository.js';
import type { ConversationRepository, ConversationRow } from '../inbox/conversation.repository.js';
import type { MessageRow } from '../inbox/message.repository.js';
import type { MessageSendService } from '../inbox/message-send.service.js';
import type { Logger } from '../logger.js';
import type { ActionRow, AutomationActionRepository } from './automation-action.repository.js';
import type { AutomationSettingsRepository } from './automation-settings.repository.js';
import type { AutomationSettings } from './automation-settings.schema.js';
import type { DmAutomationRepository } from './dm-automation.repository.js';
import { type Candidate, opt, optCommand, pickCandidate } from './dm-automation-plan.js';
import type { DmKeywordRepository } from './dm-keyword.repository.js';
import type { TakeoverService } from './takeover.service.js';

export interface DmAutomationDeps {
  repo: DmAutomationRepository;
  actions: AutomationActionRepository;
  settings: AutomationSettingsRepository;
  rules: DmKeywordRepository;
  contacts: ContactRepository;
  conversations: ConversationRepository;
  send: MessageSendService;
  takeover: TakeoverService;
  bus: EventBus;
  log: Logger;
  clock: () => number;
}

/** send-path refusals that are an answer, not a failure: recorded as the reason nothing was sent */
const refusals: Record<string, string> = {
  outside_messaging_window: 'window',
  conversation_account_inactive: 'account_inactive',
  not_found: 'attachment_missing',
};

class AlreadyDecided extends Error {}
/** a limit that another worker's decision, committed meanwhile, now applies to this answer */
class SilencedMeanwhile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** the limits checked again inside the answer's transaction */
type Recheck = (db: Kysely<Database>) => Promise<string | null>;

const batch = 100;

/**
 * The DM automation engine. It runs in the job that processes the inbound event, right after the
 * inbox commits: every customer message the inbox marked `pending` gets exactly one decision —
 * an answer through the inbox's send path, or a recorded reason for silence — and the decision
 * is written in the same transaction as the answer, so a replay or a retried job never answers
 * twice, and a crash before it leaves the message pending for the retry.
 */
export class DmAutomationService {
  constructor(private readonly d: DmAutomationDeps) {}

  /** after each inbox batch from webhooks or polling */
  async afterApply(account: AccountRow, created: MessageRow[]): Promise<void> {
    // A reply typed in the Instagram app is a person stepping in, like one from the dashboard.
    for (const m of created) {
      if (m.direction !== 'outbound' || m.sent_by !== 'instagram_app') continue;
      const c = await this.d.conversations.findById(m.conversation_id);
      if (c) await this.d.takeover.humanReplied(c, m.created_at);
    }
    await this.runPending(account);
  }

  async runPending(account: AccountRow): Promise<void> {
    for (;;) {
      const pending = await this.d.repo.pending(account.id, batch);
      if (pending.length === 0) return;
      const { settings } = await this.d.settings.get(account.id);
      const rules = await this.d.rules.forMatching(account.workspace_id, account.id);
      // Nothing could answer: only STOP/START need a look (the common case of a shop without a bot).
      const idle =
        rules.length === 0 &&
        !settings.welcome.enabled &&
        !settings.away.enabled &&
        !settings.storyMention.enabled;
      const quiet = idle
        ? pending.filter((m) => !settings.optOut.enabled || optCommand(m.text) === null)
        : [];
      await this.d.repo.decidedMany(quiet.map((m) => m.id));
      for (const m of pending) if (!quiet.includes(m)) await this.decide(m, settings, rules);
      if (pending.length < batch) return;
    }
  }

  private async decide(m: MessageRow, s: AutomationSettings, rules: Parameters<typeof pickCandidate>[2]) {
    const conversation = await this.d.conversations.findById(m.conversation_id);
    const contact = conversation && (await this.d.contacts.findByIdUnscoped(conversation.contact_id));
    if (!conversation || !contact) return this.d.repo.decided(m.id);
    const now = this.d.clock();
    const cmd = s.optOut.enabled ? optCommand(m.text) : null;
    if (cmd === 'stop' && !contact.automation_opted_out_at) {
      return this.act(m, conversation, contact, opt('stop', s), null, new Date(now).toISOString());
    }
    if (cmd === 'start' && contact.automation_opted_out_at)
      return this.act(m, conversation, contact, opt('start', s), null, null);
    const candidate = await pickCandidate(m, s, rules, new Date(now), () => this.d.repo.wroteBefore(m));
    if (!candidate) return this.d.repo.decided(m.id);
    const reason = await this.whySilent(candidate, conversation, contact, s, now);
    const recheck: Recheck = (db) => this.whySilent(candidate, conversation, contact, s, now, db);
    return this.act(m, conversation, contact, candidate, reason, undefined, recheck);
  }

  /** the limits, in the order a person would ask about them */
  private async whySilent(
    c: Candidate,
    conversation: ConversationRow,
    contact: ContactRow,
    s: AutomationSettings,
    now: number,
    db?: Kysely<Database>,
  ): Promise<string | null> {
    const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
    if (contact.automation_opted_out_at) return 'opted_out';
    if (conversation.automation_paused_until && conversation.automation_paused_until > iso(0))
      return 'takeover';
    if (c.rule && c.rule.cooldownSeconds > 0) {
      if (await this.d.actions.ruleSpokeSince(contact.id, c.rule.id, iso(c.rule.cooldownSeconds * 1000), db))
        return 'cooldown';
    }
    if (c.kind === 'away' && s.away.cooldownMinutes > 0) {
      if (
        await this.d.actions.kindSpokeSince(conversation.id, 'away', iso(s.away.cooldownMinutes * 60_000), db)
      )
        return 'cooldown';
    }
    if ((await this.d.actions.spokenSince(conversation.id, iso(3600_000), db)) >= s.maxPerConversationPerHour)
      return 'loop_limit';
    return null;
  }

  /**
   * Records the decision and, unless silent, queues the answer in the same transaction.
   * `optOutAt`: the contact's new opt-out state (a STOP or START), undefined to leave it.
   * `recheck`: the limits again, inside the answer's transaction. It runs after queueMessages has
   * updated the conversation row, so on PostgreSQL under that row's lock: two workers (or
   * instances) answering one conversation take turns, and the second sees the first's answer, so a
   * cooldown or the loop limit holds under concurrency. (SQLite transactions are serial anyway.)
   */
  private async act(
    m: MessageRow,
    conversation: ConversationRow,
    contact: ContactRow,
    c: Candidate,
    reason: string | null,
    optOutAt: string | null | undefined,
    recheck?: Recheck,
  ): Promise<void> {
    const row = this.actionRow(m, conversation, c);
    try {
      if (reason || !c.reply) {
        await this.d.repo.transaction(async (trx) => {
          const status = reason ? 'skipped' : 'sent';
          if (!(await this.d.actions.insert({ ...row, status, reason }, trx))) throw new AlreadyDecided();
          if (optOutAt !== undefined) await this.d.repo.setOptOut(contact.id, optOutAt, trx);
          await this.d.repo.decided(m.id, trx);
        });
      } else {
        const { attachment, ...text } = c.reply;
        const who = { author: 'automation' as const, sentBy: 'automation' as const, userId: null };
        // Instagram delivers a file as a message of its own, after the text: both in one commit.
        const messages = [{ ...text, ...who }, ...(attachment ? [{ attachment, ...who }] : [])];
        await this.d.send.queueMessages(conversation, messages, async (trx, message) => {
          const late = await recheck?.(trx);
          if (late) throw new SilencedMeanwhile(late);
          if (!(await this.d.actions.insert({ ...row, status: 'queued', message_id: message.id }, trx)))
            throw new AlreadyDecided();
          if (optOutAt !== undefined) await this.d.repo.setOptOut(contact.id, optOutAt, trx);
          await this.d.repo.decided(m.id, trx);
        });
      }
    } catch (err) {
      if (err instanceof AlreadyDecided) return this.d.repo.decided(m.id);
      if (err instanceof SilencedMeanwhile)
        return this.act(m, conversation, contact, { ...c, reply: null }, err.reason, optOutAt);
      const refusal = err instanceof AppError ? refusals[err.code] : undefined;
      if (!refusal) throw err;
      return this.act(m, conversation, contact, { ...c, reply: null }, refusal, optOutAt);
    }
    this.d.bus.publish(conversation.workspace_id, 'automation.action', {
      accountId: conversation.account_id,
      conversationId: conversation.id,
      actionId: row.id,
    });
  }

  private actionRow(m: MessageRow, conversation: ConversationRow, c: Candidate): ActionRow {
    const at = new Date(this.d.clock()).toISOString();
    return {
      id: newId(),
      workspace_id: conversation.workspace_id,
      account_id: conversation.account_id,
      conversation_id: conversation.id,
      contact_id: conversation.contact_id,
      trigger: 'message',
      trigger_id: m.id,
      kind: c.kind as AutomationKind,
      rule_id: c.rule?.id ?? null,
      status: 'queued',
      reason: null,
      text: c.reply?.text ?? null,
      message_id: null,
      media_id: null,
      commenter_id: null,
      error: null,
      // One decision per customer message, whatever kind it turned out to be.
      dedupe_key: `message:${m.id}`,
      created_at: at,
      updated_at: at,
    };
  }
}
