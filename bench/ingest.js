// npm run bench:ingest — signed ~1 KB Meta deliveries, 100 connections on loopback, against a bare
// node:http server and against Relaydesk (embedded SQLite, durable commit before 200), in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { load, printRows, row, startBare, startRelaydesk } from './lib.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const secret = 'bench-app-secret';

const bare = await startBare();
await load(bare.url, { duration: 2, secret }); // warm-up
const base = await load(bare.url, { duration, secret });
await bare.stop();

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-bench-'));
const rd = await startRelaydesk({ DATA_DIR: dataDir, INSTAGRAM_APP_SECRET: secret });
await load(rd.url, { duration: 2, secret });
// Let the warm-up's backlog be processed, so the measured burst starts from a quiet server.
await drained(dataDir, 60_000);
const before = countStored(dataDir);
const ours = await load(rd.url, { duration, secret });
const stored = countStored(dataDir) - before;
// Processing runs after acknowledging: time how long the stored backlog takes to be processed.
const drainStart = Date.now();
const backlog = countWaiting(dataDir);
await drained(dataDir, 120_000);
const drainSeconds = (Date.now() - drainStart) / 1000;
const leftOver = countWaiting(dataDir);
await rd.stop();
rmSync(dataDir, { recursive: true, force: true });

const ok = ours['2xx'];
const ratio = ours.requests.average / base.requests.average;
const rows = [
  row(
    'ingest req/s',
    Math.round(ours.requests.average),
    Math.round(base.requests.average),
    'ratio >= 0.35',
    ratio >= 0.35,
  ),
  row('ingest p99 ms', ours.latency.p99, base.latency.p99, 'informational', true),
  row(
    'acknowledged deliveries durably stored',
    stored,
    ok,
    'stored >= acknowledged',
    stored >= ok && ours.non2xx === 0,
  ),
  row(
    'backlog processed after the burst, deliveries/s',
    Math.round(backlog / Math.max(drainSeconds, 0.001)),
    null,
    'every delivery processed',
    leftOver === 0,
  ),
];
printRows(rows);
console.log(JSON.stringify({ bench: 'ingest', durationSeconds: duration, connections: 100, rows }));
if (rows.some((r) => !r.pass)) process.exitCode = 1;

async function drained(dir, timeoutMs) {
  const start = Date.now();
  while (countWaiting(dir) > 0 && Date.now() - start < timeoutMs)
    await new Promise((r) => setTimeout(r, 100));
}

function countWaiting(dir) {
  const db = new Database(join(dir, 'relaydesk.db'), { readonly: true });
  const n = db.prepare("select count(*) as n from webhook_events where status = 'received'").get().n;
  db.close();
  return n;
}

function countStored(dir) {
  const db = new Database(join(dir, 'relaydesk.db'), { readonly: true });
  const n = db.prepare('select count(*) as n from webhook_events where signature_valid = 1').get().n;
  db.close();
  return n;
}
