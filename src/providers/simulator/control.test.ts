import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from './server.js';
import { graphCaller } from './testing.js';

// The /__sim/ control surface is what `relaydesk simulate` and other processes use.
describe('simulator control surface', () => {
  let sim: Simulator;
  const post = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${sim.url}/__sim/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const get = async (path: string) =>
    (await (await fetch(`${sim.url}/__sim/${path}`)).json()) as Record<string, unknown>;
  beforeEach(async () => {
    sim = createSimulator();
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('seeds the demo shop and injects a DM that the Graph API then shows', async () => {
    const seeded = await post('seed-demo');
    expect(seeded.body).toMatchObject({ account: { username: 'vesna.atelier' }, customers: 5, media: 12 });
    const dm = await post('customer-message', { from: 'alice', text: 'Привіт' });
    expect(dm.status).toBe(200);
    expect(dm.body).toMatchObject({
      mid: expect.any(String),
      igsid: expect.stringMatching(/^\d{16}$/),
      delivery: 'skipped',
    });

    const graph = graphCaller(sim, String(seeded.body.accessToken));
    const found = await graph.get<{ data: { id: string }[] }>('/me/conversations', {
      platform: 'instagram',
      user_id: String(dm.body.igsid),
    });
    expect(found.body.data[0]?.id).toBe(dm.body.conversationId);
    const msg = await graph.get(`/${String(dm.body.mid)}`, { fields: 'message,from' });
    expect(msg.body).toMatchObject({ message: 'Привіт', from: { username: 'alice' } });
  });

  it('exposes state and calls with every token and secret redacted', async () => {
    const { accessToken } = sim.createAccount({ username: 'acme.studio' });
    await graphCaller(sim, accessToken).get('/me', { fields: 'username' });
    await fetch(`${sim.url}/v23.0/me?access_token=${accessToken}&fields=user_id`);
    const state = await get('state');
    const text = JSON.stringify(state);
    expect(text).not.toContain(accessToken);
    expect(text).not.toContain(sim.app.secret);
    const calls = state.calls as {
      path: string;
      params: Record<string, unknown>;
      accountId: string;
      status: number;
    }[];
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      path: '/me',
      params: { access_token: '[redacted]', fields: 'user_id' },
      status: 200,
    });
    const filtered = await get('calls?method=GET&path=^/me$');
    expect((filtered.calls as unknown[]).length).toBe(2);
    await fetch(`${sim.url}/__sim/calls`, { method: 'DELETE' });
    expect(((await get('calls')).calls as unknown[]).length).toBe(0);
  });

  it('creates accounts, comments and mentions, and moves the clock', async () => {
    const account = await post('accounts', { username: 'shop.two' });
    const token = String(account.body.accessToken);
    const graph = graphCaller(sim, token);
    const container = await graph.post<{ id: string }>(
      '/me/media',
      { image_url: 'https://cdn.example/x.jpg' },
      'form',
    );
    await graph.get(`/${container.body.id}`, { fields: 'status_code' });
    await graph.post('/me/media_publish', { creation_id: container.body.id }, 'form');
    const comment = await post('customer-comment', { from: 'bob', text: 'Скільки коштує?' });
    expect(comment.body).toMatchObject({ commentId: expect.any(String), mediaId: expect.any(String) });
    const mention = await post('customer-mention', {
      from: 'carol',
      text: 'love this shop',
      inComment: true,
    });
    const mentioned = await graph.get(`/me`, {
      fields: `mentioned_comment.comment_id(${String(mention.body.commentId)}){id,text,timestamp,like_count,media}`,
    });
    expect(mentioned.body).toMatchObject({
      mentioned_comment: { text: '@shop.two love this shop', media: { id: mention.body.mediaId } },
    });

    const before = sim.now();
    const advanced = await post('clock/advance', { ms: 3_600_000 });
    expect(Date.parse(String(advanced.body.now))).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it('answers unknown routes and bad bodies with Relaydesk error bodies, and serves placeholder images', async () => {
    const missing = await post('nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { error: 'route_not_found', statusCode: 404 } });
    const bad = await post('customer-message', { text: 'no sender' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    const img = await fetch(`${sim.url}/__sim/img/media-linen-dress.svg`);
    expect(img.headers.get('content-type')).toBe('image/svg+xml');
    expect(await img.text()).toContain('linen dress');
  });
});

describe('simulator mounted under a prefix of another server', () => {
  it('serves Graph and /__sim/ below the base path through `handle`', async () => {
    const { createServer } = await import('node:http');
    const host = createServer((req, res) => {
      if (req.url?.startsWith('/sim/')) return sim.handle(req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const port = (host.address() as { port: number }).port;
    const sim = createSimulator({ basePath: '/sim', publicUrl: `http://127.0.0.1:${port}/sim` });
    try {
      const { accessToken } = sim.createAccount({ username: 'mounted.shop' });
      const me = await graphCaller(sim, accessToken).get('/me', { fields: 'username,profile_picture_url' });
      expect(me.body).toMatchObject({
        username: 'mounted.shop',
        profile_picture_url: `http://127.0.0.1:${port}/sim/__sim/img/avatar-mounted.shop.svg`,
      });
      const dm = await fetch(`${sim.url}/__sim/customer-message`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'alice', text: 'Привіт' }),
      });
      expect(dm.status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });
});
