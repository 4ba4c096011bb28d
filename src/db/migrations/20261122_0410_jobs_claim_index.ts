import type { Kysely } from 'kysely';

// Owned by the embedded job queue (src/jobs/sql-job.repository.ts). A claim reads
// `state = 'waiting' AND name = ? ORDER BY run_at LIMIT n`; with only (state, run_at) it would walk
// past every waiting job of other names, so a backlog of one job (webhook processing) would make
// each claim for the others scan the whole backlog.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('jobs_claim_idx')
    .ifNotExists()
    .on('jobs')
    .columns(['state', 'name', 'run_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('jobs_claim_idx').ifExists().execute();
}
