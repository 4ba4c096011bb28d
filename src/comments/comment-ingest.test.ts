import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import type { AccountRow } from '../accounts/account.repository.js';
import type { WorkspaceEvent } from '../events/event-bus.js';
import { createLogger } from '../logger.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import { CommentRepository, type CommentRow } from './comment.repository.js';
import { CommentIngestService } from './comment-ingest.service.js';

// Comments from webhooks on both databases: the doc fixtures of both delivery shapes through the
// app's real ingest path, replays, the live and outbound events, and the hook for comment rules.

const fixtures = join(import.meta.dirname, '../../test/fixtures');
/** Meta's doc pages wrap examples in [ … ]; a delivery is the object inside */
const delivery = (path: string) => JSON.parse(readFileSync(join(fixtures, path), 'utf8'))[0];
const ACCOUNT = '17841405309211844';

describe.each(dialects)('comments from webhooks on %s', (dialect) => {
  let t: TestApp;
  let account: AccountRow;
  const live: WorkspaceEvent[] = [];
  const db = () => t.app.database.db;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { worker: false });
    const me = await t.app.http.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${t.token}` },
    });
    const workspaceId = me.json().workspace.id;
    account = await t.app.services.accounts.create({
      ...{ workspace_id: workspaceId, provider: 'instagram', external_id: ACCOUNT, username: 'linen' },
    });
    t.app.services.bus.subscribe(workspaceId, (e) => live.push(e));
    const hook = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/outbound-webhooks',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['comment.created'] },
    });
    expect(hook.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  /** posts a signed delivery and processes it as the job would; returns the delivery id */
  async function deliver(body: unknown): Promise<string> {
    expect((await t.postMeta(body)).statusCode).toBe(200);
    await t.app.services.ingest.drain();
    const rows = await db()
      .selectFrom('webhook_events')
      .select('id')
      .where('status', '!=', 'processed')
      .execute();
    await t.app.services.events.processDeliveries(rows.map((r) => r.id));
    return rows[0]?.id ?? '';
  }
  const comments = () => db().selectFrom('comments').selectAll().orderBy('ig_comment_id').execute();
  const outbound = () =>
    db().selectFrom('outbound_deliveries').selectAll().where('event_type', '=', 'comment.created').execute();
  const created = () => live.filter((e) => e.type === 'comment.created');

  it('stores a comment from the Instagram-Login fixture once, however often it is replayed', async () => {
    const id = await deliver(delivery('webhooks-ig-login/comments_flat.json'));
    for (let i = 0; i < 2; i++) {
      const res = await t.app.http.inject({
        method: 'POST',
        url: `/api/v1/webhook-events/${id}/replay`,
        headers: { authorization: `Bearer ${t.token}` },
      });
      expect(res.statusCode).toBe(202);
      await t.app.services.events.processDeliveries([id]);
    }
    const rows = await comments();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ig_comment_id: '18040921513523045',
      ig_media_id: '17918195224117851',
      parent_ig_comment_id: null,
      from_igsid: '6983345578376412',
      from_username: 'jane.doe.designs',
      text: 'Love this! Do you ship to Canada?',
      timestamp: new Date(1748953520 * 1000).toISOString(),
      source: 'webhook',
      from_self: 0,
      hidden: 0,
      deleted: 0,
    });
    expect(created().map((e) => (e.data as { igCommentId: string }).igCommentId)).toEqual([
      '18040921513523045',
    ]);
    const sent = await outbound();
    expect(sent.map((d) => d.event_id)).toEqual([`comment:${rows[0]?.id}`]);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      type: 'comment.created',
      data: { text: 'Love this! Do you ship to Canada?', from: { username: 'jane.doe.designs' } },
    });
  });

  it('stores the Facebook-Login shape (comment_id, parent_id) as a reply', async () => {
    await deliver(delivery('webhooks-fb-login/comments.json'));
    // the same comment id as the IG-Login fixture: already stored, so nothing new
    expect(await comments()).toHaveLength(1);
    const reply = structuredClone(delivery('webhooks-fb-login/comments.json'));
    reply.entry[0].changes[0].value.comment_id = '18040921513529999';
    await deliver(reply);
    const stored = (await comments()).find((c) => c.ig_comment_id === '18040921513529999');
    expect(stored).toMatchObject({ parent_ig_comment_id: '17870913679156914', from_self: 0 });
    expect(await outbound()).toHaveLength(2);
  });

  it("shows the account's own comment live, but announces it nowhere else", async () => {
    const own = structuredClone(delivery('webhooks-ig-login/comments_flat.json'));
    Object.assign(own.entry[0].value, { id: '18040921513520000', from: { id: ACCOUNT, username: 'linen' } });
    await deliver(own);
    const stored = (await comments()).find((c) => c.ig_comment_id === '18040921513520000');
    expect(stored?.from_self).toBe(1);
    expect(created()).toHaveLength(3);
    expect(await outbound()).toHaveLength(2);
  });

  describe('afterCreate (the comment rules)', () => {
    const event = (commentId: string, fromId: string): EventRow =>
      ({
        id: `ev-${commentId}`,
        kind: 'comment',
        sender_id: fromId,
        occurred_at: '2026-01-15T12:00:00.000Z',
        payload: JSON.stringify({
          field: 'comments',
          value: {
            id: commentId,
            from: { id: fromId, username: 'olga' },
            text: 'Price?',
            media: { id: 'm-1' },
          },
        }),
      }) as EventRow;
    let calls: CommentRow[][] = [];
    let failNext = false;
    const consumer = () =>
      new CommentIngestService(
        new CommentRepository(db()),
        t.app.services.bus,
        createLogger('silent'),
        Date.now,
        async (_a, c) => {
          if (failNext) {
            failNext = false;
            throw new Error('rules unavailable');
          }
          calls.push(c);
        },
      );

    it('runs once per new comment from others, after a failed run again, and never for replays', async () => {
      calls = [];
      const c = consumer();
      await c.handle([event('c-100', '111'), event('c-101', ACCOUNT)], account);
      await c.handle([event('c-100', '111')], account);
      expect(calls.map((list) => list.map((x) => x.ig_comment_id))).toEqual([['c-100']]);

      failNext = true;
      await expect(c.handle([event('c-102', '111')], account)).rejects.toThrow('rules unavailable');
      await c.handle([event('c-102', '111')], account);
      await c.handle([event('c-102', '111')], account);
      expect(calls.map((list) => list.map((x) => x.ig_comment_id))).toEqual([['c-100'], ['c-102']]);
      expect((await outbound()).filter((d) => d.event_id.startsWith('comment:'))).toHaveLength(4);
    });

    it('runs for a comment a sync stored first, when its webhook then arrives', async () => {
      calls = [];
      const repo = new CommentRepository(db());
      const base = (await comments())[0] as CommentRow;
      await repo.upsertSynced([
        { ...base, id: 'sync-1', ig_comment_id: 'c-200', source: 'sync', webhook_at: null, from_self: 0 },
      ]);
      await consumer().handle([event('c-200', '111')], account);
      await consumer().handle([event('c-200', '111')], account);
      expect(calls.map((list) => list.map((x) => x.ig_comment_id))).toEqual([['c-200']]);
    });
  });
});
