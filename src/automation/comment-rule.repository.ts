import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { CommentRuleScope, CommentRuleTable } from '../db/schema.js';
import type { MatchableRule, MatchType } from './keyword-match.js';

export interface CommentRule extends MatchableRule {
  id: string;
  workspaceId: string;
  name: string;
  accountId: string | null;
  scope: CommentRuleScope;
  mediaIds: string[];
  keywords: string[];
  matchType: MatchType;
  publicReplies: string[];
  privateReply: string | null;
  priority: number;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export type CommentRuleFields = Omit<
  CommentRule,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'activeHours'
>;

function fromRow(r: CommentRuleTable): CommentRule {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    accountId: r.account_id,
    scope: r.scope,
    mediaIds: JSON.parse(r.media_ids) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    matchType: r.match_type,
    publicReplies: JSON.parse(r.public_replies) as string[],
    privateReply: r.private_reply,
    priority: Number(r.priority),
    isActive: Boolean(r.is_active),
    activeHours: null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(f: CommentRuleFields) {
  return {
    name: f.name,
    account_id: f.accountId,
    scope: f.scope,
    media_ids: JSON.stringify(f.mediaIds),
    keywords: JSON.stringify(f.keywords),
    match_type: f.matchType,
    public_replies: JSON.stringify(f.publicReplies),
    private_reply: f.privateReply,
    priority: f.priority,
    is_active: f.isActive ? 1 : 0,
  };
}

export class CommentRuleRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  private now() {
    return new Date(this.clock()).toISOString();
  }

  async page(
    workspaceId: string,
    q: { accountId?: string; after?: { priority: number; id: string }; limit: number },
  ) {
    let query = this.db.selectFrom('comment_rules').selectAll().where('workspace_id', '=', workspaceId);
    if (q.accountId) query = query.where('account_id', '=', q.accountId);
    if (q.after) {
      const { priority, id } = q.after;
      query = query.where((eb) =>
        eb.or([eb('priority', '>', priority), eb.and([eb('priority', '=', priority), eb('id', '>', id)])]),
      );
    }
    const rows = await query.orderBy('priority').orderBy('id').limit(q.limit).execute();
    return rows.map(fromRow);
  }

  /** the rules that may act on an account's comments, in priority order */
  async forAccount(workspaceId: string, accountId: string, activeOnly = true): Promise<CommentRule[]> {
    let q = this.db
      .selectFrom('comment_rules')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]));
    if (activeOnly) q = q.where('is_active', '=', 1);
    return (await q.orderBy('priority').orderBy('id').execute()).map(fromRow);
  }

  async find(workspaceId: string, id: string): Promise<CommentRule | undefined> {
    const row = await this.db
      .selectFrom('comment_rules')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async insert(workspaceId: string, f: CommentRuleFields): Promise<CommentRule> {
    const at = this.now();
    const row = { id: newId(), workspace_id: workspaceId, ...toColumns(f), created_at: at, updated_at: at };
    await this.db.insertInto('comment_rules').values(row).execute();
    return fromRow(row);
  }

  async update(workspaceId: string, id: string, f: CommentRuleFields): Promise<CommentRule | undefined> {
    await this.db
      .updateTable('comment_rules')
      .set({ ...toColumns(f), updated_at: this.now() })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .execute();
    return this.find(workspaceId, id);
  }

  /** binds a "next post" rule to the post that turned out to be next; false when another won */
  async bindNextPost(id: string, mediaId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('comment_rules')
      .set({ media_ids: JSON.stringify([mediaId]), updated_at: this.now() })
      .where('id', '=', id)
      .where('scope', '=', 'next_post')
      .where('media_ids', '=', '[]')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('comment_rules')
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
