// Shared helpers for the benchmarks: free ports, child servers, autocannon runs, result rows.
import { fork, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function waitReady(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} not ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startBare() {
  const port = await freePort();
  const child = fork(new URL('./bare-server.js', import.meta.url), [], {
    env: { ...process.env, PORT: String(port) },
  });
  await new Promise((r) => child.once('message', r));
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export async function startRelaydesk(env) {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const bin = new URL('../bin/relaydesk.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/readyz`);
  return { url, stop: () => stopChild(child) };
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** a Meta text-DM delivery of about 1 KB, unique per call, signed with the app secret */
export function signedDelivery(secret, n) {
  const pad = 'Доброго дня! Скільки коштує доставка до Львова? 🙂 '.repeat(12);
  const body = JSON.stringify({
    object: 'instagram',
    entry: [
      {
        time: Date.now(),
        id: '17841405309211844',
        messaging: [
          {
            sender: { id: String(6983345578376412 + (n % 5000)) },
            recipient: { id: '17841405309211844' },
            timestamp: Date.now(),
            message: { mid: `mid.bench.${process.pid}.${n}`, text: pad.slice(0, 700) },
          },
        ],
      },
    ],
  });
  return { body, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

export function load(
  url,
  { connections = 100, duration = 10, secret = 'x', path = '/api/v1/instagram/webhook', firstN = 0 } = {},
) {
  // firstN: where this run's delivery numbers start, so parallel runs never send the same mid
  let n = firstN;
  return autocannon({
    url: `${url}${path}`,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(req) {
          const { body, signature } = signedDelivery(secret, n++);
          return { ...req, body, headers: { ...req.headers, 'x-hub-signature-256': signature } };
        },
      },
    ],
  });
}

export function row(figure, value, baseline, target, pass) {
  return { figure, value, baseline, ratio: baseline ? value / baseline : null, target, pass };
}

export function printRows(rows) {
  for (const r of rows) {
    const ratio = r.ratio === null ? '' : ` ratio ${r.ratio.toFixed(2)}`;
    console.log(
      `${r.figure}: ${r.value}${r.baseline !== null ? ` vs baseline ${r.baseline}` : ''}${ratio}  target ${r.target}  ${r.pass ? 'PASS' : 'FAIL'}`,
    );
  }
}
