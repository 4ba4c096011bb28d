import { type Kysely, sql } from 'kysely';

// The automation engine: per-account settings (welcome, away, story thank-you, opt-out, takeover,
// loop limit), comment rules, the record of every automated decision, takeover and opt-out state,
// and quick replies on outgoing messages.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('automation_settings')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('media_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('match_type', 'text', (c) => c.notNull())
    .addColumn('public_replies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('private_reply', 'text')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_rules_workspace_idx')
    .on('comment_rules')
    .columns(['workspace_id', 'priority'])
    .execute();

  await db.schema
    .createTable('automation_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('trigger_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('text', 'text')
    .addColumn('message_id', 'text')
    .addColumn('media_id', 'text')
    .addColumn('commenter_id', 'text')
    .addColumn('error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('automation_actions_dedupe_uq')
    .on('automation_actions')
    .column('dedupe_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('automation_actions_workspace_idx')
    .on('automation_actions')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('automation_actions_conversation_idx')
    .on('automation_actions')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('automation_actions_contact_rule_idx')
    .on('automation_actions')
    .columns(['contact_id', 'rule_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('automation_actions_commenter_idx')
    .on('automation_actions')
    .columns(['account_id', 'media_id', 'commenter_id'])
    .execute();

  await db.schema.alterTable('conversations').addColumn('automation_paused_until', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('automation_paused_by', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('automation_opted_out_at', 'text').execute();
  await db.schema.alterTable('messages').addColumn('quick_replies', 'text').execute();
  // 'pending' from the inbox's commit until the engine has decided (crash-safe hand-over).
  await db.schema.alterTable('messages').addColumn('automation_state', 'text').execute();
  await db.schema
    .createIndex('messages_automation_pending_idx')
    .on('messages')
    .columns(['account_id', 'automation_state'])
    .where(sql.ref('automation_state'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('messages_automation_pending_idx').execute();
  await db.schema.alterTable('messages').dropColumn('automation_state').execute();
  await db.schema.alterTable('messages').dropColumn('quick_replies').execute();
  await db.schema.alterTable('contacts').dropColumn('automation_opted_out_at').execute();
  await db.schema.alterTable('conversations').dropColumn('automation_paused_by').execute();
  await db.schema.alterTable('conversations').dropColumn('automation_paused_until').execute();
  await db.schema.dropTable('automation_actions').execute();
  await db.schema.dropTable('comment_rules').execute();
  await db.schema.dropTable('automation_settings').execute();
}
