import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';

describe.each(dialects)('login and sessions on %s', (dialect) => {
  let t: TestApp;
  let now = Date.now();
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { clock: () => now, worker: false });
  });
  afterAll(async () => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('creates the first owner from ADMIN_EMAIL and logs in', async () => {
    const res = await login(t.admin.email, t.admin.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: t.admin.email, role: 'owner', isAdmin: true });
    expect(body.expiresIn).toBeGreaterThan(0);
    const me = await t.app.http.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(t.admin.email);
  });

  it('stores only an argon2id hash', async () => {
    const row = await t.tdb.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(t.admin.password);
  });

  it('rejects a wrong password and an unknown email the same way', async () => {
    const wrong = await login(t.admin.email, 'nope', '10.0.0.2');
    const unknown = await login('ghost@example.com', 'nope', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_credentials');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('rate-limits repeated failures per IP and per email', async () => {
    for (let i = 0; i < 10; i++) await login('victim@example.com', `guess${i}`, `10.1.0.${i}`);
    const limited = await login('victim@example.com', 'guess', '10.1.0.200');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another email from a fresh IP is unaffected.
    expect((await login(t.admin.email, t.admin.password, '10.2.0.1')).statusCode).toBe(200);
  });

  it('expires tokens after ACCESS_TOKEN_TTL', async () => {
    const { accessToken } = (await login(t.admin.email, t.admin.password, '10.3.0.1')).json();
    now += 13 * 3600_000;
    const res = await t.app.http.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    now = Date.now();
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('token_expired');
  });

  it('rejects a forged token', async () => {
    const { accessToken } = (await login(t.admin.email, t.admin.password, '10.4.0.1')).json();
    const [h, p] = accessToken.split('.');
    const res = await t.app.http.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${h}.${p}.AAAA` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
  });

  it('refuses first-run set-up once a user exists', async () => {
    expect((await t.app.http.inject({ url: '/api/v1/auth/setup' })).json()).toEqual({ needed: false });
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      payload: { email: 'intruder@example.com', password: 'long enough pw' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('setup_done');
  });

  it('validates the login body with a stable code', async () => {
    const res = await t.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation_failed', statusCode: 400 });
    expect(res.json().requestId).toBeTruthy();
  });
});

describe('first-run set-up', () => {
  it('creates the first owner once, then logs them in', async () => {
    const t = await createTestApp('sqlite', { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }, { worker: false });
    try {
      expect((await t.app.http.inject({ url: '/api/v1/auth/setup' })).json()).toEqual({ needed: true });
      const short = await t.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: { email: 'me@shop.example', password: 'short' },
      });
      expect(short.json().error).toBe('validation_failed');
      const res = await t.app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: { email: 'me@shop.example', password: 'a good password' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ email: 'me@shop.example', role: 'owner', isAdmin: true });
      expect((await t.app.http.inject({ url: '/api/v1/auth/setup' })).json()).toEqual({ needed: false });
    } finally {
      await t.close();
    }
  });
});
