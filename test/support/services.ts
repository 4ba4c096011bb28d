import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Throw-away PostgreSQL and Redis servers on loopback for tests, benchmarks and the scale-out
// example. Nothing is shared with a system-wide server.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
}

const isRoot = process.getuid?.() === 0;

// initdb refuses to run as root, so as root the cluster belongs to the postgres user.
function runPg(bin: string, args: string[]): void {
  const cmd = isRoot ? 'runuser' : bin;
  const argv = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  execFileSync(cmd, argv, { stdio: 'pipe' });
}

export interface Service {
  url: string;
  stop(): Promise<void>;
  /** the server goes away (connections cut), as in an outage; PostgreSQL keeps its data, Redis loses it */
  interrupt(): Promise<void>;
  /** starts it again on the same port */
  resume(): Promise<void>;
}

export async function startPostgres(): Promise<Service> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'relaydesk-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runPg(join(bin, 'initdb'), [
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const pgOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  runPg(join(bin, 'pg_ctl'), [
    '-D',
    join(dir, 'data'),
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    pgOptions,
    'start',
  ]);
  const pgCtl = (...args: string[]) => runPg(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), ...args]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async interrupt() {
      pgCtl('-m', 'immediate', 'stop');
    },
    async resume() {
      pgCtl('-w', '-l', join(dir, 'log'), '-o', pgOptions, 'start');
    },
    async stop() {
      try {
        runPg(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function startRedis(): Promise<Service> {
  const port = await freePort();
  let child: ChildProcess;
  let exited: Promise<void>;
  const launch = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await waitForPort(port, 10_000);
  };
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  return { url: `redis://127.0.0.1:${port}`, stop: kill, interrupt: kill, resume: launch };
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
