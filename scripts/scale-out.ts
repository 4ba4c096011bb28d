import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, type Simulator } from '../src/providers/simulator/index.js';
import { simEnv } from '../src/providers/simulator/testing.js';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.js';
import { type Service, startPostgres, startRedis } from '../test/support/services.js';
import { type RoundRobin, startRoundRobin } from './round-robin.js';

// npm run scale-out — the README's "Scaling out" example, runnable: a throw-away PostgreSQL and
// Redis, one Instagram simulator standing in for Meta, three `relaydesk serve` instances sharing
// them (same DATABASE_URL, REDIS_URL, SECRET_KEY and DATA_DIR), and a round-robin load balancer in
// front, all on 127.0.0.1. The resilience suite and bench/scale-out.js start the same set-up through
// startScaleOut(). Needs the build (`npm run build`), PostgreSQL's binaries and redis-server.

export interface ScaleOut {
  /** the load balancer: what Meta, browsers and API clients talk to */
  url: string;
  instances: ServerProcess[];
  balancer: RoundRobin;
  sim: Simulator;
  postgres: Service;
  redis: Service;
  /** the environment every instance shares */
  env: Record<string, string>;
  admin: { email: string; password: string };
  /** starts one more instance with the shared environment and puts it behind the balancer */
  addInstance(): Promise<ServerProcess>;
  /** takes an instance out of the balancer's pool (before stopping or killing it) */
  detach(instance: ServerProcess): void;
  stop(): Promise<void>;
}

export async function startScaleOut(
  opts: { instances?: number; env?: Record<string, string>; sim?: Simulator } = {},
): Promise<ScaleOut> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const sim = opts.sim ?? createSimulator({});
  if (!opts.sim) await sim.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-scale-out-'));
  const admin = { email: 'owner@example.com', password: `pw-${randomBytes(9).toString('base64url')}` };
  const env: Record<string, string> = {
    ...simEnv(sim),
    SIMULATOR: 'off',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    // Shared by every instance: tokens encrypted by one are read by the others, and attachments
    // stored by one are served by the others (in production: a shared volume).
    SECRET_KEY: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: randomBytes(12).toString('hex'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...opts.env,
  };
  const balancer = await startRoundRobin();
  const instances: ServerProcess[] = [];
  const pool = () => balancer.setBackends(instances.filter((i) => i.exitStatus() === null).map((i) => i.url));
  sim.webhooks.configure({ url: `${balancer.url}/api/v1/instagram/webhook` });

  const addInstance = async () => {
    const instance = await startServerProcess(env);
    instances.push(instance);
    pool();
    return instance;
  };
  try {
    // All at once, as an orchestrator would: the migration lock makes parallel starts safe.
    await Promise.all(Array.from({ length: opts.instances ?? 3 }, addInstance));
  } catch (err) {
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all([balancer.stop(), postgres.stop(), redis.stop(), opts.sim ? null : sim.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: balancer.url,
    instances,
    balancer,
    sim,
    postgres,
    redis,
    env,
    admin,
    addInstance,
    detach(instance) {
      balancer.setBackends(
        instances.filter((i) => i !== instance && i.exitStatus() === null).map((i) => i.url),
      );
    },
    async stop() {
      await Promise.all(instances.map((i) => i.stop()));
      await balancer.stop();
      await Promise.all([postgres.stop(), redis.stop(), opts.sim ? null : sim.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** As `npm run scale-out`: the demo shop connected, the addresses printed, Ctrl-C stops it all. */
async function main(): Promise<void> {
  const so = await startScaleOut();
  const demo = so.sim.seedDemo();
  const login = await fetch(`${so.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(so.admin),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const connect = await fetch(`${so.url}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'instagram', accessToken: demo.accessToken }),
  });
  if (!connect.ok) throw new Error(`connecting the demo account: ${connect.status} ${await connect.text()}`);
  const customer = demo.customers[0]?.username ?? 'a customer';
  console.log(`
Relaydesk, three instances on PostgreSQL and Redis, behind a load balancer:

  dashboard and API   ${so.url}        (log in as ${so.admin.email} / ${so.admin.password})
  instances           ${so.instances.map((i) => i.url).join('  ')}
  PostgreSQL          ${so.postgres.url}
  Redis               ${so.redis.url}
  Instagram simulator ${so.sim.url}

A customer writes to the demo shop (the simulator signs and delivers the webhook to the balancer):

  curl -s -X POST ${so.sim.url}/__sim/customer-message -H 'content-type: application/json' \\
    -d '{"from":"${customer}","text":"Скільки коштує сукня?"}'

Ctrl-C stops everything and deletes its data.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await so.stop();
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
