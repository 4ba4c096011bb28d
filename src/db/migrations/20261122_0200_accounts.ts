import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('access_token_enc', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('webhook_token_hash', 'text')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // An Instagram account belongs to one workspace only (API.md: 409 otherwise).
  await db.schema
    .createIndex('accounts_provider_external_uq')
    .on('accounts')
    .columns(['provider', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('accounts_webhook_token_uq')
    .on('accounts')
    .column('webhook_token_hash')
    .unique()
    .execute();
  await db.schema.createIndex('accounts_workspace_idx').on('accounts').column('workspace_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accounts').execute();
}
