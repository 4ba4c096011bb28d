import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { capturingLogger } from '../../test/support/graph-stub-server.js';
import { seedWorkspaces } from '../../test/support/workspaces.js';
import { createSessionTokens } from '../auth/session-token.js';
import { authenticate } from '../http/authenticate.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { sha256Hex } from '../secrets.js';
import { ApiKeyRepository } from './api-key.repository.js';
import { apiKeyRoutes, apiKeyScope } from './api-key.routes.js';
import { ApiKeyService } from './api-key.service.js';

type Method = 'GET' | 'POST' | 'DELETE';

// A small app wired the way src/app.ts wires /api/v1: authenticate (with the key resolver), then
// the scope hook, then routes — here the key routes plus a stand-in GET and POST route.
describe.each(dialects)('workspace API keys on %s', (dialect) => {
  let tdb: TestDatabase;
  let http: HttpServer;
  let repo: ApiKeyRepository;
  const { logger, lines } = capturingLogger();
  let now = Date.parse('2026-03-01T10:00:00Z');
  const clock = () => now;
  const tokens = createSessionTokens(new Uint8Array(randomBytes(32)), 3600, clock);
  const session: Record<'owner' | 'agent' | 'other', string> = { owner: '', agent: '', other: '' };
  let ownerId = '';
  let workspaceId = '';
  /** every key this suite was shown, for the log check */
  const shown: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const seeded = await seedWorkspaces(tdb.db, tokens);
    Object.assign(session, seeded.session);
    ownerId = seeded.owner.id;
    workspaceId = seeded.owner.workspace_id;
    repo = new ApiKeyRepository(tdb.db);
    const service = new ApiKeyService(repo, logger, clock);
    http = await createHttpServer({ logger, trustProxy: false });
    await http.register(async (api: HttpServer) => {
      api.addHook('onRequest', authenticate(tokens, service.resolve));
      api.addHook('onRequest', apiKeyScope);
      apiKeyRoutes(api, service);
      api.get('/api/v1/whoami', async (req) => req.auth);
      api.post('/api/v1/echo', async (req, reply) => reply.status(202).send({ ok: true, via: req.auth.via }));
    });
  });
  afterAll(async () => {
    await http?.close();
    await tdb?.drop();
  });

  const call = (method: Method, url: string, bearer: string, payload?: object) =>
    http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${bearer}` },
      ...(payload ? { payload } : {}),
    });
  async function createKey(scopes: string[], as = session.owner, name = 'support bot') {
    const res = await call('POST', '/api/v1/api-keys', as, { name, scopes });
    expect(res.statusCode).toBe(201);
    shown.push(res.json().key);
    return res.json() as { id: string; key: string; prefix: string; scopes: string[] };
  }

  it('shows the key once, never in the list, and stores only its hash', async () => {
    const res = await call('POST', '/api/v1/api-keys', session.owner, {
      name: 'doctor agent',
      scopes: ['read', 'write'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json();
    shown.push(created.key);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'doctor agent',
      prefix: created.key.slice(0, 12),
      scopes: ['read', 'write'],
      createdAt: '2026-03-01T10:00:00.000Z',
      key: expect.stringMatching(/^rdk_[A-Za-z0-9_-]{43}$/),
    });
    const list = await call('GET', '/api/v1/api-keys', session.owner);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((k: { id: string }) => k.id === created.id);
    expect(item).toEqual({
      id: created.id,
      name: 'doctor agent',
      prefix: created.prefix,
      scopes: ['read', 'write'],
      createdAt: '2026-03-01T10:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(list.body).not.toContain(created.key.slice(12));
    const row = await tdb.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(12));
  });

  it('authenticates as its workspace with the creator role and never as an administrator', async () => {
    const { key } = await createKey(['read']);
    const me = await call('GET', '/api/v1/whoami', key);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      userId: ownerId,
      workspaceId,
      role: 'owner',
      isAdmin: false,
      via: 'api_key',
      scopes: ['read'],
    });
    expect((await call('GET', '/api/v1/api-keys', key)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/whoami', `rdk_${'A'.repeat(43)}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/whoami', 'rdk_short')).statusCode).toBe(401);
  });

  it('acts with the creator role as it is now', async () => {
    const { key } = await createKey(['read']);
    await tdb.db.updateTable('users').set({ role: 'agent' }).where('id', '=', ownerId).execute();
    try {
      expect((await call('GET', '/api/v1/whoami', key)).json().role).toBe('agent');
    } finally {
      await tdb.db.updateTable('users').set({ role: 'owner' }).where('id', '=', ownerId).execute();
    }
  });

  it('a read-only key cannot write and a write-only key cannot read', async () => {
    const read = await createKey(['read', 'read']);
    expect(read.scopes).toEqual(['read']);
    expect((await call('GET', '/api/v1/whoami', read.key)).statusCode).toBe(200);
    const post = await call('POST', '/api/v1/echo', read.key, { x: 1 });
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ error: 'insufficient_scope', details: { requiredScope: 'write' } });
    const write = await createKey(['write']);
    expect((await call('POST', '/api/v1/echo', write.key, { x: 1 })).json()).toEqual({
      ok: true,
      via: 'api_key',
    });
    expect((await call('GET', '/api/v1/whoami', write.key)).json().error).toBe('insufficient_scope');
    // a login session carries no scopes and is not limited by them
    expect((await call('POST', '/api/v1/echo', session.agent, { x: 1 })).statusCode).toBe(202);
  });

  it('an API key cannot create or revoke API keys, even with write scope', async () => {
    const { id, key } = await createKey(['read', 'write']);
    const create = await call('POST', '/api/v1/api-keys', key, { name: 'minted', scopes: ['write'] });
    expect(create.statusCode).toBe(403);
    expect(create.json().error).toBe('forbidden');
    expect((await call('DELETE', `/api/v1/api-keys/${id}`, key)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/whoami', key)).statusCode).toBe(200);
  });

  it('only owners create and revoke; agents may list', async () => {
    const { id } = await createKey(['read']);
    const res = await call('POST', '/api/v1/api-keys', session.agent, { name: 'x', scopes: ['read'] });
    expect(res.statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/api-keys/${id}`, session.agent)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/api-keys', session.agent)).statusCode).toBe(200);
    const bad = await call('POST', '/api/v1/api-keys', session.owner, { name: ' ', scopes: [] });
    expect(bad.json().error).toBe('validation_failed');
  });

  it('revokes softly and idempotently; a revoked key gets 401', async () => {
    const { id, key } = await createKey(['read']);
    expect((await call('GET', '/api/v1/whoami', key)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/api-keys/${id}`, session.owner)).statusCode).toBe(204);
    now += 5_000;
    expect((await call('DELETE', `/api/v1/api-keys/${id}`, session.owner)).statusCode).toBe(204);
    const res = await call('GET', '/api/v1/whoami', key);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
    const items = (await call('GET', '/api/v1/api-keys', session.owner)).json().items;
    expect(items.find((k: { id: string }) => k.id === id).revokedAt).toBe(
      new Date(now - 5_000).toISOString(),
    );
  });

  it("another workspace's key is 404 and invisible", async () => {
    const theirs = await createKey(['read'], session.other);
    expect((await call('DELETE', `/api/v1/api-keys/${theirs.id}`, session.owner)).statusCode).toBe(404);
    const ours = (await call('GET', '/api/v1/api-keys', session.owner)).json().items;
    expect(ours.map((k: { id: string }) => k.id)).not.toContain(theirs.id);
    expect((await call('GET', '/api/v1/whoami', theirs.key)).json().workspaceId).not.toBe(workspaceId);
    expect((await call('GET', '/api/v1/whoami', theirs.key)).statusCode).toBe(200);
  });

  it('pages the list newest first', async () => {
    const a = await createKey(['read'], session.other, 'a');
    const b = await createKey(['read'], session.other, 'b');
    const p1 = (await call('GET', '/api/v1/api-keys?limit=1', session.other)).json();
    expect(p1.items.map((k: { id: string }) => k.id)).toEqual([b.id]);
    const p2 = (await call('GET', `/api/v1/api-keys?limit=1&cursor=${p1.nextCursor}`, session.other)).json();
    expect(p2.items.map((k: { id: string }) => k.id)).toEqual([a.id]);
  });

  it('records last use at most once a minute', async () => {
    const { id, key } = await createKey(['read']);
    const touch = vi.spyOn(repo, 'touch');
    const lastUsed = async () =>
      (
        await tdb.db
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const t0 = new Date(now).toISOString();
    await Promise.all(Array.from({ length: 5 }, () => call('GET', '/api/v1/whoami', key)));
    expect(await lastUsed()).toBe(t0);
    now += 59_000;
    await call('GET', '/api/v1/whoami', key);
    expect(await lastUsed()).toBe(t0);
    expect(touch).toHaveBeenCalledTimes(1);
    now += 2_000;
    await call('GET', '/api/v1/whoami', key);
    expect(await lastUsed()).toBe(new Date(now).toISOString());
    expect(touch).toHaveBeenCalledTimes(2);
    touch.mockRestore();
  });

  it('never logs a key, even one sent in the query string', async () => {
    const { key } = await createKey(['read']);
    await http.inject({ method: 'GET', url: `/api/v1/whoami?access_token=${key}` });
    await call('POST', '/api/v1/echo', key, { x: 1 });
    const dead = `rdk_${randomBytes(32).toString('base64url')}`;
    await call('GET', '/api/v1/whoami', dead);
    const log = lines.join('\n');
    expect(log).toContain('api key created');
    expect(log).toContain('[redacted]');
    expect(shown.length).toBeGreaterThan(10);
    for (const k of [...shown, dead]) expect(log).not.toContain(k.slice(4));
  });
});
