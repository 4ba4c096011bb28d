import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './services.js';

// Runs the BUILT server (`node bin/relaydesk.js serve`, so `npm run build` first) as a child
// process on a free loopback port: for end-to-end tests in a real browser and for crash tests
// that need a real process to SIGKILL.

const root = resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  /** the environment the server was started with (defaults merged with the overrides) */
  env: Record<string, string>;
  admin: { email: string; password: string };
  appSecret: string;
  /** the last lines the server printed, for failure messages */
  output(): string;
  /** how the process ended, or null while it runs */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** SIGTERM (graceful shutdown), waits for exit, removes a DATA_DIR it created itself */
  stop(): Promise<void>;
  /** SIGKILL, waits for exit; keeps DATA_DIR so a restart can find the data */
  kill9(): Promise<void>;
}

// Variables that would silently point the child at some other database, queue or Meta app.
const inheritedConfig =
  /^(DATABASE_URL|REDIS_URL|SECRET_KEY|PUBLIC_URL|ADMIN_|INSTAGRAM_|CHATRACE_|PORT$|HOST$|DATA_DIR$|LOG_LEVEL$)/;

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startServerProcess(
  overrides: Record<string, string> = {},
  opts: { readyTimeoutMs?: number; portRetries?: number } = {},
): Promise<ServerProcess> {
  const entry = join(root, 'dist', 'server', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before these tests`);
  const ownDataDir = overrides.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'relaydesk-proc-'));
  const port = overrides.PORT ?? String(await freePort());
  const env: Record<string, string> = {
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: ownDataDir ?? '',
    ADMIN_EMAIL: 'owner@example.com',
    ADMIN_PASSWORD: `pw-${randomBytes(9).toString('base64url')}`,
    INSTAGRAM_APP_SECRET: randomBytes(16).toString('hex'),
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: randomBytes(12).toString('hex'),
    LOG_LEVEL: 'warn',
    ...overrides,
  };
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !inheritedConfig.test(k)) base[k] = v;

  const child = spawn(process.execPath, [join(root, 'bin', 'relaydesk.js'), 'serve'], {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running.delete(child);
      done();
    }),
  );
  const output = () => lines.join('\n');
  const url = `http://127.0.0.1:${port}`;

  const killAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitReady(url, child, opts.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await killAndWait('SIGKILL', 0);
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    // freePort() releases the port it found; the child's own listeners (the demo simulator binds
    // port 0 first) may be handed the same one. Another free port fixes that race.
    const retries = opts.portRetries ?? 3;
    if (!overrides.PORT && retries > 0 && /EADDRINUSE/.test(output()))
      return startServerProcess(overrides, { ...opts, portRetries: retries - 1 });
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output()}`);
  }

  return {
    url,
    env,
    admin: { email: env.ADMIN_EMAIL ?? '', password: env.ADMIN_PASSWORD ?? '' },
    appSecret: env.INSTAGRAM_APP_SECRET ?? '',
    output,
    exitStatus: () =>
      child.exitCode === null && child.signalCode === null
        ? null
        : { code: child.exitCode, signal: child.signalCode },
    async stop() {
      await killAndWait('SIGTERM', 10_000);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
    kill9: () => killAndWait('SIGKILL', 0),
  };
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/readyz did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
