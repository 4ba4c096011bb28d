import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per delivery (one POST), kept with its raw bytes so it can be replayed.
  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('body_size', 'integer', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('signature_valid', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('workspace_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_events_dedupe_uq')
    .on('webhook_events')
    .column('dedupe_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('webhook_events_status_idx')
    .on('webhook_events')
    .columns(['status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('webhook_events_workspace_idx')
    .on('webhook_events')
    .columns(['workspace_id', 'id'])
    .execute();

  // One row per event inside a delivery (a message, a comment, a reaction…).
  await db.schema
    .createTable('inbound_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_events.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('external_account_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('workspace_id', 'text')
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('sender_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('processed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inbound_events_key_uq')
    .on('inbound_events')
    .column('event_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('inbound_events_delivery_idx')
    .on('inbound_events')
    .columns(['delivery_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('inbound_events_unrouted_idx')
    .on('inbound_events')
    .columns(['status', 'external_account_id'])
    .execute();
  await db.schema
    .createIndex('inbound_events_workspace_idx')
    .on('inbound_events')
    .columns(['workspace_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbound_events').execute();
  await db.schema.dropTable('webhook_events').execute();
}
