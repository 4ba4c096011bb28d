// npm run bench:autoreply — a keyword rule ("ціна" → the seed's answer) on a running `relaydesk
// serve` (a child process: embedded SQLite and job queue, the defaults) against the Instagram
// simulator in this process. 1,000 correctly signed DM deliveries, one customer each, are posted
// to the webhook at a steady rate (100 a second); figure: per DM, the time from posting the delivery
// until the simulator receives the Send API call with its reply (p50, p99). Baseline, same run and
// same DMs: the webhook's own acknowledgement time (POST → 200). Also checks one reply per DM, never
// two. Targets: p50 under 50 ms and p99 under 250 ms. Then, informationally, the same at 50, 150 and
// 200 a second. Writes bench/results-autoreply.md.
//   node bench/autoreply.js [--dms N] [--rate per-second] [--rate-only]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../dist/server/providers/simulator/server.js';
import { simEnv } from '../dist/server/providers/simulator/testing.js';
import { writeReport } from './autoreply-report.js';
import { post, prepare, REPLY_TEXT, setUp, waitForReplies } from './autoreply-run.js';
import { printRows, row, startRelaydesk } from './lib.js';
import { percentiles } from './scheduler-report.js';
import { login } from './scheduler-run.js';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const DMS = flag('dms', 1_000);
const RATE = flag('rate', 100);
/** informational rates after the measured one (none with --rate-only) */
const EXTRA_RATES = argv.includes('--rate-only') ? [] : [50, 150, 200];
const WARMUP = 50;
const TARGET_P50_MS = 50;
const TARGET_P99_MS = 250;

// Meta allows 300 Send API calls a second per Instagram account (Messenger Platform rate limits,
// "Messenger API for Instagram"); the simulator's default budget of 4,800 calls an hour would make
// the Graph client slow down midway through, which is not what this measures.
const budget = 300 * 3600;
const sim = createSimulator({
  usage: { accountCallsPerHour: budget, appCallsPerHour: budget },
  onInternalError: (e) => console.error(e),
});
await sim.start();
const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-bench-autoreply-'));
const admin = { email: 'bench@example.com', password: 'bench password 1' };
const rd = await startRelaydesk({
  ...simEnv(sim),
  DATA_DIR: dataDir,
  PUBLIC_URL: 'https://bench.example.com',
  SIMULATOR: 'off',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
});
let rows;

/** one run of DMS deliveries at `rate`, from fresh customers; waits until all are answered */
async function measure(webhookUrl, account, rate, prefix) {
  console.log(`${DMS} DMs at ${rate}/s…`);
  const customers = prepare(sim, account, DMS, prefix);
  const run = await post(webhookUrl, sim, account, customers, rate);
  const replies = await waitForReplies(sim, customers, Date.now() + 120_000);
  const latencies = [];
  let wrong = 0;
  let twice = 0;
  for (const r of run.results) {
    const got = replies.get(r.igsid) ?? [];
    if (got.length > 1) twice++;
    if (got[0] && got[0].text !== REPLY_TEXT) wrong++;
    if (got[0]) latencies.push(got[0].at - r.postedAt);
  }
  return {
    reply: percentiles(latencies),
    ack: percentiles(run.results.map((r) => r.ackMs)),
    acked: run.results.filter((r) => r.status === 200).length,
    twice,
    wrong,
    seconds: run.seconds,
  };
}

try {
  const webhookUrl = `${rd.url}/api/v1/instagram/webhook`;
  // Our replies come back as echoes, as they do from Meta: part of the load.
  sim.webhooks.configure({ url: webhookUrl });
  const token = await login(rd.url, admin);
  const account = await setUp(rd.url, token, sim);

  const warm = prepare(sim, account, WARMUP, 'warmup.');
  await post(webhookUrl, sim, account, warm, RATE);
  await waitForReplies(sim, warm, Date.now() + 30_000);

  const main = await measure(webhookUrl, account, RATE, 'customer.');
  rows = [
    row(
      'reply p50 ms',
      main.reply.p50,
      main.ack.p50,
      `< ${TARGET_P50_MS} ms`,
      main.reply.p50 < TARGET_P50_MS,
    ),
    row(
      'reply p99 ms',
      main.reply.p99,
      main.ack.p99,
      `< ${TARGET_P99_MS} ms`,
      main.reply.p99 < TARGET_P99_MS,
    ),
    row('reply max ms', main.reply.max, main.ack.max, 'informational', true),
    row('deliveries acknowledged 200', main.acked, DMS, `= ${DMS}`, main.acked === DMS),
    row('DMs answered', main.reply.n, DMS, `= ${DMS}`, main.reply.n === DMS),
    { ...row('DMs answered twice', main.twice, null, '= 0', main.twice === 0), ratio: null },
    { ...row('replies with another text', main.wrong, null, '= 0', main.wrong === 0), ratio: null },
  ];
  // Informational, on the same server: a gentler rate, and up to past what this machine sustains.
  const sweep = [];
  for (const rate of EXTRA_RATES) {
    const r = await measure(webhookUrl, account, rate, `customer.${rate}.`);
    sweep.push({ rate, reply: r.reply, ack: r.ack, answered: r.reply.n, twice: r.twice });
  }
  printRows(rows);
  console.log(JSON.stringify({ bench: 'autoreply', dms: DMS, rate: RATE, rows }));
  for (const o of sweep)
    console.log(
      `at ${o.rate}/s: reply p50 ${o.reply.p50} ms, p99 ${o.reply.p99} ms (ack p50 ${o.ack.p50.toFixed(1)}, p99 ${o.ack.p99.toFixed(1)}); answered ${o.answered}, twice ${o.twice}`,
    );
  writeReport(new URL('./results-autoreply.md', import.meta.url), {
    dms: DMS,
    rate: RATE,
    postSeconds: main.seconds,
    rows,
    sweep,
  });
} finally {
  await rd.stop();
  await sim.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
if (rows?.some((x) => !x.pass)) process.exitCode = 1;
