import type { Kysely } from 'kysely';

// Instagram Login connections: profile shown in the dashboard, token age (Meta refreshes only
// tokens at least 24 h old), webhook subscription state, and single-use OAuth states.
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    ['name', 'text'],
    ['profile_picture_url', 'text'],
    ['token_issued_at', 'text'],
    ['webhook_fields', 'text'],
    ['last_error', 'text'],
    ['status_changed_at', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('accounts').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('oauth_states')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
  for (const name of [
    'name',
    'profile_picture_url',
    'token_issued_at',
    'webhook_fields',
    'last_error',
    'status_changed_at',
  ]) {
    await db.schema.alterTable('accounts').dropColumn(name).execute();
  }
}
