import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { sha256Hex } from '../secrets.js';

describe.each(dialects)('Chatrace ingestion on %s', (dialect) => {
  let t: TestApp;
  const token = 'rdw_test_connection_token_0123456789';
  let accountId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const me = (
      await t.app.http.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${t.token}` } })
    ).json();
    ({ id: accountId } = await t.app.services.accounts.create({
      workspace_id: me.workspace.id,
      provider: 'chatrace',
      external_id: '1234567',
      webhook_token_hash: sha256Hex(token),
      settings: JSON.stringify({ chatraceFieldMap: {} }),
    }));
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.http.inject({
      method: 'POST',
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const seedBody = {
    senderId: 'test123',
    messageId: 'test-msg-1',
    text: 'Тестовое сообщение',
    username: 'test_user',
    timestamp: 1731499200,
  };

  it('accepts the seed body with the token in a header and answers like the seed', async () => {
    const res = await post('/api/v1/chatrace/webhook', seedBody, { 'x-relaydesk-token': token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
    const ev = await eventually(() =>
      t.tdb.db
        .selectFrom('inbound_events')
        .selectAll()
        .where('external_id', '=', 'test-msg-1')
        .executeTakeFirst(),
    );
    expect(ev).toMatchObject({
      kind: 'message',
      source: 'chatrace',
      account_id: accountId,
      sender_id: 'test123',
    });
    expect(ev.occurred_at).toBe('2024-11-13T12:00:00.000Z');
  });

  it('accepts the token as ?token= and on the seed path /instagram/webhook', async () => {
    const res = await post(`/instagram/webhook?token=${token}`, { ...seedBody, messageId: 'seed-path-1' });
    expect(res.statusCode).toBe(200);
    await eventually(() =>
      t.tdb.db
        .selectFrom('inbound_events')
        .select('id')
        .where('external_id', '=', 'seed-path-1')
        .executeTakeFirst(),
    );
  });

  it('rejects a missing or unknown token with 401 and logs the attempt without the body', async () => {
    const missing = await post('/api/v1/chatrace/webhook', seedBody);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toBe('webhook_token_missing');
    const unknown = await post('/api/v1/chatrace/webhook', seedBody, { 'x-relaydesk-token': 'nope' });
    expect(unknown.json().error).toBe('webhook_token_invalid');
    const rows = await t.tdb.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('source', '=', 'chatrace')
      .where('status', '=', 'rejected')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.body === null && !r.headers.includes(token))).toBe(true);
  });

  it('answers 422 naming the fields found when sender or text is missing, and keeps the body', async () => {
    const res = await post(
      '/api/v1/chatrace/webhook',
      { username: 'x', timestamp: 1 },
      { 'x-relaydesk-token': token },
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe('chatrace_fields_missing');
    expect(body.details.found).toContain('username');
    expect(body.details.missing).toContain('senderId');
    const row = await t.tdb.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('id', '=', body.details.deliveryId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(JSON.parse(row.body ?? '')).toEqual({ username: 'x', timestamp: 1 });
  });

  it('processes the delivery again after the field mapping is fixed and it is replayed', async () => {
    const odd = { data: { who: 'cust-9', said: 'ціна?' } };
    const res = await post('/api/v1/chatrace/webhook', odd, { 'x-relaydesk-token': token });
    expect(res.statusCode).toBe(422);
    const deliveryId = res.json().details.deliveryId;
    await t.app.services.accounts.update(accountId, {
      settings: JSON.stringify({ chatraceFieldMap: { senderId: '$.data.who', text: '$.data.said' } }),
    });
    const replay = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/webhook-events/${deliveryId}/replay`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(replay.statusCode).toBe(202);
    const ev = await eventually(() =>
      t.tdb.db.selectFrom('inbound_events').selectAll().where('sender_id', '=', 'cust-9').executeTakeFirst(),
    );
    expect(JSON.parse(ev.payload)).toMatchObject({ text: 'ціна?' });
  });

  it('accepts a form-encoded body', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/chatrace/webhook',
      payload: 'senderId=form-1&text=hello&messageId=form-msg-1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-relaydesk-token': token },
    });
    expect(res.statusCode).toBe(200);
  });
});
