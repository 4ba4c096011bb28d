import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../src/providers/simulator/testing.js';
import { createTestApp, eventually, type TestApp } from './support/app.js';
import { dialects } from './support/db.js';
import { collectEvents } from './support/sse.js';

// The inbox end to end over real HTTP: the simulator plays Instagram (Graph API and signed
// webhooks to the app's listening port), the app's own job worker does the rest.

interface Msg {
  id: string;
  direction: string;
  text: string | null;
  status: string;
  externalId: string | null;
  attachments: { type: string; url: string | null; attachmentId: string | null }[];
}

describe.each(dialects)('the inbox with the simulator on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let base = '';
  let accountId = '';
  let sse: Awaited<ReturnType<typeof collectEvents<{ conversationId?: string }>>>;
  const events = () => sse.events;

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() }));
    t = await createTestApp(dialect, { ...simEnv(sim), PUBLIC_URL: 'https://relaydesk.example.com' });
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.http.server.address() as AddressInfo).port}`;
    sim.webhooks.configure({ url: `${base}/api/v1/instagram/webhook` });
    // SSE over a real connection, collected for the whole test
    sse = await collectEvents<{ conversationId?: string }>(base, t.token);
  });
  afterAll(async () => {
    sse.stop();
    await t.close();
    await stopSim();
  });

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.app.http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.token}` },
      payload,
    });
    return res.json();
  };
  const conversations = async () => (await api('GET', '/api/v1/conversations')).items;
  const thread = async (id: string): Promise<Msg[]> =>
    (await api('GET', `/api/v1/conversations/${id}/messages`)).items;

  it('imports the recent history when an account connects', async () => {
    const { account, accessToken } = sim.createAccount({ username: 'linen.shop' });
    sim.customerSends({ from: 'olga', text: 'Do you ship to Kyiv?', to: account.userId });
    const connected = await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
    accountId = connected.id;
    const [conversation] = await eventually(async () => {
      const list = await conversations();
      return list[0]?.contact.username ? list : null;
    });
    expect(conversation).toMatchObject({ accountId, unreadCount: 0, contact: { username: 'olga' } });
    expect((await thread(conversation.id)).map((m) => m.text)).toEqual(['Do you ship to Kyiv?']);
  });

  it('shows a new DM with the customer profile and a stored copy of its photo, live', async () => {
    const photo = `${sim.url}/__sim/img/dress-blue.svg`;
    sim.customerSends({ from: 'maria', text: 'Is this in stock?' });
    // Meta's timestamps are milliseconds: two messages in the same one have no order to show.
    await new Promise((r) => setTimeout(r, 5));
    sim.customerSends({ from: 'maria', attachments: [{ type: 'image', url: photo }] });
    const conversation = await eventually(async () =>
      (await conversations()).find(
        (c: { contact: { username: string }; unreadCount: number }) =>
          c.contact.username === 'maria' && c.unreadCount === 2,
      ),
    );
    expect(conversation).toMatchObject({
      status: 'open',
      lastMessage: { direction: 'inbound', preview: '[image]' },
    });
    expect(Date.parse(conversation.windowExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    // the profile job fills in name and picture
    const contact = await eventually(async () => {
      const c = await api('GET', `/api/v1/contacts/${conversation.contact.id}`);
      return c.profileFetchedAt ? c : null;
    });
    // a copy of the picture, since Meta's picture URLs expire
    expect(contact).toMatchObject({
      username: 'maria',
      name: 'Maria',
      profilePicUrl: expect.stringMatching(/^\/api\/v1\/attachments\//),
    });
    const picture = await fetch(`${base}${contact.profilePicUrl}`);
    expect([picture.status, picture.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    // the attachment job keeps a copy, served through a signed URL
    const image = await eventually(async () => {
      const m = (await thread(conversation.id)).find((x) => x.attachments.length);
      return m?.attachments[0]?.attachmentId ? m.attachments[0] : null;
    });
    const file = await fetch(`${base}${image.url}`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(await (await fetch(photo)).text());
    expect(
      events().some((e) => e.type === 'message.created' && e.data.conversationId === conversation.id),
    ).toBe(true);
  });

  it('sends a reply once, matches its echo, and shows it read when the customer reads it', async () => {
    const conversation = (await conversations()).find(
      (c: { contact: { username: string } }) => c.contact.username === 'maria',
    );
    await api('POST', `/api/v1/conversations/${conversation.id}/read`);
    const queued = await api('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      text: 'Yes, size S to L',
    });
    expect(queued.status).toBe('queued');
    const sent = await eventually(async () => {
      const m = (await thread(conversation.id)).find((x) => x.id === queued.id);
      return m?.status === 'sent' ? m : null;
    });
    const simMessage = sim.state.messages.get(sent.externalId ?? '');
    expect(simMessage).toMatchObject({ text: 'Yes, size S to L', fromCustomer: false });
    // the echo webhook has arrived too, and changed nothing
    await eventually(async () =>
      sim.webhooks
        .deliveries()
        .some((d) => d.status === 'delivered' && d.body.includes(sent.externalId ?? '-')),
    );
    const outbound = (await thread(conversation.id)).filter((m) => m.direction === 'outbound');
    expect(outbound).toHaveLength(1);
    sim.customerReads({ from: 'maria' });
    await eventually(
      async () => (await thread(conversation.id)).find((m) => m.id === queued.id)?.status === 'read',
    );
    const after = (await api('GET', `/api/v1/conversations/${conversation.id}`)) as { unreadCount: number };
    expect(after.unreadCount).toBe(0);
  });

  it('counts messages and customers from the inbox in /instagram/stats', async () => {
    const stats = await api('GET', '/api/v1/instagram/stats');
    expect(stats).toMatchObject({
      inboundMessages: 3,
      outboundMessages: 1,
      totalMessages: 4,
      clientsWithInstagram: 2,
    });
    expect(stats.perAccount[0]).toMatchObject({
      accountId,
      inboundMessages: 3,
      contacts: 2,
      pollIntervalSeconds: 60,
    });
  });
});
