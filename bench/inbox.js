// npm run bench:inbox — seeds 1,000,000 messages in 20,000 conversations into SQLite (a temp
// file) and a throw-away PostgreSQL, then times the real inbox repositories from dist/server
// (listing conversations, reading a thread) against the same shape of query by primary key in
// the same run. Target: p95 under 30 ms on both databases. Writes bench/results-inbox.md.
//   node bench/inbox.js [--sqlite-only] [--messages N] [--conversations N] [--iterations N]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../dist/server/db/database.js';
import { migrateToLatest } from '../dist/server/db/migrate.js';
import { makePlan } from './inbox-data.js';
import { explainCases } from './inbox-explain.js';
import { buildCases, measure } from './inbox-measure.js';
import { startPostgres } from './inbox-pg.js';
import { printReport, writeMarkdown } from './inbox-report.js';
import { seedInbox } from './inbox-seed.js';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} takes a positive whole number`);
  return n;
};
const opts = {
  messages: flag('messages', 1_000_000),
  conversations: flag('conversations', 20_000),
  iterations: flag('iterations', 2_000),
  sqliteOnly: argv.includes('--sqlite-only'),
};
const log = (line) => console.log(line);
const runStarted = performance.now();

const planStarted = performance.now();
const plan = makePlan({ messages: opts.messages, conversations: opts.conversations });
log(
  `data set: ${plan.N.toLocaleString('en')} messages in ${plan.C.toLocaleString('en')} conversations, ` +
    `${plan.unread.filter((u) => u > 0).length} unread, ` +
    `planned in ${Math.round(performance.now() - planStarted)} ms`,
);

/** seeds with one handle, then measures with a fresh one (as a server process starts: cold connection) */
async function runOn(dialect, location, { afterSeed, size }) {
  log(`\n${dialect}: migrating and seeding…`);
  const seeding = openDatabase(location);
  await migrateToLatest(seeding.db);
  const seeded = await seedInbox(seeding, plan, log);
  const maintenanceStarted = performance.now();
  await afterSeed(seeding);
  const maintenanceSeconds = (performance.now() - maintenanceStarted) / 1000;
  await seeding.close();
  log(
    `${dialect}: seeded ${seeded.totalRows.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s ` +
      `(messages ${Math.round(plan.N / seeded.messageSeconds).toLocaleString('en')} rows/s)`,
  );

  const handle = openDatabase(location);
  try {
    const cases = await buildCases(handle, plan, seeded);
    const explained = await explainCases(handle, cases);
    log(`${dialect}: measuring ${cases.length} queries, ${opts.iterations} iterations each…`);
    const results = await measure(handle, cases, opts);
    return { dialect, seeded, maintenanceSeconds, size: await size(handle), results, explained };
  } finally {
    await handle.close();
  }
}

const runs = [];
const dir = mkdtempSync(join(tmpdir(), 'relaydesk-bench-inbox-'));
try {
  const file = join(dir, 'relaydesk.db');
  runs.push(
    await runOn(
      'sqlite',
      { kind: 'sqlite', file },
      {
        // The app checkpoints between bursts; leave no seeding WAL behind for the readers.
        afterSeed: (h) => sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(h.db),
        size: async () => statSync(file).size,
      },
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (!opts.sqliteOnly) {
  const pg = await startPostgres();
  const stop = () => pg.stop();
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    runs.push(
      await runOn(
        'postgres',
        { kind: 'postgres', url: pg.url },
        {
          // What autovacuum does shortly after a bulk load: statistics and the visibility map.
          afterSeed: (h) => sql`VACUUM ANALYZE`.execute(h.db),
          size: async (h) =>
            (await sql`select pg_database_size(current_database()) as n`.execute(h.db)).rows[0].n,
        },
      ),
    );
  } finally {
    stop();
  }
}

const totalSeconds = (performance.now() - runStarted) / 1000;
printReport(runs, { plan, opts, totalSeconds, log });
writeMarkdown(new URL('./results-inbox.md', import.meta.url), runs, { plan, opts, totalSeconds });
if (runs.some((r) => r.results.some((x) => x.pass === false))) process.exitCode = 1;
