import { type Kysely, sql } from 'kysely';

// Outboxes, so that nothing accepted waits on a job that a crash or a lost Redis entry took away:
// - outbound deliveries say when their next attempt is due, and a sweeper re-enqueues the overdue;
// - messages queued for sending (or cut off mid-send) are found by a small partial index;
// - comments from webhooks are handed to comment automation in the commit that stores them, as
//   messages are: a row here until the rules have decided.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbound_deliveries').addColumn('next_attempt_at', 'text').execute();
  await sql`update outbound_deliveries set next_attempt_at = created_at where status = 'pending'`.execute(db);
  await db.schema
    .createIndex('outbound_deliveries_due_idx')
    .on('outbound_deliveries')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createIndex('messages_unsent_idx')
    .on('messages')
    .column('updated_at')
    .where(sql.ref('status'), 'in', sql`('queued', 'sending')`)
    .execute();

  await db.schema
    .createTable('automation_pending_comments')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('automation_pending_comments_created_idx')
    .on('automation_pending_comments')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('automation_pending_comments').execute();
  await db.schema.dropIndex('messages_unsent_idx').execute();
  await db.schema.dropIndex('outbound_deliveries_due_idx').execute();
  await db.schema.alterTable('outbound_deliveries').dropColumn('next_attempt_at').execute();
}
