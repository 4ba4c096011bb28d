import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { createSessionTokens } from '../auth/session-token.js';
import { UserRepository } from '../auth/user.repository.js';
import { authenticate } from '../http/authenticate.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createLogger } from '../logger.js';
import { DmKeywordRepository } from './dm-keyword.repository.js';
import { dmKeywordRoutes } from './dm-keyword.routes.js';
import { DmKeywordService } from './dm-keyword.service.js';

// The routes on their own Fastify app (createHttpServer + authenticate), as app.ts mounts them.
describe.each(dialects)('/api/v1/dm-keywords on %s', (dialect) => {
  let tdb: TestDatabase;
  let http: HttpServer;
  let now = Date.parse('2026-11-23T10:00:00Z'); // Monday 12:00 in Kyiv
  const tokens = { owner: '', agent: '', stranger: '' };
  let acc1: string;
  let acc2: string;
  let foreignAcc: string;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const clock = () => now;
    const users = new UserRepository(tdb.db);
    const accounts = new AccountRepository(tdb.db);
    const owner = await users.createWithWorkspace({
      workspaceName: 'shop',
      email: 'owner@shop.example',
      passwordHash: 'x',
      role: 'owner',
      isAdmin: true,
    });
    const other = await users.createWithWorkspace({
      workspaceName: 'other',
      email: 'owner@other.example',
      passwordHash: 'x',
      role: 'owner',
      isAdmin: false,
    });
    const ws = owner.workspace_id;
    acc1 = (await accounts.create({ workspace_id: ws, provider: 'instagram', external_id: '1784101' })).id;
    acc2 = (await accounts.create({ workspace_id: ws, provider: 'instagram', external_id: '1784102' })).id;
    foreignAcc = (
      await accounts.create({
        workspace_id: other.workspace_id,
        provider: 'instagram',
        external_id: '1784199',
      })
    ).id;
    const session = createSessionTokens(randomBytes(32), 7 * 86_400, clock);
    const issue = async (role: 'owner' | 'agent', workspaceId: string) =>
      (await session.issue({ userId: `${role}-${workspaceId}`, workspaceId, role, isAdmin: false }))
        .accessToken;
    tokens.owner = await issue('owner', ws);
    tokens.agent = await issue('agent', ws);
    tokens.stranger = await issue('owner', other.workspace_id);

    http = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
    const service = new DmKeywordService(new DmKeywordRepository(tdb.db, clock), accounts, clock);
    await http.register(async (api: HttpServer) => {
      api.addHook('onRequest', authenticate(session));
      dmKeywordRoutes(api, service);
    });
  });
  afterAll(async () => {
    await http?.close();
    await tdb?.drop();
  });

  const call = (
    who: keyof typeof tokens,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    });

  it("creates a rule from the seed's shape with the defaults", async () => {
    const res = await call('owner', 'POST', '/api/v1/dm-keywords', {
      accountId: acc1,
      keyword: 'ціна',
      responseMessage: 'Ціна вказана на сторінці товару',
      isActive: true,
    });
    expect(res.statusCode).toBe(201);
    const rule = res.json();
    expect(rule).toMatchObject({
      accountId: acc1,
      keyword: 'ціна',
      keywords: ['ціна'],
      matchType: 'contains',
      responseMessage: 'Ціна вказана на сторінці товару',
      attachment: null,
      quickReplies: [],
      priority: 0,
      cooldownSeconds: 86_400,
      activeHours: null,
      isActive: true,
    });
    const got = await call('agent', 'GET', `/api/v1/dm-keywords/${rule.id}`);
    expect(got.json()).toEqual(rule);
    await call('owner', 'DELETE', `/api/v1/dm-keywords/${rule.id}`);
  });

  it('lists in priority order, filters by account, pages with a cursor and stays in its workspace', async () => {
    const make = async (body: object) => (await call('owner', 'POST', '/api/v1/dm-keywords', body)).json().id;
    const a = await make({ keywords: ['a'], responseMessage: 'A', priority: 5, accountId: acc1 });
    const b = await make({ keywords: ['b'], responseMessage: 'B', priority: 1 });
    const c = await make({ keywords: ['c'], responseMessage: 'C', priority: 5, accountId: acc2 });
    const all = (await call('agent', 'GET', '/api/v1/dm-keywords')).json();
    expect(all.items.map((r: { id: string }) => r.id)).toEqual([b, a, c]);
    const forAcc1 = (await call('owner', 'GET', `/api/v1/dm-keywords?accountId=${acc1}`)).json();
    expect(forAcc1.items.map((r: { id: string }) => r.id)).toEqual([b, a]);

    const seen: string[] = [];
    let cursor = '';
    do {
      const p = (
        await call('owner', 'GET', `/api/v1/dm-keywords?limit=2${cursor && `&cursor=${cursor}`}`)
      ).json();
      seen.push(...p.items.map((r: { id: string }) => r.id));
      cursor = p.nextCursor ?? '';
    } while (cursor);
    expect(seen).toEqual([b, a, c]);

    expect((await call('stranger', 'GET', '/api/v1/dm-keywords')).json().items).toEqual([]);
    expect((await call('stranger', 'GET', `/api/v1/dm-keywords/${a}`)).statusCode).toBe(404);
    expect((await call('stranger', 'DELETE', `/api/v1/dm-keywords/${a}`)).statusCode).toBe(404);
    for (const id of [a, b, c])
      expect((await call('owner', 'DELETE', `/api/v1/dm-keywords/${id}`)).statusCode).toBe(204);
    expect((await call('owner', 'GET', `/api/v1/dm-keywords/${a}`)).statusCode).toBe(404);
    expect((await call('owner', 'DELETE', `/api/v1/dm-keywords/${a}`)).statusCode).toBe(404);
  });

  it('patches fields and re-validates the whole rule', async () => {
    const created = (
      await call('owner', 'POST', '/api/v1/dm-keywords', {
        keywords: ['price', 'ціна'],
        matchType: 'word',
        responseMessage: 'See the product page',
        quickReplies: [{ title: 'Доставка' }, { title: 'Menu', payload: 'MENU' }],
        attachment: { type: 'image', url: 'https://cdn.example.com/price.png' },
      })
    ).json();
    expect(created.quickReplies).toEqual([
      { title: 'Доставка', payload: 'Доставка' },
      { title: 'Menu', payload: 'MENU' },
    ]);
    const url = `/api/v1/dm-keywords/${created.id}`;
    const patched = await call('owner', 'PATCH', url, {
      keyword: 'вартість',
      isActive: false,
      attachment: null,
      activeHours: { timezone: 'Europe/Kyiv', days: [5, 1, 1], from: '22:00', to: '06:00' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      keyword: 'вартість',
      keywords: ['вартість'],
      matchType: 'word',
      isActive: false,
      attachment: null,
      activeHours: { timezone: 'Europe/Kyiv', days: [1, 5], from: '22:00', to: '06:00' },
      quickReplies: created.quickReplies,
    });
    // Switching to regex checks the keywords already there.
    await call('owner', 'PATCH', url, { keywords: ['(a+)+$'] });
    const bad = await call('owner', 'PATCH', url, { matchType: 'regex' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_keyword_pattern');
    expect((await call('owner', 'GET', url)).json().matchType).toBe('word');
    expect((await call('owner', 'PATCH', '/api/v1/dm-keywords/nope', { isActive: true })).statusCode).toBe(
      404,
    );
    await call('owner', 'DELETE', url);
  });

  it.each([
    [{ keyword: '(a+)+$' }, 'invalid_keyword_pattern', /catastrophic backtracking/],
    [{ keyword: '(ціна' }, 'invalid_keyword_pattern', /Invalid regular expression/],
    // every keyword is at most 200 characters, so an overlong pattern fails the schema first
    [{ keywords: ['ok', 'x'.repeat(201)] }, 'validation_failed', /body\.keywords\.1/],
  ])('refuses the regex %j with %s and the reason', async (kw, code, reason) => {
    const res = await call('owner', 'POST', '/api/v1/dm-keywords', {
      ...kw,
      matchType: 'regex',
      responseMessage: 'r',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe(code);
    expect(res.json().message).toMatch(reason);
  });

  it('names the field when the body is invalid', async () => {
    const post = (body: object) =>
      call('owner', 'POST', '/api/v1/dm-keywords', { keyword: 'ціна', responseMessage: 'ok', ...body });
    const cases: [object, string][] = [
      [{ accountId: foreignAcc }, 'body.accountId'],
      [{ accountId: 'no-such-account' }, 'body.accountId'],
      [{ keyword: undefined }, 'body.keywords'],
      [{ keyword: '\uFE0F' }, 'body.keywords.0'],
      [{ responseMessage: 'x'.repeat(1001) }, 'body.responseMessage'],
      [{ quickReplies: Array.from({ length: 14 }, (_, i) => ({ title: `q${i}` })) }, 'body.quickReplies'],
      [{ quickReplies: [{ title: 'x'.repeat(21) }] }, 'body.quickReplies.0.title'],
      [{ cooldownSeconds: 30 * 86_400 + 1 }, 'body.cooldownSeconds'],
      [{ matchType: 'fuzzy' }, 'body.matchType'],
      [
        { activeHours: { timezone: 'Mars/Olympus', days: [1], from: '09:00', to: '18:00' } },
        'body.activeHours.timezone',
      ],
      [
        { activeHours: { timezone: 'UTC', days: [7], from: '09:00', to: '18:00' } },
        'body.activeHours.days.0',
      ],
      [{ activeHours: { timezone: 'UTC', days: [1], from: '24:00', to: '18:00' } }, 'body.activeHours.from'],
      [{ attachment: { type: 'image' } }, 'body.attachment'],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect({ body, status: res.statusCode, error: res.json().error }).toEqual({
        body,
        status: 400,
        error: 'validation_failed',
      });
      expect(res.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await call('owner', 'GET', '/api/v1/dm-keywords')).json().items).toEqual([]);
  });

  it('lets an agent read and test but not write; needs a token', async () => {
    const created = await call('owner', 'POST', '/api/v1/dm-keywords', {
      keyword: 'k',
      responseMessage: 'r',
    });
    const url = `/api/v1/dm-keywords/${created.json().id}`;
    expect(
      (await call('agent', 'POST', '/api/v1/dm-keywords', { keyword: 'k', responseMessage: 'r' })).statusCode,
    ).toBe(403);
    expect((await call('agent', 'PATCH', url, { isActive: false })).statusCode).toBe(403);
    expect((await call('agent', 'DELETE', url)).statusCode).toBe(403);
    expect((await call('agent', 'POST', '/api/v1/dm-keywords/test', { text: 'k' })).json().rule.id).toBe(
      created.json().id,
    );
    expect((await http.inject({ method: 'GET', url: '/api/v1/dm-keywords' })).statusCode).toBe(401);
    await call('owner', 'DELETE', url);
  });

  it('the live tester says which rule fires, what it sends, and which matched but may not fire', async () => {
    const make = async (body: object) =>
      (await call('owner', 'POST', '/api/v1/dm-keywords', { responseMessage: 'r', ...body })).json();
    const night = await make({
      keyword: 'ціна',
      priority: 1,
      responseMessage: 'Вночі відповімо вранці',
      activeHours: { timezone: 'Europe/Kyiv', days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', to: '08:00' },
    });
    const off = await make({ keyword: 'ціна', priority: 2, isActive: false });
    const other = await make({ keyword: 'ціна', priority: 3, accountId: acc2 });
    const price = await make({
      keywords: ['ціна', 'цена', 'price'],
      matchType: 'word',
      priority: 4,
      accountId: acc1,
      responseMessage: 'Ціна вказана на сторінці товару',
      quickReplies: [{ title: 'Каталог', payload: 'CATALOG' }],
    });
    await make({ keyword: '\\d+ (грн|uah)', matchType: 'regex', priority: 5, responseMessage: 'Оплата' });
    const test = (text: string, accountId?: string) =>
      call('owner', 'POST', '/api/v1/dm-keywords/test', { text, ...(accountId ? { accountId } : {}) });

    const res = (await test('Скільки ЦІНА?', acc1)).json();
    expect(res.rule.id).toBe(price.id);
    expect(res.keyword).toBe('ціна');
    expect(res.reply).toEqual({
      text: 'Ціна вказана на сторінці товару',
      attachment: null,
      quickReplies: [{ title: 'Каталог', payload: 'CATALOG' }],
    });
    expect(res.skipped).toEqual([
      { ruleId: night.id, reason: 'outside_active_hours' },
      { ruleId: off.id, reason: 'inactive' },
    ]);
    // without an account, a rule of any account may fire
    expect((await test('ціна', undefined)).json().rule.id).toBe(other.id);
    expect((await test('оплачу 500 UAH', acc1)).json().reply.text).toBe('Оплата');
    expect((await test('привіт', acc1)).json()).toEqual({
      rule: null,
      keyword: null,
      reply: null,
      skipped: [],
    });
    expect((await test('ціна', foreignAcc)).json().error).toBe('validation_failed');

    now = Date.parse('2026-11-23T21:00:00Z'); // 23:00 in Kyiv: the night rule fires
    expect((await test('ціна', acc1)).json().rule.id).toBe(night.id);
  });
});
