// npm run bench:scheduler — 500 auto-posts scheduled to the second within one minute, spread over
// 10 Instagram accounts, published by Relaydesk (a child process: `relaydesk serve` with its
// embedded queue, on SQLite and then on a throw-away PostgreSQL) against the Instagram simulator
// in this process. Figure: the lag from each post's scheduledAt to its container-creation call
// arriving at the simulator (p50, p99, max). Baseline, same run and same minute: a bare setTimeout
// in this process armed for the same 500 instants, each making the same container call for an
// account of its own, measured by the simulator in the same way (the floor any scheduler sits on).
// Also checks exactly one media_publish per post. Target: p99 lag under 2 s.
// Writes bench/results-scheduler.md.
//   node bench/scheduler.js [--posts N] [--accounts N] [--sqlite-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../dist/server/providers/simulator/server.js';
import { simEnv } from '../dist/server/providers/simulator/testing.js';
import { startPostgres } from './inbox-pg.js';
import { printRows, row, startRelaydesk } from './lib.js';
import { percentiles, writeReport } from './scheduler-report.js';
import { callBaseline, createPosts, login, waitForPublishes } from './scheduler-run.js';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const POSTS = flag('posts', 500);
const ACCOUNTS = flag('accounts', 10);
const TARGET_P99_MS = 2_000;

async function runOn(database) {
  console.log(`\n${database}: ${POSTS} posts over ${ACCOUNTS} accounts…`);
  const postgres = database === 'postgres' ? await startPostgres() : null;
  // Meta allows 100 API posts per account per 24 h: 10 accounts carry 500 posts within the limit.
  const sim = createSimulator({ settings: { containerPolls: 0 }, onInternalError: (e) => console.error(e) });
  await sim.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-bench-scheduler-'));
  const admin = { email: 'bench@example.com', password: 'bench password 1' };
  const rd = await startRelaydesk({
    ...simEnv(sim),
    DATA_DIR: dataDir,
    PUBLIC_URL: 'https://bench.example.com',
    SIMULATOR: 'off',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  try {
    const token = await login(rd.url, admin);
    const plan = await createPosts(rd.url, token, sim, { posts: POSTS, accounts: ACCOUNTS });
    const baseline = await callBaseline(
      sim,
      plan.posts.map((p) => p.at),
    );
    const done = await waitForPublishes(sim, POSTS, plan.start + 60_000 + 120_000);

    // each post's container creation, found by its unique caption
    const created = new Map();
    for (const c of sim.state.containers.values())
      if (!created.has(c.caption)) created.set(c.caption, c.createdAt);
    const spread = (plan.posts.at(-1).at - plan.posts[0].at) / 1000;
    const lags = plan.posts.filter((p) => created.has(p.caption)).map((p) => created.get(p.caption) - p.at);
    const ours = percentiles(lags);
    const base = percentiles(baseline);
    const ok = sim.state.publishCalls.filter((c) => c.ok);
    const perContainer = new Map();
    for (const c of ok) perContainer.set(c.creationId, (perContainer.get(c.creationId) ?? 0) + 1);
    const twice = [...perContainer.values()].filter((n) => n > 1).length;
    const rows = [
      { ...row('first to last scheduledAt, s', spread, null, '< 60', spread < 60), ratio: null },
      row('lag p50 ms', ours.p50, base.p50, 'informational', true),
      row('lag p99 ms', ours.p99, base.p99, `< ${TARGET_P99_MS} ms`, ours.p99 < TARGET_P99_MS),
      row('lag max ms', ours.max, base.max, 'informational', true),
      { ...row('never early: min lag ms', ours.min, base.min, '>= 0', ours.min >= 0), ratio: null },
      row('posts whose container was created', lags.length, POSTS, `= ${POSTS}`, lags.length === POSTS),
      row('successful media_publish calls', ok.length, POSTS, `= ${POSTS}`, ok.length === POSTS),
      row('containers published more than once', twice, null, '= 0', twice === 0),
    ];
    printRows(rows);
    return {
      database: postgres ? `PostgreSQL ${postgres.version}` : 'SQLite',
      rows,
      createSeconds: plan.createSeconds,
      publishSeconds: done.seconds,
      publishLag: percentiles(done.publishLags(plan.posts)),
    };
  } finally {
    await rd.stop();
    await sim.stop();
    postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs = [await runOn('sqlite')];
if (!argv.includes('--sqlite-only')) runs.push(await runOn('postgres'));
console.log(
  JSON.stringify({
    bench: 'scheduler',
    posts: POSTS,
    accounts: ACCOUNTS,
    runs: runs.map((r) => ({ database: r.database, rows: r.rows })),
  }),
);
writeReport(new URL('./results-scheduler.md', import.meta.url), { posts: POSTS, accounts: ACCOUNTS, runs });
if (runs.some((r) => r.rows.some((x) => !x.pass))) process.exitCode = 1;
