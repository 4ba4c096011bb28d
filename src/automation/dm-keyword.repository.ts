import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { DmKeywordRuleTable } from '../db/schema.js';
import type { ActiveHours, MatchableRule, MatchType } from './keyword-match.js';

/** a rule with its JSON columns parsed: what the service, the matcher and the engine work with */
export interface DmKeywordRule extends MatchableRule {
  id: string;
  workspaceId: string;
  accountId: string | null;
  keywords: string[];
  matchType: MatchType;
  responseMessage: string;
  attachment: { type: string; url?: string; attachmentId?: string } | null;
  quickReplies: { title: string; payload: string }[];
  priority: number;
  cooldownSeconds: number;
  activeHours: ActiveHours | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export type RuleFields = Omit<DmKeywordRule, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

function fromRow(r: DmKeywordRuleTable): DmKeywordRule {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    accountId: r.account_id,
    keywords: JSON.parse(r.keywords) as string[],
    matchType: r.match_type,
    responseMessage: r.response_message,
    attachment: r.attachment ? (JSON.parse(r.attachment) as DmKeywordRule['attachment']) : null,
    quickReplies: JSON.parse(r.quick_replies) as DmKeywordRule['quickReplies'],
    priority: Number(r.priority),
    cooldownSeconds: Number(r.cooldown_seconds),
    activeHours: r.active_hours ? (JSON.parse(r.active_hours) as ActiveHours) : null,
    isActive: Boolean(r.is_active),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(f: RuleFields) {
  return {
    account_id: f.accountId,
    keywords: JSON.stringify(f.keywords),
    match_type: f.matchType,
    response_message: f.responseMessage,
    attachment: f.attachment ? JSON.stringify(f.attachment) : null,
    quick_replies: JSON.stringify(f.quickReplies),
    priority: f.priority,
    cooldown_seconds: f.cooldownSeconds,
    active_hours: f.activeHours ? JSON.stringify(f.activeHours) : null,
    is_active: f.isActive ? 1 : 0,
  };
}

export class DmKeywordRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  private now(): string {
    return new Date(this.clock()).toISOString();
  }

  /** one page in matching order (priority, then creation: ids are UUIDv7) */
  async page(
    workspaceId: string,
    opts: { accountId?: string; after?: { priority: number; id: string }; limit: number },
  ): Promise<DmKeywordRule[]> {
    let q = this.db.selectFrom('dm_keyword_rules').selectAll().where('workspace_id', '=', workspaceId);
    if (opts.accountId !== undefined) {
      const accountId = opts.accountId;
      q = q.where((eb) => eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]));
    }
    if (opts.after) {
      const { priority, id } = opts.after;
      q = q.where((eb) =>
        eb.or([eb('priority', '>', priority), eb.and([eb('priority', '=', priority), eb('id', '>', id)])]),
      );
    }
    const rows = await q.orderBy('priority').orderBy('id').limit(opts.limit).execute();
    return rows.map(fromRow);
  }

  /** every rule that could answer a message to the account (undefined: any account), in order */
  async forMatching(workspaceId: string, accountId?: string, activeOnly = true): Promise<DmKeywordRule[]> {
    let q = this.db.selectFrom('dm_keyword_rules').selectAll().where('workspace_id', '=', workspaceId);
    if (accountId !== undefined) {
      q = q.where((eb) => eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]));
    }
    if (activeOnly) q = q.where('is_active', '=', 1);
    const rows = await q.orderBy('priority').orderBy('id').execute();
    return rows.map(fromRow);
  }

  async find(workspaceId: string, id: string): Promise<DmKeywordRule | undefined> {
    const row = await this.db
      .selectFrom('dm_keyword_rules')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async insert(workspaceId: string, fields: RuleFields): Promise<DmKeywordRule> {
    const now = this.now();
    const row: DmKeywordRuleTable = {
      id: newId(this.clock()),
      workspace_id: workspaceId,
      ...toColumns(fields),
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('dm_keyword_rules').values(row).execute();
    return fromRow(row);
  }

  async update(workspaceId: string, id: string, fields: RuleFields): Promise<DmKeywordRule | undefined> {
    await this.db
      .updateTable('dm_keyword_rules')
      .set({ ...toColumns(fields), updated_at: this.now() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.find(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom('dm_keyword_rules')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
