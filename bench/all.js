// npm run bench — every benchmark, one after another (they would skew each other side by side), and
// one table of all their figures in bench/results.md. Exits 1 when a figure misses its target or a
// benchmark fails to report.
//   node bench/all.js [name …]         only these benchmarks (e.g. `ingest autoreply`)
//   BENCH_QUICK=1                      smaller sizes for a quick look (the table says so)
//   BENCH_MACHINE_NOTE="…"             a sentence about the machine, copied into the table's header
//   BENCH_TIMEOUT_MINUTES (30)         a benchmark still running after this long is stopped and fails
//
// A benchmark joins by convention: package.json has a `bench:<name>` script and bench/<name>.js
// exists. It prints, as one line of stdout, its figures as JSON:
//   {"bench":"<name>","rows":[{"figure","value","baseline","ratio","target","pass"}…], …sizes}
// (or rows grouped per database: "runs":[{"database","rows":[…]}]); numbers and strings beside
// "bench" are the sizes it ran with. It exits non-zero when a target fails.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseReport, writeResults } from './all-report.js';
import { describeMachine, watchOtherLoad } from './machine.js';

const here = (p) => new URL(p, import.meta.url);
const quick = process.env.BENCH_QUICK === '1';
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 30) * 60_000;

/** what BENCH_QUICK=1 changes per benchmark; others get BENCH_QUICK=1 in their environment */
const QUICK = {
  ingest: { env: { BENCH_DURATION: '5' } },
  inbox: { args: ['--messages', '100000', '--conversations', '2000', '--iterations', '500'] },
  scheduler: { args: ['--sqlite-only'] },
  autoreply: { args: ['--rate-only'] },
  'scale-out': { env: { BENCH_DURATION: '5' } },
  resilience: { env: { FUZZ_CASES: '800' } },
};

function discover() {
  const { scripts } = JSON.parse(readFileSync(here('../package.json'), 'utf8'));
  return Object.keys(scripts)
    .map((s) => /^bench:(.+)$/.exec(s)?.[1])
    .filter((name) => name && existsSync(here(`./${name}.js`)));
}

function run(name, runId) {
  const q = quick ? (QUICK[name] ?? {}) : {};
  const args = q.args ?? [];
  console.log(`\n=== ${name}: node bench/${name}.js ${args.join(' ')}`.trimEnd());
  const started = performance.now();
  const load = watchOtherLoad(`RELAYDESK_BENCH_RUN=${runId}`);
  const child = spawn(process.execPath, [here(`./${name}.js`).pathname, ...args], {
    env: { ...process.env, ...q.env, ...(quick ? { BENCH_QUICK: '1' } : {}), RELAYDESK_BENCH_RUN: runId },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, so stopping it stops its servers too
  });
  const lines = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop();
    lines.push(...parts);
  });
  // SIGINT, as Ctrl-C would: the benchmarks and servers clean up on it (inbox.js stops its
  // PostgreSQL); whatever still runs 15 s later is killed.
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  const stopGroup = () => {
    signalGroup('SIGINT');
    setTimeout(() => signalGroup('SIGKILL'), 15_000).unref();
  };
  const timer = setTimeout(() => {
    console.error(`${name}: still running after ${timeoutMs / 60_000} min; stopping it`);
    stopGroup();
  }, timeoutMs);
  const interrupt = () => {
    interrupted = true;
    stopGroup();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', interrupt);
      process.removeListener('SIGTERM', interrupt);
      if (partial) lines.push(partial);
      resolve({
        lines,
        exitCode: code ?? signal,
        seconds: (performance.now() - started) / 1000,
        load: load.stop(),
        args,
      });
    });
  });
}

const only = process.argv.slice(2);
const names = discover().filter((n) => !only.length || only.includes(n));
const unknown = only.filter((n) => !names.includes(n));
if (unknown.length) {
  console.error(`No benchmark ${unknown.join(', ')}; there are: ${discover().join(', ')}`);
  process.exit(2);
}

// Every process a benchmark starts inherits this variable, which tells its CPU use from other work.
const runId = randomUUID();
let interrupted = false;
const startedAt = new Date();
const began = performance.now();
const runs = [];
for (const name of names) {
  const r = await run(name, runId);
  if (interrupted) process.exit(130);
  const report = parseReport(name, r.lines);
  const rows = report?.rows.length
    ? report.rows
    : [{ figure: 'printed its figures as a JSON line', value: 'no', target: 'yes', pass: false }];
  if (r.exitCode !== 0 && rows.every((x) => x.pass))
    rows.push({ figure: 'exit code', value: r.exitCode, target: '0', pass: false });
  const details = `results-${name}.md`;
  const { lines, ...timing } = r;
  runs.push({
    ...timing,
    name,
    rows,
    setup: report?.setup,
    details: existsSync(here(details)) ? details : null,
  });
}

const machine = describeMachine();
const seconds = (performance.now() - began) / 1000;
const note = process.env.BENCH_MACHINE_NOTE?.trim();
writeResults(here('./results.md'), { machine, runs, quick, note, startedAt, seconds });
const failed = runs.flatMap((r) => r.rows.filter((x) => !x.pass).map((x) => `${r.name}: ${x.figure}`));
console.log(`\nbench/results.md written (${runs.length} benchmarks, ${Math.round(seconds)} s).`);
if (failed.length) {
  console.log(`Missed targets:\n  ${failed.join('\n  ')}`);
  process.exitCode = 1;
}
