import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/db.js';
import { seedWorkspaces } from '../support/workspaces.js';

// Who may do what with auto-posts: everyone in a workspace sees its schedule, only an owner
// changes it, and another workspace sees none of it. No Graph calls: the posts stay pending.

describe.each(dialects)('auto-post access on %s', (dialect) => {
  let t: TestApp;
  let who: Awaited<ReturnType<typeof seedWorkspaces>>;
  let postId = '';
  let accountId = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    who = await seedWorkspaces(t.tdb.db, t.app.services.tokens);
    accountId = (
      await t.app.services.accounts.create({
        workspace_id: who.owner.workspace_id,
        provider: 'instagram',
        external_id: '17841405309211844',
      })
    ).id;
  });
  afterAll(() => t.close());

  const call = (
    as: 'owner' | 'agent' | 'other',
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who.session[as]}` },
      ...(payload ? { payload } : {}),
    });
  const later = () => new Date(Date.now() + 86_400_000).toISOString();

  it('lets an owner schedule, an agent only look', async () => {
    const body = {
      accountId,
      media: [{ type: 'image', url: 'https://cdn.example/a.jpg' }],
      caption: 'Завтра о 10:00',
      scheduledAt: later(),
    };
    const created = await call('owner', 'POST', '/api/v1/auto-posts', body);
    expect(created.statusCode).toBe(201);
    postId = created.json().id;
    expect(
      (await call('agent', 'GET', '/api/v1/auto-posts')).json().items.map((p: { id: string }) => p.id),
    ).toEqual([postId]);
    const series = { accountId, name: 'Щодня', productIds: ['p1'], timeOfDay: '10:00' };
    for (const [method, url, payload] of [
      ['POST', '/api/v1/auto-posts', body],
      ['PATCH', `/api/v1/auto-posts/${postId}`, { caption: 'x' }],
      ['POST', `/api/v1/auto-posts/${postId}/cancel`, undefined],
      ['POST', `/api/v1/auto-posts/${postId}/publish-now`, undefined],
      ['DELETE', `/api/v1/auto-posts/${postId}`, undefined],
      ['POST', '/api/v1/auto-post-series', series],
    ] as const) {
      const res = await call('agent', method, url, payload);
      expect([`${method} ${url}`, res.statusCode]).toEqual([`${method} ${url}`, 403]);
    }
  });

  it("never shows or changes another workspace's posts or accounts", async () => {
    expect((await call('other', 'GET', '/api/v1/auto-posts')).json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/v1/auto-posts/${postId}`],
      ['PATCH', `/api/v1/auto-posts/${postId}`],
      ['POST', `/api/v1/auto-posts/${postId}/cancel`],
      ['POST', `/api/v1/auto-posts/${postId}/publish-now`],
      ['DELETE', `/api/v1/auto-posts/${postId}`],
    ] as const) {
      const res = await call('other', method, url, method === 'PATCH' ? { caption: 'x' } : undefined);
      expect([`${method} ${url}`, res.statusCode]).toEqual([`${method} ${url}`, 404]);
    }
    const foreign = await call('other', 'POST', '/api/v1/auto-posts', {
      accountId,
      media: [{ type: 'image', url: 'https://cdn.example/a.jpg' }],
    });
    expect([foreign.statusCode, foreign.json().details.issues[0].path]).toEqual([400, 'body.accountId']);
    expect((await call('owner', 'GET', `/api/v1/auto-posts/${postId}`)).json().status).toBe('pending');
  });

  it('documents every route in the OpenAPI spec', async () => {
    const spec = (await t.app.http.inject({ url: '/docs/json' })).json();
    expect(
      Object.keys(spec.paths)
        .filter((p) => p.includes('auto-post'))
        .sort(),
    ).toEqual([
      '/api/v1/auto-post-series',
      '/api/v1/auto-post-series/{id}',
      '/api/v1/auto-posts',
      '/api/v1/auto-posts/{id}',
      '/api/v1/auto-posts/{id}/cancel',
      '/api/v1/auto-posts/{id}/publish-now',
    ]);
  });
});
