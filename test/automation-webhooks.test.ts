import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../src/providers/simulator/testing.js';
import { eventually } from './support/app.js';
import { type AutomationWorld, startAutomationWorld } from './support/automation-setup.js';
import { dialects } from './support/db.js';

// The external-bot story end to end: a subscription receives every event type the issue lists,
// each signed, checked with the README's own verification function (copied out of README.md, so
// the documentation cannot drift from what is sent), and an AI agent answers a customer through
// the API with its key.

type Verify = (header: string | undefined, rawBody: string, secret: string) => boolean;

/** the README's 10-line example, as a reader would paste it */
async function readmeVerifier(): Promise<{ verify: Verify; cleanup: () => void }> {
  const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
  const code = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1] as string)
    .find((c) => c.includes('verifyRelaydesk'));
  if (!code) throw new Error('README.md has no verifyRelaydesk example');
  const dir = mkdtempSync(join(tmpdir(), 'relaydesk-readme-'));
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, code);
  const mod = (await import(pathToFileURL(file).href)) as { verifyRelaydesk: Verify };
  return { verify: mod.verifyRelaydesk, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Event {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

describe.each(dialects)('outbound webhooks and an external agent on %s', (dialect) => {
  let w: AutomationWorld;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let readme: Awaited<ReturnType<typeof readmeVerifier>>;
  let secret = '';
  let agentKey = '';

  beforeAll(async () => {
    w = await startAutomationWorld(dialect, 'linen.agent');
    hook = await startWebhookReceiver();
    readme = await readmeVerifier();
    const sub = await w.api('POST', '/api/v1/outbound-webhooks', { url: hook.url, eventTypes: ['*'] });
    expect(sub.status).toBe(201);
    secret = sub.body.secret;
    agentKey = (await w.api('POST', '/api/v1/api-keys', { name: 'doctor agent', scopes: ['read', 'write'] }))
      .body.key;
  });
  afterAll(async () => {
    await hook.close();
    readme.cleanup();
    await w.close();
  });

  /** the first delivery of this type that satisfies `match`, checked like a receiver would */
  async function received(type: string, match: (e: Event) => boolean = () => true): Promise<Event> {
    const d = await eventually(async () =>
      hook.received.find((r) => (r.json as Event).type === type && match(r.json as Event)),
    );
    const raw = d.raw.toString('utf8');
    expect(readme.verify(d.headers['x-relaydesk-signature'] as string, raw, secret)).toBe(true);
    // a byte changed, or another secret: refused
    expect(readme.verify(d.headers['x-relaydesk-signature'] as string, `${raw} `, secret)).toBe(false);
    expect(readme.verify(d.headers['x-relaydesk-signature'] as string, raw, `${secret}x`)).toBe(false);
    expect(d.headers['x-relaydesk-event']).toBe(type);
    expect(d.headers['x-relaydesk-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    return d.json as Event;
  }
  const textOf = (e: Event) => (e.data.message as { text?: string } | undefined)?.text;

  it('an agent hears a customer, answers with its key, and hears that the answer was sent', async () => {
    await w.write('dmytro', 'Лікарю, що порадите від застуди?');
    const heard = await received('message.received', (e) => textOf(e) === 'Лікарю, що порадите від застуди?');
    const conversationId = heard.data.conversationId as string;
    expect(conversationId).toBeTruthy();

    const res = await w.t.app.http.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${agentKey}` },
      payload: { text: 'Пийте теплий чай і відпочивайте' },
    });
    expect(res.statusCode).toBe(202);
    await eventually(async () =>
      w.sentTo('dmytro').some((m) => m.text === 'Пийте теплий чай і відпочивайте'),
    );
    const sent = await received('message.sent', (e) => textOf(e) === 'Пийте теплий чай і відпочивайте');
    expect(sent.data.message).toMatchObject({ sentBy: 'api', status: 'sent', direction: 'outbound' });
    // the agent answering is not a person stepping in: the bot stays on
    const c = (await w.api('GET', `/api/v1/conversations/${conversationId}`)).body;
    expect(c.automation.pausedUntil).toBeNull();
  });

  it('tells about a message Instagram refused', async () => {
    await w.write('halyna', 'Добрий день');
    const c = await w.conversationOf('halyna');
    w.sim.faults.add({
      kind: 'error',
      code: 551,
      message: 'This person is not available right now.',
      path: /\/messages$/,
      method: 'POST',
    });
    await w.api('POST', `/api/v1/conversations/${c.id}/messages`, { text: 'Вам не дійде' });
    const failed = await received('message.failed', (e) => textOf(e) === 'Вам не дійде');
    expect(failed.data.message).toMatchObject({ status: 'failed', error: { code: 'recipient_unavailable' } });
  });

  it('tells about a new comment, an assignment, a published post and an account status change', async () => {
    const media = w.sim.state.addMedia({
      ...{ accountId: w.igUserId, mediaType: 'IMAGE', productType: 'FEED', caption: 'Сукня' },
      ...{ mediaUrl: '/__sim/img/dress.svg', timestamp: Date.now() - 60_000, likeCount: 0 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    const { comment } = w.sim.customerComments({ from: 'olha', text: 'Скільки коштує?', mediaId: media.id });
    const commented = await received('comment.created', (e) => e.data.igCommentId === comment.id);
    expect(commented.data).toMatchObject({ text: 'Скільки коштує?', igMediaId: media.id });

    const me = (await w.api('GET', '/api/v1/me')).body;
    const c = await w.conversationOf('halyna');
    expect((await w.api('PATCH', `/api/v1/conversations/${c.id}`, { assigneeId: me.user.id })).status).toBe(
      200,
    );
    const assigned = await received('conversation.assigned');
    expect(assigned.data).toMatchObject({ assigneeId: me.user.id, conversation: { id: c.id } });

    const post = await w.api('POST', '/api/v1/auto-posts', {
      accountId: w.accountId,
      media: [{ type: 'image', url: 'https://cdn.example.com/dress.jpg' }],
      caption: 'Нова сукня',
    });
    // without scheduledAt it goes out now
    expect(post.status).toBe(201);
    const published = await received('post.published', (e) => e.data.id === post.body.id);
    expect(published.data).toMatchObject({ status: 'published', caption: 'Нова сукня' });

    expect((await w.api('POST', `/api/v1/accounts/${w.accountId}/disconnect`)).status).toBe(200);
    const status = await received('account.status_changed');
    expect(status.data).toMatchObject({ id: w.accountId, status: 'disconnected', previous: 'active' });

    // every type the issue lists reached the subscriber, each event once
    const types = new Set(hook.received.map((r) => (r.json as Event).type));
    for (const t of [
      'message.received',
      'message.sent',
      'message.failed',
      'comment.created',
      'conversation.assigned',
      'account.status_changed',
      'post.published',
    ])
      expect(types).toContain(t);
    const ids = hook.received.map((r) => (r.json as Event).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
