import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { newId } from '../db/ids.js';
import type { DeliveryStatus, JobState } from '../db/schema.js';
import { AttachmentFiles } from '../inbox/attachment.files.js';
import { createLogger } from '../logger.js';
import { CleanupRepository } from './cleanup.repository.js';
import { type CleanupOptions, CleanupService } from './cleanup.service.js';

// The cleanup on both databases: what is old and done goes, and each "never" holds: a delivery
// not processed keeps its body, an unfinished job its row, a named attachment its row and file.

const DAY = 86_400_000;
const T = Date.parse('2026-03-10T03:10:00Z');
const ago = (days: number) => new Date(T - days * DAY).toISOString();

describe.each(dialects)('cleanup on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let files: AttachmentFiles;
  let now = T;
  const db = () => tdb.db;
  const service = (o: CleanupOptions = {}) =>
    new CleanupService(
      new CleanupRepository(db()),
      (sha) => files.pathOf(sha),
      createLogger('silent'),
      () => now,
      o,
    );

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'relaydesk-cleanup-'));
    files = new AttachmentFiles(dir);
    now = T;
    const zones: [string, string][] = [
      ['ws-utc', 'UTC'],
      ['ws-kyiv', 'Europe/Kyiv'],
    ];
    for (const [id, timezone] of zones)
      await db()
        .insertInto('workspaces')
        .values({ id, name: id, timezone, created_at: ago(100), human_agent_enabled: 0 })
        .execute();
  });
  afterEach(async () => {
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function delivery(id: string, workspace: string | null, status: DeliveryStatus, days: number) {
    await db()
      .insertInto('webhook_events')
      .values({
        ...{ id, source: 'meta', received_at: ago(days), dedupe_key: id, body_sha256: 'x', body_size: 2 },
        ...{ body: '{}', headers: '{}', signature_valid: 1, status, error: null, workspace_id: workspace },
        ...{ account_id: null, event_count: 1, duplicate_count: 0, attempts: 1, processed_at: null },
      })
      .execute();
  }
  const body = async (id: string) =>
    (await db().selectFrom('webhook_events').select('body').where('id', '=', id).executeTakeFirstOrThrow())
      .body;
  async function job(id: string, state: JobState, finishedDays: number | null) {
    await db()
      .insertInto('jobs')
      .values({
        ...{ id, name: 'send-message', payload: '{}', state, unique_key: null, attempts: 1, max_attempts: 3 },
        ...{ run_at: ago(20), locked_until: null, locked_by: null, last_error: null, created_at: ago(20) },
        ...{ updated_at: ago(20), finished_at: finishedDays === null ? null : ago(finishedDays) },
      })
      .execute();
  }
  const jobIds = async () =>
    (await db().selectFrom('jobs').select('id').orderBy('id').execute()).map((j) => j.id);
  async function attachment(
    workspace: string,
    content: string,
    days: number,
  ): Promise<{ id: string; path: string }> {
    const file = await files.put(Buffer.from(content));
    const id = newId(T - days * DAY);
    await db()
      .insertInto('attachments')
      .values({
        ...{ id, workspace_id: workspace, sha256: file.sha256, mime_type: 'image/png', size: file.size },
        ...{ file_name: null, source_url: null, created_at: ago(days) },
      })
      .execute();
    return { id, path: files.pathOf(file.sha256) };
  }
  const attachmentIds = async () =>
    new Set((await db().selectFrom('attachments').select('id').execute()).map((a) => a.id));

  it('prunes old processed bodies and finished jobs; never an unprocessed delivery or an unfinished job', async () => {
    await delivery('d-old', 'ws-utc', 'processed', 40);
    await delivery('d-recent', 'ws-utc', 'processed', 5);
    for (const s of ['received', 'unrouted', 'failed'] as const) await delivery(`d-${s}`, 'ws-utc', s, 40);
    await delivery('d-kyiv', 'ws-kyiv', 'processed', 40);
    await delivery('d-nobody', null, 'processed', 40);
    await job('j-completed', 'completed', 20);
    await job('j-dead', 'dead', 20);
    await job('j-recent', 'completed', 3);
    for (const s of ['waiting', 'delayed', 'active'] as const) await job(`j-${s}`, s, null);

    // 03:10 UTC: the UTC workspace and the instance-wide part; Kyiv (05:10 there) waits
    const r = await service().run();
    expect(r).toMatchObject({ workspaces: 1, global: true, deliveryBodies: 2, jobs: 2 });
    expect(await body('d-old')).toBeNull();
    expect(await body('d-nobody')).toBeNull();
    for (const id of ['d-recent', 'd-received', 'd-unrouted', 'd-failed', 'd-kyiv'])
      expect(await body(id)).toBe('{}');
    expect(await jobIds()).toEqual(['j-active', 'j-delayed', 'j-recent', 'j-waiting']);

    // 01:10 UTC is 03:10 in Kyiv (UTC+2 in March): only that workspace's part runs
    now = T - 2 * 3_600_000;
    await job('j-completed-2', 'completed', 20);
    const k = await service().run();
    expect(k).toMatchObject({ workspaces: 1, global: false, deliveryBodies: 1, jobs: 0 });
    expect(await body('d-kyiv')).toBeNull();
    expect(await jobIds()).toContain('j-completed-2');
  });

  it('deletes unreferenced old attachments and their files; never a named one or a shared file', async () => {
    const inMessage = await attachment('ws-utc', 'message photo', 60);
    const asPicture = await attachment('ws-utc', 'profile picture', 60);
    const inRule = await attachment('ws-utc', 'rule image', 60);
    const orphan = await attachment('ws-utc', 'orphan', 60);
    const young = await attachment('ws-utc', 'fresh upload', 2);
    const shared = await attachment('ws-utc', 'same bytes', 60);
    const twin = await attachment('ws-kyiv', 'same bytes', 60);
    const msg = {
      workspace_id: 'ws-utc',
      account_id: 'a',
      conversation_id: 'c',
      direction: 'inbound',
      kind: 'image',
    };
    await db()
      .insertInto('messages')
      .values({
        ...msg,
        id: 'm1',
        status: 'received',
        sent_by: 'customer',
        attachments: JSON.stringify([
          { type: 'image', sourceUrl: null, attachmentId: inMessage.id, mimeType: null },
        ]),
        ...{ created_at: ago(60), updated_at: ago(60) },
      } as never)
      .execute();
    await db()
      .insertInto('contacts')
      .values({
        ...{ id: 'p1', workspace_id: 'ws-utc', account_id: 'a', source: 'instagram', external_id: '1' },
        ...{
          person_id: 'p1',
          profile_pic_attachment_id: asPicture.id,
          created_at: ago(60),
          updated_at: ago(60),
        },
      } as never)
      .execute();
    await db()
      .insertInto('dm_keyword_rules')
      .values({
        ...{ id: 'r1', workspace_id: 'ws-utc', keywords: '["price"]', match_type: 'contains' },
        ...{
          response_message: 'See photo',
          attachment: JSON.stringify({ type: 'image', attachmentId: inRule.id }),
        },
        ...{ created_at: ago(60), updated_at: ago(60) },
      } as never)
      .execute();

    const r = await service({ batchSize: 2 }).prune({ workspaceIds: ['ws-utc'], global: false });
    expect(r).toMatchObject({ attachments: 2, files: 1 });
    const left = await attachmentIds();
    for (const kept of [inMessage, asPicture, inRule, young, twin]) {
      expect(left.has(kept.id)).toBe(true);
      expect(existsSync(kept.path)).toBe(true);
    }
    expect([left.has(orphan.id), existsSync(orphan.path)]).toEqual([false, false]);
    // the row goes, the file stays: the other workspace's row has the same content
    expect([left.has(shared.id), existsSync(shared.path)]).toEqual([false, true]);
  });

  it("as the app wires it, also keeps what a product's images and a post's media name", async () => {
    const app = await createTestApp(dialect, {}, { worker: false });
    try {
      const adb = app.app.database.db;
      const ws = (await adb.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id;
      const old = new Date(Date.now() - 60 * DAY).toISOString();
      const row = (id: string) => ({
        ...{ id, workspace_id: ws, sha256: 'a'.repeat(64), mime_type: 'image/png', size: 1 },
        ...{ file_name: null, source_url: null, created_at: old },
      });
      const [named, orphan] = [newId(Date.now() - 60 * DAY), newId(Date.now() - 60 * DAY)];
      const sent = newId(Date.now() - 60 * DAY);
      await adb
        .insertInto('attachments')
        .values([row(named), row(orphan), row(sent)])
        .execute();
      await adb
        .insertInto('products')
        .values({
          ...{ id: 'p1', workspace_id: ws, name: 'Dress', search_text: 'dress', price: '10.00' },
          ...{ currency: 'EUR', image_urls: JSON.stringify([`/api/v1/attachments/${named}`]) },
          ...{ created_at: old, updated_at: old },
        } as never)
        .execute();
      // the link a post gave Meta (its product may name another image by now): Meta may still fetch it
      await adb
        .insertInto('auto_posts')
        .values({
          ...{ id: 'ap1', workspace_id: ws, account_id: 'a1', media_type: 'image', locale: 'en-US' },
          ...{ scheduled_at: old, status: 'failed', created_at: old, updated_at: old },
          published_media: JSON.stringify([
            { type: 'image', url: `https://x.example/api/v1/attachments/${sent}` },
          ]),
        } as never)
        .execute();
      const r = await app.app.services.cleanup.prune({ workspaceIds: [ws], global: true });
      expect(r.attachments).toBe(1);
      const left = await adb.selectFrom('attachments').select('id').orderBy('id').execute();
      expect(left.map((a) => a.id)).toEqual([named, sent].sort());
    } finally {
      await app.close();
    }
  });

  it('works in bounded batches and leaves the rest for the next run', async () => {
    for (let i = 0; i < 5; i++) await delivery(`d${i}`, 'ws-utc', 'processed', 40);
    const bounded = await service({ batchSize: 2, maxBatches: 1 }).prune({
      workspaceIds: ['ws-utc'],
      global: false,
    });
    expect(bounded.deliveryBodies).toBe(2);
    const all = await service({ batchSize: 2 }).prune({ workspaceIds: ['ws-utc'], global: false });
    expect(all.deliveryBodies).toBe(3);
  });
});
