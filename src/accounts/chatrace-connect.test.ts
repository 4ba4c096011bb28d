import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';
import { type GraphStub, startGraphStub } from '../../test/support/graph-stub-server.js';

// Chatrace's API is not simulated: a stub on loopback answers GET /accounts/me like its Swagger.
describe('connecting Chatrace', () => {
  let t: TestApp;
  let chatrace: GraphStub;
  const apiToken = '1234567.k9Zt4QbX2mWc8sVy';

  beforeAll(async () => {
    chatrace = await startGraphStub();
    chatrace.on('GET', '/accounts/me', (req) =>
      req.headers['x-access-token'] === apiToken
        ? { body: { page_id: 1234567, name: 'Vesna bot', active: true, created: 0, total_users: 10 } }
        : { status: 401, body: { message: 'Unauthorized' } },
    );
    t = await createTestApp('sqlite', { CHATRACE_API_URL: chatrace.url });
  });
  afterAll(async () => {
    await t.close();
    await chatrace.close();
  });

  const connect = (token: string) =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${t.token}` },
      payload: { provider: 'chatrace', apiToken: token },
    });

  it('verifies the {accountId}.{token} form and returns a webhook URL, token and body template once', async () => {
    const res = await connect(`  ${apiToken} `);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ provider: 'chatrace', status: 'active', username: 'Vesna bot' });
    expect(body.webhookUrl).toMatch(/\/api\/v1\/chatrace\/webhook$/);
    expect(body.webhookToken).toMatch(/^rdw_/);
    expect(JSON.parse(body.bodyTemplate)).toHaveProperty('senderId');
    // Only the hash of the webhook token is kept, and the API token is encrypted.
    const row = await t.tdb.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(body.webhookToken);
    expect(JSON.stringify(row)).not.toContain('k9Zt4QbX2mWc8sVy');
    // …and the token it issued really lets Chatrace deliver.
    const delivery = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/chatrace/webhook',
      headers: { 'content-type': 'application/json', 'x-relaydesk-token': body.webhookToken },
      payload: { senderId: 'c-1', messageId: 'c-msg-1', text: 'Скільки коштує?' },
    });
    expect(delivery.statusCode).toBe(200);
    await eventually(async () =>
      t.tdb.db
        .selectFrom('inbound_events')
        .select('id')
        .where('external_id', '=', 'c-msg-1')
        .where('account_id', '=', body.id)
        .executeTakeFirst(),
    );
  });

  it('refuses a token Chatrace rejects with 422 token_invalid', async () => {
    const res = await connect('999.wrong');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBe('token_invalid');
    expect(res.json().message).not.toContain('wrong');
  });

  it('validates JSONPath field mappings before saving them', async () => {
    const { id } = (await connect(apiToken)).json();
    const patch = (map: Record<string, string>) =>
      t.app.http.inject({
        method: 'PATCH',
        url: `/api/v1/accounts/${id}`,
        headers: { authorization: `Bearer ${t.token}` },
        payload: { chatraceFieldMap: map },
      });
    const bad = await patch({ senderId: '$.a[' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('validation_failed');
    expect((await patch({ senderId: '$.data.user.id' })).statusCode).toBe(200);
    const saved = await t.app.http.inject({
      url: `/api/v1/accounts/${id}`,
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(saved.json().chatraceFieldMap).toEqual({ senderId: '$.data.user.id' });
  });
});
