import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/app.js';
import { type AutomationWorld, startAutomationWorld } from './support/automation-setup.js';
import { dialects } from './support/db.js';

// DM automation end to end, beyond the basics in automation.test.ts: the file and quick replies of
// a rule, takeover from the Instagram app and its end when the conversation is closed, a
// configured takeover time, an agent's API reply that does not pause the bot, and a reply whose
// send job was lost.

describe.each(dialects)('DM automation on %s', (dialect) => {
  let w: AutomationWorld;

  beforeAll(async () => {
    w = await startAutomationWorld(dialect);
  });
  afterAll(async () => w.close());

  /** a delivery of a message the business typed in the Instagram app (an echo Meta sends us) */
  async function replyInInstagramApp(username: string, text: string) {
    const igsid = w.sim.state.findCustomer(username)?.igsid as string;
    const at = Date.now();
    const body = {
      object: 'instagram',
      entry: [
        {
          id: w.igUserId,
          time: at,
          messaging: [
            {
              sender: { id: w.igUserId },
              recipient: { id: igsid },
              timestamp: at,
              message: { mid: `aWdfYXBwX3JlcGx5XzE${at}`, text, is_echo: true },
            },
          ],
        },
      ],
    };
    expect((await w.t.postMeta(body)).statusCode).toBe(200);
  }
  const pause = async (conversationId: string) =>
    (await w.api('GET', `/api/v1/conversations/${conversationId}`)).body.automation as {
      pausedUntil: string | null;
      pausedBy: string | null;
    };

  it("sends a rule's text with its quick replies, then its file", async () => {
    const rule = await w.api('POST', '/api/v1/dm-keywords', {
      keywords: ['прайс', 'price list'],
      matchType: 'contains',
      responseMessage: 'Ось наш прайс',
      quickReplies: [{ title: 'Сукні', payload: 'DRESSES' }, { title: 'Сорочки' }],
      attachment: { type: 'image', url: 'https://cdn.example.com/price-list.jpg' },
    });
    expect(rule.status).toBe(201);
    await w.write('maria', 'Можна PRICE LIST?');
    const [action] = await w.decisions('maria', 1);
    expect(action).toMatchObject({ kind: 'dm_keyword', status: 'queued', ruleId: rule.body.id });
    const sent = await eventually(async () => (w.sentTo('maria').length === 2 ? w.sentTo('maria') : null));
    expect(sent.map((m) => [m.text, m.quickReplies, m.attachments])).toEqual([
      [
        'Ось наш прайс',
        [
          { title: 'Сукні', payload: 'DRESSES' },
          { title: 'Сорочки', payload: 'Сорочки' },
        ],
        [],
      ],
      [
        undefined,
        undefined,
        [{ type: 'image', url: 'https://cdn.example.com/price-list.jpg', id: undefined }],
      ],
    ]);
    // the decision names the text it sent; both messages are the bot's in the inbox
    expect(action?.text).toBe('Ось наш прайс');
    const c = await w.conversationOf('maria');
    const msgs = await eventually(async () => {
      const items = (await w.api('GET', `/api/v1/conversations/${c.id}/messages`)).body.items;
      return items.filter((m: { status: string }) => m.status === 'sent').length === 2 ? items : null;
    });
    expect(msgs.slice(0, 2).map((m: { sentBy: string; kind: string }) => [m.sentBy, m.kind])).toEqual([
      ['automation', 'attachment'],
      ['automation', 'text'],
    ]);
  });

  it('pauses when a person answers in the Instagram app, and resumes when the conversation is closed', async () => {
    const rule = (
      await w.api('POST', '/api/v1/dm-keywords', {
        keyword: 'розмір',
        responseMessage: 'Розмірна сітка: S, M, L',
        cooldownSeconds: 0,
      })
    ).body.id;
    await w.write('oksana', 'Добрий день');
    const c = await w.conversationOf('oksana');
    await replyInInstagramApp('oksana', 'Вітаю! Я зараз підкажу');
    await eventually(async () => (await pause(c.id)).pausedBy === 'human');
    expect(Date.parse((await pause(c.id)).pausedUntil ?? '') - Date.now()).toBeGreaterThan(23 * 3600_000);

    await w.write('oksana', 'який розмір?');
    expect((await w.decisions('oksana', 1))[0]).toMatchObject({
      ruleId: rule,
      status: 'skipped',
      reason: 'takeover',
    });
    expect(w.sentTo('oksana').map((m) => m.text)).toEqual([]);

    const closed = await w.api('PATCH', `/api/v1/conversations/${c.id}`, { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(await pause(c.id)).toMatchObject({ pausedUntil: null, pausedBy: null });
    await w.write('oksana', 'а розмір M є?');
    expect((await w.decisions('oksana', 2))[0]).toMatchObject({ ruleId: rule, status: 'queued' });
    await eventually(async () => w.sentTo('oksana').some((m) => m.text === 'Розмірна сітка: S, M, L'));
  });

  it('pauses for the configured time after a dashboard reply, never for an API key', async () => {
    await w.api('PUT', `/api/v1/accounts/${w.accountId}/automation`, { takeoverMinutes: 30 });
    await w.write('lesia', 'Привіт');
    const c = await w.conversationOf('lesia');
    const key = (await w.api('POST', '/api/v1/api-keys', { name: 'ai agent', scopes: ['read', 'write'] }))
      .body.key as string;
    const byAgent = await w.t.app.http.inject({
      method: 'POST',
      url: `/api/v1/conversations/${c.id}/messages`,
      headers: { authorization: `Bearer ${key}` },
      payload: { text: 'Відповідь від агента' },
    });
    expect(byAgent.statusCode).toBe(202);
    expect(await pause(c.id)).toMatchObject({ pausedUntil: null });

    const before = Date.now();
    expect((await w.api('POST', `/api/v1/conversations/${c.id}/messages`, { text: 'Я тут' })).status).toBe(
      202,
    );
    const until = Date.parse((await pause(c.id)).pausedUntil ?? '');
    expect(until - before).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(until - before).toBeLessThan(31 * 60_000);
    await w.api('PUT', `/api/v1/accounts/${w.accountId}/automation`, {});
  });

  it('sends a queued message whose job was lost when the outbox is swept, once', async () => {
    await w.write('roman', 'Добрий вечір');
    const c = await w.conversationOf('roman');
    // as if the job were lost after the commit (Redis flushed, or a crash before the enqueue)
    await w.t.app.queue.stop();
    const res = await w.api('POST', `/api/v1/conversations/${c.id}/messages`, { text: 'Зараз перевірю' });
    expect(res.status).toBe(202);
    const db = w.t.tdb.db;
    await db.deleteFrom('jobs').where('name', '=', 'send-message').execute();
    await db
      .updateTable('messages')
      .set({ updated_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', res.body.id)
      .execute();
    await w.t.app.startWorker();
    expect(await w.t.app.services.send.requeueUnsent()).toBe(1);
    await eventually(async () => w.sentTo('roman').length === 1);
    expect(await w.t.app.services.send.requeueUnsent()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(w.sentTo('roman').map((m) => m.text)).toEqual(['Зараз перевірю']);
  });
});
