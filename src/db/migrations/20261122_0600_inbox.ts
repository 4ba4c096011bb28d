import type { Kysely } from 'kysely';

// The inbox: contacts, conversations, messages, reactions and stored attachment copies.
// Messages are unique per account by Meta's `mid`; reactions are kept by the mid they target so a
// reaction delivered before its message still lands on it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('human_agent_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const accountColumns: [string, 'text' | 'integer'][] = [
    ['last_poll_at', 'text'],
    ['last_poll_result', 'text'],
    ['webhook_gap_at', 'text'],
    ['backfilled_at', 'text'],
  ];
  for (const [name, type] of accountColumns) {
    await db.schema.alterTable('accounts').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('accounts')
    .addColumn('poll_interval_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('name', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('profile_pic_url', 'text')
    .addColumn('profile_pic_attachment_id', 'text')
    .addColumn('follower_count', 'integer')
    .addColumn('is_user_follow_business', 'integer')
    .addColumn('is_business_follow_user', 'integer')
    .addColumn('profile_fetched_at', 'text')
    .addColumn('profile_error', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_account_external_uq')
    .on('contacts')
    .columns(['account_id', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('contacts_workspace_idx')
    .on('contacts')
    .columns(['workspace_id', 'id'])
    .execute();
  // Search reads only this index (see contact-search.ts).
  await db.schema
    .createIndex('contacts_search_idx')
    .on('contacts')
    .columns(['workspace_id', 'search_text', 'external_id', 'id'])
    .execute();
  await db.schema.createIndex('contacts_person_idx').on('contacts').column('person_id').execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('assignee_id', 'text')
    .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_id', 'text')
    .addColumn('last_message_at', 'text')
    .addColumn('last_message_preview', 'text')
    .addColumn('last_message_direction', 'text')
    .addColumn('last_customer_at', 'text')
    .addColumn('operator_read_at', 'text')
    .addColumn('customer_read_at', 'text')
    .addColumn('customer_read_mid', 'text')
    .addColumn('customer_read_mid_at', 'text')
    .addColumn('attribution', 'text')
    .addColumn('inbox_rank', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_account_contact_uq')
    .on('conversations')
    .columns(['account_id', 'contact_id'])
    .unique()
    .execute();
  // The inbox list: unread first, then newest, keyset on one column (see inbox-rank.ts).
  await db.schema
    .createIndex('conversations_rank_idx')
    .on('conversations')
    .columns(['workspace_id', 'inbox_rank', 'contact_id'])
    .execute();
  await db.schema.createIndex('conversations_contact_idx').on('conversations').column('contact_id').execute();
  await db.schema
    .createIndex('conversations_account_rank_idx')
    .on('conversations')
    .columns(['account_id', 'inbox_rank'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reply_to', 'text')
    .addColumn('quick_reply_payload', 'text')
    .addColumn('postback_payload', 'text')
    .addColumn('referral', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_by_user_id', 'text')
    .addColumn('tag', 'text')
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('send_attempted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_account_mid_uq')
    .on('messages')
    .columns(['account_id', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('messages_thread_idx')
    .on('messages')
    .columns(['conversation_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('messages_workspace_idx')
    .on('messages')
    .columns(['workspace_id', 'direction'])
    .execute();

  await db.schema
    .createTable('message_reactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('message_external_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('emoji', 'text')
    .addColumn('reacted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_reactions_uq')
    .on('message_reactions')
    .columns(['account_id', 'message_external_id', 'actor'])
    .unique()
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_workspace_sha_idx')
    .on('attachments')
    .columns(['workspace_id', 'sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['attachments', 'message_reactions', 'messages', 'conversations', 'contacts']) {
    await db.schema.dropTable(table).execute();
  }
  for (const name of [
    'last_poll_at',
    'last_poll_result',
    'webhook_gap_at',
    'backfilled_at',
    'poll_interval_seconds',
  ]) {
    await db.schema.alterTable('accounts').dropColumn(name).execute();
  }
  await db.schema.alterTable('workspaces').dropColumn('human_agent_enabled').execute();
}
