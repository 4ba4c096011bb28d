import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AutomationActionTable, AutomationKind, Database } from '../db/schema.js';

export type ActionRow = AutomationActionTable;

/** what counts as "the bot said something" for cooldowns and the loop limit */
const spoke = ['queued', 'sent'] as const;

/** The record of automated decisions; also the memory the engine's limits are computed from. */
export class AutomationActionRepository {
  constructor(private readonly db: Db) {}

  /** false when a decision with the same dedupe key exists (a replayed event) */
  async insert(row: ActionRow, db: Kysely<Database> = this.db): Promise<boolean> {
    const r = await db
      .insertInto('automation_actions')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async hasDecision(dedupeKey: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('automation_actions')
      .select('id')
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** the rule already spoke to this contact since then (per-contact cooldown) */
  async ruleSpokeSince(
    contactId: string,
    ruleId: string,
    since: string,
    db: Kysely<Database> = this.db,
  ): Promise<boolean> {
    const r = await db
      .selectFrom('automation_actions')
      .select('id')
      .where('contact_id', '=', contactId)
      .where('rule_id', '=', ruleId)
      .where('created_at', '>=', since)
      .where('status', 'in', spoke)
      .executeTakeFirst();
    return r !== undefined;
  }

  async kindSpokeSince(
    conversationId: string,
    kind: AutomationKind,
    since: string,
    db: Kysely<Database> = this.db,
  ): Promise<boolean> {
    const r = await db
      .selectFrom('automation_actions')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('created_at', '>=', since)
      .where('kind', '=', kind)
      .where('status', 'in', spoke)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** automated messages in the conversation since then (loop protection) */
  async spokenSince(conversationId: string, since: string, db: Kysely<Database> = this.db): Promise<number> {
    const r = await db
      .selectFrom('automation_actions')
      .select(sql<number>`count(*)`.as('n'))
      .where('conversation_id', '=', conversationId)
      .where('created_at', '>=', since)
      .where('status', 'in', spoke)
      .where('message_id', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * A comment rule already answered this person under this post, for another comment (this one's
   * own answers are its earlier run's, which a re-run after a crash completes).
   */
  async answeredCommenter(
    accountId: string,
    mediaId: string,
    commenterId: string,
    commentId: string,
  ): Promise<boolean> {
    const r = await this.db
      .selectFrom('automation_actions')
      .select('id')
      .where('account_id', '=', accountId)
      .where('media_id', '=', mediaId)
      .where('commenter_id', '=', commenterId)
      .where('trigger_id', '!=', commentId)
      .where('status', 'in', [...spoke])
      .executeTakeFirst();
    return r !== undefined;
  }

  /** public comment replies still queued since before then (their job was lost) */
  async stalledCommentReplies(before: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('automation_actions')
      .select('id')
      .where('status', '=', 'queued')
      .where('kind', '=', 'comment_public_reply')
      .where('created_at', '<', before)
      .limit(500)
      .execute();
    return rows.map((r) => r.id);
  }

  findById(id: string): Promise<ActionRow | undefined> {
    return this.db.selectFrom('automation_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async update(id: string, patch: Partial<ActionRow>): Promise<void> {
    await this.db.updateTable('automation_actions').set(patch).where('id', '=', id).execute();
  }

  /** newest first; with the reply's delivery status when there is one, and who it was for */
  page(
    workspaceId: string,
    q: { conversationId?: string; accountId?: string; ruleId?: string; before?: string; limit: number },
  ) {
    let query = this.db
      .selectFrom('automation_actions as a')
      .leftJoin('messages as m', 'm.id', 'a.message_id')
      .leftJoin('contacts as p', 'p.id', 'a.contact_id')
      .selectAll('a')
      .select(['m.status as message_status', 'm.error_code as message_error'])
      .select(['p.external_id as contact_igsid', 'p.username as contact_username', 'p.name as contact_name'])
      .where('a.workspace_id', '=', workspaceId);
    if (q.conversationId) query = query.where('a.conversation_id', '=', q.conversationId);
    if (q.accountId) query = query.where('a.account_id', '=', q.accountId);
    if (q.ruleId) query = query.where('a.rule_id', '=', q.ruleId);
    if (q.before) query = query.where('a.id', '<', q.before);
    return query.orderBy('a.id', 'desc').limit(q.limit).execute();
  }
}
