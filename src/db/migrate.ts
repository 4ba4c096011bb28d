import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.js';
import * as auth from './migrations/20261122_0100_auth.js';
import * as accounts from './migrations/20261122_0200_accounts.js';
import * as webhookEvents from './migrations/20261122_0300_webhook_events.js';
import * as jobs from './migrations/20261122_0400_jobs.js';
import * as jobsClaimIndex from './migrations/20261122_0410_jobs_claim_index.js';
import * as accountProfile from './migrations/20261122_0500_account_profile.js';
import * as inbox from './migrations/20261122_0600_inbox.js';
import * as apiKeysAndDmKeywords from './migrations/20261122_0700_api_keys_and_dm_keywords.js';
import * as outboundWebhooks from './migrations/20261122_0710_outbound_webhooks.js';
import * as automation from './migrations/20261122_0800_automation.js';
import * as postsAndComments from './migrations/20261122_0900_posts_and_comments.js';
import * as products from './migrations/20261122_0910_products.js';
import * as autoPosts from './migrations/20261122_0920_auto_posts.js';
import * as accountInsightDays from './migrations/20261122_1000_account_insight_days.js';
import * as mediaInsights from './migrations/20261122_1010_media_insights.js';
import * as autoPostPublishedMedia from './migrations/20261122_1100_auto_post_published_media.js';
import * as automationOutbox from './migrations/20261122_1200_automation_outbox.js';

// An explicit list rather than a folder scan: works the same from src/ (tests) and dist/.
// Migrations are never edited after they land; add a new file instead.
const migrations: Record<string, Migration> = {
  '20261122_0100_auth': auth,
  '20261122_0200_accounts': accounts,
  '20261122_0300_webhook_events': webhookEvents,
  '20261122_0400_jobs': jobs,
  '20261122_0410_jobs_claim_index': jobsClaimIndex,
  '20261122_0500_account_profile': accountProfile,
  '20261122_0600_inbox': inbox,
  '20261122_0700_api_keys_and_dm_keywords': apiKeysAndDmKeywords,
  '20261122_0710_outbound_webhooks': outboundWebhooks,
  '20261122_0900_posts_and_comments': postsAndComments,
  '20261122_0910_products': products,
  '20261122_0800_automation': automation,
  '20261122_0920_auto_posts': autoPosts,
  '20261122_1000_account_insight_days': accountInsightDays,
  '20261122_1010_media_insights': mediaInsights,
  '20261122_1100_auto_post_published_media': autoPostPublishedMedia,
  '20261122_1200_automation_outbox': automationOutbox,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies pending migrations. On PostgreSQL Kysely's migrator holds a session-level advisory lock
 * (`pg_advisory_lock`) on one connection while it reads what is applied and runs the rest in one
 * transaction, so instances starting at once apply each migration exactly once: the others wait,
 * then find nothing left to do. A crashed migrator's lock goes with its connection. SQLite has a
 * single writer and needs no lock.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations that exist in code but are not applied (diagnostics). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
