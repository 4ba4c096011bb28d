import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { textOp as text } from '../../test/support/inbox.js';
import type { AccountRow } from '../accounts/account.repository.js';
import { sha256Hex } from '../secrets.js';
import { ContactRepository } from './contact.repository.js';

// The inbox API over HTTP (inject): the list order and its keyset pages, filters and search,
// operator actions, contacts with notes, tags and a Chatrace twin, and a Chatrace conversation
// answered through Chatrace's API (a stub on loopback).

interface Sent {
  path: string;
  body: Record<string, unknown>;
}

function startChatraceStub(sent: Sent[]): Promise<Server> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      sent.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true }));
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe.each(dialects)('conversations and contacts on %s', (dialect) => {
  let t: TestApp;
  let chatrace: Server;
  const sent: Sent[] = [];
  let instagram: AccountRow;
  const webhookToken = 'rdw_inbox_test_token_0123456789';

  beforeAll(async () => {
    chatrace = await startChatraceStub(sent);
    const port = (chatrace.address() as AddressInfo).port;
    t = await createTestApp(dialect, { CHATRACE_API_URL: `http://127.0.0.1:${port}` });
    const admin = await t.app.services.users.findAdmin();
    const ws = admin?.workspace_id ?? '';
    instagram = await t.app.services.accounts.create({
      workspace_id: ws,
      provider: 'instagram',
      external_id: '17841400000000009',
      access_token_enc: t.app.services.secrets.encrypt('IGAA-x'),
    });
    await t.app.services.accounts.create({
      workspace_id: ws,
      provider: 'chatrace',
      external_id: '1234567',
      webhook_token_hash: sha256Hex(webhookToken),
      access_token_enc: t.app.services.secrets.encrypt('1234567.chatrace-api-token'),
      settings: JSON.stringify({ chatraceFieldMap: {} }),
    });
    const now = Date.now();
    const ops = Array.from({ length: 7 }, (_, i) =>
      text(`10000000000000${i}`, `mid.${i}`, new Date(now - (10 - i) * 60_000).toISOString(), `hello ${i}`),
    );
    await t.app.services.inbox.apply(instagram, ops);
    // customer 3 has a username the Chatrace contact below shares
    const anna = await t.tdb.db
      .selectFrom('contacts')
      .select('id')
      .where('external_id', '=', '100000000000003')
      .executeTakeFirstOrThrow();
    await new ContactRepository(t.tdb.db).update(anna.id, { username: 'anna_k', name: 'Анна Коваль' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((done) => chatrace.close(done));
  });

  const api = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.token}` },
      payload,
    });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists unread first, newest first, in keyset pages without gaps or repeats', async () => {
    const first = (await api('GET', '/api/v1/conversations')).body.items;
    await api('POST', `/api/v1/conversations/${first[0].id}/read`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await api('GET', `/api/v1/conversations?limit=3${q}`)).body;
      seen.push(...page.items.map((c: { contact: { igsid: string } }) => c.contact.igsid));
      cursor = page.nextCursor;
    } while (cursor);
    // 6 unread (newest first), then the one just read
    expect(seen).toEqual([
      '100000000000005',
      '100000000000004',
      '100000000000003',
      '100000000000002',
      '100000000000001',
      '100000000000000',
      '100000000000006',
    ]);
  });

  it('pages a thread newest first, also through messages with the same time', async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const same = Array.from({ length: 4 }, (_, i) =>
      text('100000000000099', `mid.same.${i}`, at, `same ${i}`),
    );
    const later = text('100000000000099', 'mid.later', new Date().toISOString(), 'later');
    const { conversations } = await t.app.services.inbox.apply(instagram, [...same, later]);
    const id = conversations[0]?.id;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await api('GET', `/api/v1/conversations/${id}/messages?limit=2${q}`)).body;
      seen.push(...page.items.map((m: { text: string }) => m.text));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen[0]).toBe('later');
    expect(seen.slice(1).sort()).toEqual(['same 0', 'same 1', 'same 2', 'same 3']);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by unread, status and search, and keeps operator changes', async () => {
    const all = (await api('GET', '/api/v1/conversations')).body.items;
    const target = all.find((c: { contact: { igsid: string } }) => c.contact.igsid === '100000000000003');
    const closed = await api('PATCH', `/api/v1/conversations/${target.id}`, {
      status: 'closed',
      assigneeId: (await t.app.services.users.findAdmin())?.id,
    });
    expect(closed.body).toMatchObject({ status: 'closed', assigneeId: expect.any(String) });
    expect((await api('GET', '/api/v1/conversations?status=closed')).body.items).toHaveLength(1);
    expect((await api('GET', '/api/v1/conversations?unread=false')).body.items).toHaveLength(1);
    // case-insensitive in any script, and `_` is a letter, not a wildcard
    for (const q of ['ANNA', 'анна', 'КОВАЛЬ', '@anna_k', 'anna_'])
      expect(
        (await api('GET', `/api/v1/conversations?q=${encodeURIComponent(q)}`)).body.items.map(
          (c: { id: string }) => c.id,
        ),
        q,
      ).toEqual([target.id]);
    expect((await api('GET', '/api/v1/conversations?q=annaxk')).body.items).toEqual([]);
    const bad = await api('PATCH', `/api/v1/conversations/${target.id}`, { assigneeId: 'nobody' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    // a new message from the customer reopens it
    await t.app.services.inbox.apply(instagram, [
      text('100000000000003', 'mid.reopen', new Date().toISOString(), 'one more question'),
    ]);
    expect((await api('GET', `/api/v1/conversations/${target.id}`)).body.status).toBe('open');
  });

  it('lists the conversations where the bot keeps quiet: paused, or the customer opted out', async () => {
    const silenced = async () =>
      (await api('GET', '/api/v1/conversations?automation=silenced')).body.items.map(
        (c: { contact: { igsid: string } }) => c.contact.igsid,
      );
    expect(await silenced()).toEqual([]);
    const all = (await api('GET', '/api/v1/conversations')).body.items;
    const of = (igsid: string) => all.find((c: { contact: { igsid: string } }) => c.contact.igsid === igsid);
    const paused = await api('PUT', `/api/v1/conversations/${of('100000000000001').id}/automation`, {
      paused: true,
      minutes: 60,
    });
    expect(paused.status).toBe(200);
    await t.tdb.db
      .updateTable('contacts')
      .set({ automation_opted_out_at: new Date().toISOString() })
      .where('id', '=', of('100000000000005').contact.id)
      .execute();
    expect((await silenced()).sort()).toEqual(['100000000000001', '100000000000005']);
    // a pause that has run out no longer silences
    await t.tdb.db
      .updateTable('conversations')
      .set({ automation_paused_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', of('100000000000001').id)
      .execute();
    expect(await silenced()).toEqual(['100000000000005']);
    expect((await api('GET', '/api/v1/conversations?automation=paused')).status).toBe(400);
  });

  it('links a Chatrace contact to the Instagram one by username, and answers it through Chatrace', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/chatrace/webhook',
      headers: { 'x-relaydesk-token': webhookToken, 'content-type': 'application/json' },
      payload: {
        senderId: 'ct-555',
        messageId: 'ct-msg-1',
        text: 'Hi from Chatrace',
        username: 'anna_k',
        name: 'Anna',
      },
    });
    expect(res.statusCode).toBe(200);
    const conversation = await eventually(async () =>
      (await api('GET', '/api/v1/conversations?q=ct-555')).body.items.find(
        (c: { provider: string }) => c.provider === 'chatrace',
      ),
    );
    const contact = (await api('GET', `/api/v1/contacts/${conversation.contact.id}`)).body;
    expect(contact).toMatchObject({ source: 'chatrace', username: 'anna_k', name: 'Anna' });
    expect(contact.linked).toEqual([
      { id: expect.any(String), accountId: instagram.id, source: 'instagram' },
    ]);

    const queued = await api('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      text: 'Hello Anna',
    });
    expect(queued.status).toBe(202);
    await eventually(async () => sent.some((s) => s.path === '/contacts/ct-555/send/text'));
    expect(sent.find((s) => s.path === '/contacts/ct-555/send/text')?.body).toMatchObject({
      text: 'Hello Anna',
    });
    const thread = await eventually(async () => {
      const items = (await api('GET', `/api/v1/conversations/${conversation.id}/messages`)).body.items;
      return items[0]?.status === 'sent' ? items : null;
    });
    expect(thread.map((m: { direction: string }) => m.direction)).toEqual(['outbound', 'inbound']);
  });

  it('keeps notes and tags, and finds contacts by tag and name', async () => {
    const [contact] = (await api('GET', `/api/v1/contacts?q=@anna_k&accountId=${instagram.id}`)).body.items;
    const patched = await api('PATCH', `/api/v1/contacts/${contact.id}`, {
      notes: 'Prefers linen',
      tags: ['#vip', 'vip', 'wholesale'],
    });
    expect(patched.body).toMatchObject({ notes: 'Prefers linen', tags: ['vip', 'wholesale'] });
    expect(
      (await api('GET', '/api/v1/contacts?tag=vip')).body.items.map((c: { id: string }) => c.id),
    ).toEqual([contact.id]);
    expect((await api('PATCH', `/api/v1/contacts/${contact.id}`, {})).status).toBe(400);
    expect((await api('GET', '/api/v1/contacts/does-not-exist')).status).toBe(404);
  });
});
