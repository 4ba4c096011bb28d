import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';

// Comment rules, per-account automation settings, takeover and the action log through HTTP:
// validation, roles and workspace isolation.
describe.each(dialects)('automation API on %s', (dialect) => {
  let t: TestApp;
  let who: Awaited<ReturnType<typeof seedWorkspaces>>;
  let accountId = '';
  let foreignAccount = '';

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { worker: false });
    who = await seedWorkspaces(t.tdb.db, t.app.services.tokens);
    const accounts = t.app.services.accounts;
    accountId = (
      await accounts.create({
        workspace_id: who.owner.workspace_id,
        provider: 'instagram',
        external_id: '1784',
      })
    ).id;
    foreignAccount = (
      await accounts.create({
        workspace_id: who.other.workspace_id,
        provider: 'instagram',
        external_id: '1785',
      })
    ).id;
  });
  afterAll(async () => t.close());

  async function call(
    as: 'owner' | 'agent' | 'other',
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${who.session[as]}` },
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  }

  it.each([
    [{ name: 'x', scope: 'media', publicReplies: ['hi'] }, 'body.mediaIds'],
    [{ name: 'x', scope: 'next_post', publicReplies: ['hi'] }, 'body.accountId'],
    [{ name: 'x', scope: 'all' }, 'body.publicReplies'],
    [{ name: 'x', scope: 'all', mediaIds: ['1790'], publicReplies: ['hi'] }, 'body.mediaIds'],
    [
      { name: 'x', scope: 'all', publicReplies: ['hi'], keywords: ['(a+)+$'], matchType: 'regex' },
      'body.keywords.0',
    ],
  ])('refuses %j naming %s', async (body, path) => {
    const res = await call('owner', 'POST', '/api/v1/comment-rules', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(path);
  });

  it('creates, tests, changes and deletes a rule; agents read, strangers see nothing', async () => {
    const created = await call('owner', 'POST', '/api/v1/comment-rules', {
      name: 'Ціна',
      scope: 'media',
      mediaIds: ['17900001'],
      keywords: ['ціна', 'price'],
      publicReplies: ['Написали вам у Direct'],
      privateReply: 'Сукня коштує 1 299 ₴',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ accountId: null, matchType: 'contains', isActive: true });

    const hit = await call('agent', 'POST', '/api/v1/comment-rules/test', {
      text: 'ЦІНА?',
      mediaId: '17900001',
    });
    expect(hit.body).toMatchObject({ rule: { id }, keyword: 'ціна', privateReply: 'Сукня коштує 1 299 ₴' });
    const otherPost = await call('agent', 'POST', '/api/v1/comment-rules/test', {
      text: 'ціна',
      mediaId: '17900002',
    });
    expect(otherPost.body.rule).toBeNull();

    expect((await call('agent', 'PATCH', `/api/v1/comment-rules/${id}`, { isActive: false })).status).toBe(
      403,
    );
    const next = await call('owner', 'PATCH', `/api/v1/comment-rules/${id}`, {
      scope: 'next_post',
      accountId,
    });
    expect(next.body).toMatchObject({ scope: 'next_post', mediaIds: [], accountId });

    expect((await call('other', 'GET', `/api/v1/comment-rules/${id}`)).status).toBe(404);
    expect((await call('other', 'GET', '/api/v1/comment-rules')).body.items).toEqual([]);
    expect((await call('other', 'DELETE', `/api/v1/comment-rules/${id}`)).status).toBe(404);
    expect((await call('owner', 'DELETE', `/api/v1/comment-rules/${id}`)).status).toBe(204);
    expect((await call('owner', 'GET', `/api/v1/comment-rules/${id}`)).status).toBe(404);
  });

  it('keeps per-account settings with defaults, and refuses a switched-on message without text', async () => {
    const initial = await call('agent', 'GET', `/api/v1/accounts/${accountId}/automation`);
    expect(initial.body).toMatchObject({
      accountId,
      takeoverMinutes: 1440,
      maxPerConversationPerHour: 5,
      welcome: { enabled: false },
      optOut: { enabled: true },
      updatedAt: null,
    });
    const bad = await call('owner', 'PUT', `/api/v1/accounts/${accountId}/automation`, {
      welcome: { enabled: true },
    });
    expect([bad.status, bad.body.details.issues[0].path]).toEqual([400, 'body.welcome.text']);
    const ok = await call('owner', 'PUT', `/api/v1/accounts/${accountId}/automation`, {
      welcome: { enabled: true, text: 'Вітаємо!' },
      takeoverMinutes: 60,
    });
    expect(ok.body).toMatchObject({ welcome: { enabled: true, text: 'Вітаємо!' }, takeoverMinutes: 60 });
    expect(
      (await call('owner', 'GET', `/api/v1/accounts/${accountId}/automation`)).body.takeoverMinutes,
    ).toBe(60);
    expect((await call('agent', 'PUT', `/api/v1/accounts/${accountId}/automation`, {})).status).toBe(403);
    expect((await call('owner', 'GET', `/api/v1/accounts/${foreignAccount}/automation`)).status).toBe(404);
  });

  it("never pauses or lists another workspace's conversations", async () => {
    const conversation = (await t.app.services.inbox.conversationWith(
      (await t.app.services.accounts.findById(foreignAccount))!,
      '9000000000001',
      { username: 'stranger', name: null },
    ))!;
    const res = await call('owner', 'PUT', `/api/v1/conversations/${conversation.id}/automation`, {
      paused: true,
    });
    expect(res.status).toBe(404);
    const own = await call('other', 'PUT', `/api/v1/conversations/${conversation.id}/automation`, {
      paused: true,
      minutes: 30,
    });
    expect(own.body.automation).toMatchObject({ pausedBy: 'manual' });
    expect(Date.parse(own.body.automation.pausedUntil) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const forever = await call('other', 'PUT', `/api/v1/conversations/${conversation.id}/automation`, {
      paused: true,
    });
    expect(forever.body.automation.pausedUntil).toBe('9999-12-31T23:59:59.999Z');
    expect(
      (await call('owner', 'GET', `/api/v1/automation-actions?conversationId=${conversation.id}`)).body.items,
    ).toEqual([]);
  });
});
