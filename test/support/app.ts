import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DialectName } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  tdb: TestDatabase;
  app: App;
  appSecret: string;
  verifyToken: string;
  admin: { email: string; password: string };
  /** a bearer token for the admin */
  token: string;
  sign(body: string | Buffer): string;
  /** POSTs a correctly signed Meta delivery */
  postMeta(body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A full app (HTTP via inject, job worker running) on a fresh database of the given kind. */
export async function createTestApp(
  dialect: DialectName,
  env: Record<string, string> = {},
  opts: { clock?: () => number; worker?: boolean } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-app-'));
  const appSecret = env.INSTAGRAM_APP_SECRET ?? randomBytes(16).toString('hex');
  const verifyToken = randomBytes(8).toString('hex');
  const admin = { email: 'owner@example.com', password: 'correct horse battery' };
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(tdb.location.kind === 'postgres' ? { DATABASE_URL: tdb.location.url } : {}),
    INSTAGRAM_APP_SECRET: appSecret,
    // Tests configure Meta explicitly; demo mode has its own tests.
    SIMULATOR: 'off',
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: verifyToken,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'silent',
    ...env,
  });
  // The test database is already migrated; the app opens its own handle on the same file/URL.
  const patched = { ...config, database: tdb.location } as typeof config;
  const app = await createApp(patched, { logger: createLogger('silent'), clock: opts.clock });
  if (opts.worker !== false) await app.startWorker();
  const login = await app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
  const token = (login.json() as { accessToken: string }).accessToken;
  const sign = (body: string | Buffer) =>
    `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
  return {
    app,
    tdb,
    appSecret,
    verifyToken,
    admin,
    token,
    sign,
    postMeta(body, headers = {}) {
      const raw = typeof body === 'string' ? body : JSON.stringify(body);
      return app.http.inject({
        method: 'POST',
        url: '/api/v1/instagram/webhook',
        payload: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw), ...headers },
      });
    },
    async close() {
      await app.stop();
      await tdb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** polls until fn returns a truthy value (jobs run asynchronously) */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
