import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/db.js';
import { all, dbName, info, none, reportFigures } from '../support/figures.js';
import { startServerProcess } from '../support/server-process.js';

// kill -9 the server while clients post signed deliveries; after a restart every delivery that
// got a 200 is stored and processed. Runs against the built server (npm run build).
describe.each(dialects)('crash safety on %s', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-crash-'));
  let tdb: TestDatabase | undefined;
  afterAll(async () => {
    await tdb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged delivery across kill -9', async () => {
    const secret = randomBytes(16).toString('hex');
    const env: Record<string, string> = { DATA_DIR: dataDir, INSTAGRAM_APP_SECRET: secret };
    if (dialect === 'postgres') {
      tdb = await createTestDatabase('postgres');
      env.DATABASE_URL = tdb.location.kind === 'postgres' ? tdb.location.url : '';
    }
    const server = await startServerProcess(env);
    const acked: string[] = [];
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const mid = `mid.crash.${n++}`;
        const raw = JSON.stringify({
          object: 'instagram',
          entry: [
            {
              id: '17841405309211844',
              time: Date.now(),
              messaging: [
                {
                  sender: { id: '42' },
                  recipient: { id: '17841405309211844' },
                  timestamp: Date.now(),
                  message: { mid, text: `повідомлення ${mid} ✅` },
                },
              ],
            },
          ],
        });
        try {
          const res = await fetch(`${server.url}/api/v1/instagram/webhook`, {
            method: 'POST',
            body: raw,
            headers: {
              'content-type': 'application/json',
              'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
            },
          });
          if (res.status === 200) acked.push(mid);
        } catch {
          // the server died mid-request: not acknowledged, so Meta would retry it
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    await new Promise((r) => setTimeout(r, 1500));
    server.kill9();
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(clients);
    expect(acked.length).toBeGreaterThan(50);

    const restarted = await startServerProcess(env);
    const location =
      dialect === 'postgres'
        ? { kind: 'postgres' as const, url: env.DATABASE_URL! }
        : { kind: 'sqlite' as const, file: join(dataDir, 'relaydesk.db') };
    const db = openDatabase(location);
    try {
      // A job the killed process held stays leased for up to 30 s before another run takes it.
      const deadline = Date.now() + 60_000;
      let missing: string[] = [];
      let unfinished: string[] = [];
      for (;;) {
        const rows = await db.db.selectFrom('inbound_events').select('external_id').execute();
        const have = new Set(rows.map((r) => r.external_id));
        missing = acked.filter((m) => !have.has(m));
        // Every accepted delivery ends processed (here: unrouted, as no account is connected).
        const pending = await db.db
          .selectFrom('webhook_events')
          .select('id')
          .where('status', '=', 'received')
          .execute();
        unfinished = pending.map((r) => r.id);
        if ((missing.length === 0 && unfinished.length === 0) || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(missing).toEqual([]);
      expect(unfinished).toEqual([]);
      // …and exactly once: one event per acknowledged message.
      const events = await db.db.selectFrom('inbound_events').select('external_id').execute();
      const once = new Set(events.map((e) => e.external_id));
      expect(events.length).toBe(once.size);
      reportFigures('crash', [
        info(`deliveries acknowledged before kill -9 (${dbName(dialect)})`, acked.length),
        all(
          `acknowledged deliveries stored and processed after restart (${dbName(dialect)})`,
          acked.filter((m) => once.has(m)).length,
          acked.length,
          'acknowledged',
        ),
        none(`events stored twice (${dbName(dialect)})`, events.length - once.size),
      ]);
    } finally {
      await db.close();
      await restarted.stop();
    }
  }, 120_000);
});
