import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from './support/app.js';

// Routes that are public by design (API.md): login, webhooks, OAuth callback.
const publicRoutes = [
  /^\/api\/v1\/auth\/(login|setup)$/,
  /^\/api\/v1\/instagram\/webhook$/,
  /^\/api\/v1\/chatrace\/webhook$/,
  /^\/api\/v1\/oauth\//,
  // signed URLs instead of a bearer token (the dashboard's <img> and Meta fetch them)
  /^\/api\/v1\/attachments\/:id$/,
];

describe('every /api/v1 route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('rejects a request without a token', async () => {
    const routes = t.app.http.routeTable.filter(
      (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && !publicRoutes.some((p) => p.test(r.url)),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, 'x');
      const res = await t.app.http.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
    }
  });

  it("never shows another workspace's deliveries", async () => {
    // Workspace A (the admin's) gets an account and a delivery for it.
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const me = (await t.app.http.inject({ url: '/api/v1/me', headers: auth(t.token) })).json();
    await t.app.services.accounts.create({
      workspace_id: me.workspace.id,
      provider: 'instagram',
      external_id: '555',
    });
    const payload = {
      object: 'instagram',
      entry: [
        {
          id: '555',
          time: Date.now(),
          messaging: [
            {
              sender: { id: '1' },
              recipient: { id: '555' },
              timestamp: Date.now(),
              message: { mid: 'm.iso', text: 'secret order' },
            },
          ],
        },
      ],
    };
    await t.postMeta(payload);
    const list = await eventually(async () => {
      const l = (await t.app.http.inject({ url: '/api/v1/webhook-events', headers: auth(t.token) })).json();
      return l.items.find((i: { status: string }) => i.status === 'processed') ? l : null;
    });
    const id = list.items[0].id;

    // Workspace B: a second owner in a workspace of their own.
    await t.app.services.auth.createUser({
      email: 'b@other.example',
      password: 'another password',
      role: 'owner',
    });
    const b = (
      await t.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'b@other.example', password: 'another password' },
      })
    ).json().accessToken;
    const bList = (await t.app.http.inject({ url: '/api/v1/webhook-events', headers: auth(b) })).json();
    expect(bList.items).toEqual([]);
    expect(
      (await t.app.http.inject({ url: `/api/v1/webhook-events/${id}`, headers: auth(b) })).statusCode,
    ).toBe(404);
    const replay = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/webhook-events/${id}/replay`,
      headers: auth(b),
    });
    expect(replay.statusCode).toBe(404);
    const stats = (await t.app.http.inject({ url: '/api/v1/instagram/stats', headers: auth(b) })).json();
    expect(stats.totalMessages).toBe(0);
    const aStats = (
      await t.app.http.inject({ url: '/api/v1/instagram/stats', headers: auth(t.token) })
    ).json();
    expect(aStats.inboundMessages).toBe(1);
  });
});
