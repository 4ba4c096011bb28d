import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphStub,
  graphFixture,
  makeGraphClient,
  startGraphStub,
  TEST_APP_SECRET,
} from '../../../test/support/graph-stub-server.js';
import { AppError } from '../../errors.js';

// OAuth against the local stub: code → short-lived → long-lived → refresh, with the request
// parameters of Meta's Business Login for Instagram docs and no secret in any error or log line.

const CODE = 'AQBx-code-9f8e7d6c5b4a';
const SHORT = 'short-token-0a1b2c3d4e5f';
const LONG = 'long-token-6a7b8c9d0e1f';
const REDIRECT = 'https://relay.example/api/v1/oauth/instagram/callback';

let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());

const last = () => stub.requests.at(-1)!;

describe('exchangeCode', () => {
  it.each([
    ['oauth_short_lived_token.doc.json', '1020364718271829'],
    ['restfb_accesstoken.json', '1234567890'],
  ])('posts the form to the token URL and parses %s', async (fixture, userId) => {
    stub.on('POST', '/oauth/access_token', { body: graphFixture(fixture) });
    const { client } = makeGraphClient(stub);
    const t = await client.exchangeCode(`${CODE}#_`, REDIRECT);
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().form).toEqual({
      client_id: '990011223344',
      client_secret: TEST_APP_SECRET,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      code: CODE,
    });
    expect(last().headers.authorization).toBeUndefined();
    expect(t.userId).toBe(userId);
    expect(t.accessToken.length).toBeGreaterThan(10);
    expect(t.permissions).toEqual([
      'instagram_business_basic',
      'instagram_business_manage_messages',
      'instagram_business_manage_comments',
      'instagram_business_content_publish',
    ]);
  });

  it('maps the Instagram-Login error shape and keeps the code and secret out of messages and logs', async () => {
    stub.on('POST', '/oauth/access_token', {
      status: 400,
      body: graphFixture('errors/ig_login_oauth_access_token_rejected.doc.json'),
    });
    const { client, lines } = makeGraphClient(stub);
    const err = await client.exchangeCode(CODE, REDIRECT).catch((e) => e);
    expect(err).toMatchObject({ kind: 'bad_request', origin: 'oauth', code: 400, httpStatus: 400 });
    expect(err.message).toContain('Matching code was not found or was already used');
    for (const t of [err.message, ...lines]) {
      expect(t).not.toContain(CODE);
      expect(t).not.toContain(TEST_APP_SECRET);
    }
  });

  it('refuses without app id and secret', async () => {
    const { client } = makeGraphClient(stub, { appId: undefined, appSecret: undefined });
    const err = await client.exchangeCode(CODE, REDIRECT).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('not_configured');
  });
});

describe('long-lived tokens', () => {
  it('exchanges a short-lived token with ig_exchange_token (unversioned path)', async () => {
    stub.on('GET', '/access_token', { body: graphFixture('oauth_long_lived_token_exchange.doc.json') });
    const { client, clock, lines } = makeGraphClient(stub);
    const t = await client.exchangeForLongLivedToken(SHORT);
    expect(last().query).toEqual({
      grant_type: 'ig_exchange_token',
      client_secret: TEST_APP_SECRET,
      access_token: SHORT,
    });
    expect(t).toEqual({
      accessToken: expect.stringMatching(/^IGAA/),
      tokenType: 'bearer',
      expiresInSec: 5183944,
      expiresAt: new Date(clock.now + 5183944 * 1000).toISOString(),
    });
    for (const l of lines) {
      expect(l).not.toContain(SHORT);
      expect(l).not.toContain(TEST_APP_SECRET);
    }
    expect(lines.join('\n')).toContain('access_token=[redacted]');
  });

  it('refreshes with ig_refresh_token', async () => {
    stub.on('GET', '/refresh_access_token', {
      body: graphFixture('oauth_long_lived_token_refresh.doc.json'),
    });
    const { client } = makeGraphClient(stub);
    const t = await client.refreshLongLivedToken(LONG);
    expect(last().query).toEqual({ grant_type: 'ig_refresh_token', access_token: LONG });
    expect(t.expiresInSec).toBe(5183944);
  });

  it('an expired token on refresh is token_invalid and the token is not in the message', async () => {
    stub.on('GET', '/refresh_access_token', {
      status: 400,
      body: graphFixture('errors/oauth_190_463_session_expired.observed.json'),
    });
    const { client, lines } = makeGraphClient(stub);
    const err = await client.refreshLongLivedToken(LONG).catch((e) => e);
    expect(err).toMatchObject({ kind: 'token_invalid', subcode: 463 });
    for (const t of [err.message, ...lines]) expect(t).not.toContain(LONG);
  });
});
