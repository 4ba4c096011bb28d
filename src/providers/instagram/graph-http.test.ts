import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphStub,
  graphFixture,
  makeGraphClient,
  startGraphStub,
  TEST_APP_SECRET,
  TEST_TOKEN,
} from '../../../test/support/graph-stub-server.js';
import type { GraphAuth } from './graph-client.js';
import { GraphError } from './graph-errors.js';
import { paginate } from './graph-paging.js';

// Transport behaviour: usage headers and slow-down (fake clock + recorded sleeps, no wall time),
// estimated_time_to_regain_access blocks, timeouts, network failures, shape checks, token hygiene
// and cursor paging.

const IG = '17841405309211844';
const auth: GraphAuth = { accessToken: TEST_TOKEN, igUserId: IG };
const MEDIA = '/v23.0/17918920912340654';
const mediaBody = graphFixture('media_fields.doc.json');

let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());

const usageHeader = (callCount: number, eta?: number) =>
  JSON.stringify({
    [IG]: [
      {
        type: 'instagram',
        call_count: callCount,
        total_cputime: 10,
        total_time: 12,
        ...(eta === undefined ? {} : { estimated_time_to_regain_access: eta }),
      },
    ],
  });

describe('rate-limit headers', () => {
  it('slows the next call down when app usage is above 80 %, in proportion to the usage', async () => {
    stub.on('GET', MEDIA, {
      body: mediaBody,
      headers: { 'x-app-usage': '{"call_count":90,"total_time":20,"total_cputime":15}' },
    });
    const { client, sleeps } = makeGraphClient(stub);
    await client.getMedia(auth, '17918920912340654');
    expect(sleeps).toEqual([]);
    await client.getMedia(auth, '17918920912340654');
    // 90 % is half-way from 80 to 100: 1 s + 0.5 × (60 s − 1 s)
    expect(sleeps).toEqual([30_500]);
    expect(client.usage().app).toMatchObject({ callCount: 90, totalTime: 20, totalCputime: 15, percent: 90 });
  });

  it('tracks business-use-case usage per account; other accounts are not slowed', async () => {
    stub.on('GET', MEDIA, { body: mediaBody, headers: { 'x-business-use-case-usage': usageHeader(100) } });
    const { client, sleeps } = makeGraphClient(stub);
    await client.getMedia(auth, '17918920912340654');
    await client.getMedia(
      { accessToken: 'other-token-1234', igUserId: '17840000000000001' },
      '17918920912340654',
    );
    expect(sleeps).toEqual([]);
    await client.getMedia(auth, '17918920912340654');
    expect(sleeps).toEqual([60_000]);
    expect(client.usage().accounts[IG]).toMatchObject({
      callCount: 100,
      type: 'instagram',
      blockedUntil: null,
    });
  });

  it('forgets a reading after an hour (the windows roll over)', async () => {
    stub.on('GET', MEDIA, { body: mediaBody, headers: { 'x-app-usage': '{"call_count":95}' } });
    const { client, sleeps, clock } = makeGraphClient(stub);
    await client.getMedia(auth, '17918920912340654');
    stub.on('GET', MEDIA, { body: mediaBody });
    clock.now += 61 * 60_000;
    await client.getMedia(auth, '17918920912340654');
    expect(sleeps).toEqual([]);
  });

  it('ignores unreadable usage headers', async () => {
    stub.on('GET', MEDIA, {
      body: mediaBody,
      headers: { 'x-app-usage': '{not json', 'x-business-use-case-usage': '{"x":"nonsense","y":[1,null]}' },
    });
    const { client, sleeps } = makeGraphClient(stub);
    await client.getMedia(auth, '17918920912340654');
    await client.getMedia(auth, '17918920912340654');
    expect(sleeps).toEqual([]);
    expect(client.usage().app).toBeNull();
  });

  it('honours estimated_time_to_regain_access: retryAfterMs on the error and a block for that account', async () => {
    stub.on('GET', MEDIA, {
      status: 400,
      body: graphFixture('errors/rate_limit_613_2534040.ASSEMBLED.json'),
      headers: { 'x-business-use-case-usage': usageHeader(100, 7) },
    });
    const { client, clock } = makeGraphClient(stub);
    const first = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(first).toMatchObject({ kind: 'rate_limited', origin: 'graph', retryAfterMs: 7 * 60_000 });

    const sent = stub.requests.length;
    clock.now += 2 * 60_000;
    const blocked = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(blocked).toBeInstanceOf(GraphError);
    expect(blocked).toMatchObject({ kind: 'rate_limited', origin: 'rate_gate', retryAfterMs: 5 * 60_000 });
    expect(stub.requests.length).toBe(sent); // nothing was sent
    expect(client.usage().accounts[IG]?.blockedUntil).toBe(new Date(clock.now + 5 * 60_000).toISOString());

    // another account is not blocked
    stub.on('GET', MEDIA, { body: mediaBody });
    await client.getMedia(
      { accessToken: 'other-token-1234', igUserId: '17840000000000001' },
      '17918920912340654',
    );
    clock.now += 5 * 60_000;
    await expect(client.getMedia(auth, '17918920912340654')).resolves.toMatchObject({
      id: '17918920912340654',
    });
  });

  it('a successful answer with estimated_time_to_regain_access also blocks the account', async () => {
    stub.on('GET', MEDIA, { body: mediaBody, headers: { 'x-business-use-case-usage': usageHeader(100, 3) } });
    const { client } = makeGraphClient(stub);
    await client.getMedia(auth, '17918920912340654');
    await expect(client.getMedia(auth, '17918920912340654')).rejects.toMatchObject({ retryAfterMs: 180_000 });
  });

  it('code 4 (application limit) blocks every account of the app', async () => {
    stub.on('GET', MEDIA, {
      status: 400,
      body: graphFixture('errors/rate_limit_4_application_request_limit.observed.json'),
    });
    const { client } = makeGraphClient(stub);
    await expect(client.getMedia(auth, '17918920912340654')).rejects.toMatchObject({ kind: 'rate_limited' });
    const other = { accessToken: 'other-token-1234', igUserId: '17840000000000001' };
    await expect(client.getMedia(other, '17918920912340654')).rejects.toMatchObject({
      origin: 'rate_gate',
      retryAfterMs: 60_000,
      message: expect.stringContaining('the app is blocked'),
    });
  });
});

describe('failures before a response', () => {
  it('a timeout is transient', async () => {
    stub.on('GET', MEDIA, { hang: true });
    const { client } = makeGraphClient(stub, { timeoutMs: 150 });
    const err = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ kind: 'transient', origin: 'timeout', retryable: true });
    expect(err.message).toContain('did not answer GET /v23.0/17918920912340654');
  });

  it('a refused connection is transient', async () => {
    const closed = await startGraphStub();
    await closed.close();
    const { client } = makeGraphClient(closed);
    const err = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(err).toMatchObject({ kind: 'transient', origin: 'network' });
    expect(err.message).not.toContain(TEST_TOKEN);
  });

  it('a 5xx with an HTML body is transient', async () => {
    stub.on('GET', MEDIA, { status: 502, raw: '<html>Bad gateway</html>' });
    const { client } = makeGraphClient(stub);
    await expect(client.getMedia(auth, '17918920912340654')).rejects.toMatchObject({
      kind: 'transient',
      origin: 'http',
      httpStatus: 502,
    });
  });
});

describe('response shape', () => {
  it('a 2xx body of the wrong shape is transient with origin bad_response', async () => {
    stub.on('GET', MEDIA, { body: { media_type: 'IMAGE' } });
    const { client } = makeGraphClient(stub);
    const err = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(err).toMatchObject({ kind: 'transient', origin: 'bad_response', httpStatus: 200 });
    expect(err.message).toMatch(/unexpected body \(id: /);
  });

  it('a 2xx that is not JSON is a bad_response', async () => {
    stub.on('GET', MEDIA, { raw: 'OK' });
    const { client } = makeGraphClient(stub);
    await expect(client.getMedia(auth, '17918920912340654')).rejects.toMatchObject({
      origin: 'bad_response',
    });
  });
});

describe('token hygiene', () => {
  it('never puts the token in error messages or log lines, even when Meta echoes it', async () => {
    stub.on('GET', MEDIA, {
      status: 400,
      body: {
        error: {
          message: `Malformed access token ${TEST_TOKEN} (secret ${TEST_APP_SECRET})`,
          type: 'OAuthException',
          code: 190,
          error_user_msg: `token=${TEST_TOKEN}`,
        },
      },
    });
    const { client, lines } = makeGraphClient(stub);
    const err = await client.getMedia(auth, '17918920912340654').catch((e) => e);
    expect(err.kind).toBe('token_invalid');
    expect(err.message).toContain('Malformed access token [redacted]');
    const texts = [err.message, err.graphMessage, err.userMessage, err.stack, JSON.stringify(err), ...lines];
    for (const t of texts) {
      expect(t).not.toContain(TEST_TOKEN);
      expect(t).not.toContain(TEST_APP_SECRET);
    }
    expect(lines.some((l) => l.includes('graph call returned an error'))).toBe(true);
  });
});

describe('paginate', () => {
  const page = (ids: string[], paging?: unknown) => ({
    data: ids.map((id) => ({ id })),
    ...(paging ? { paging } : {}),
  });

  it('follows cursors.after, then the after of a next link, and stops when next disappears', async () => {
    stub.on('GET', `/v23.0/${IG}/media`, (req) => {
      if (!req.query.after)
        return { body: page(['1', '2'], { cursors: { after: 'c1' }, next: 'https://x/?after=c1' }) };
      // an empty page may still have a next link; this one has no cursors object
      if (req.query.after === 'c1')
        return {
          body: page([], { next: `https://graph.instagram.com/v23.0/${IG}/media?after=c2&access_token=x` }),
        };
      return { body: graphFixture('media_list_paging.doc.json') };
    });
    const { client } = makeGraphClient(stub);
    const before = stub.requests.length;
    const ids: string[] = [];
    const it = paginate((after) => client.listMedia(auth, { after }));
    let step = await it.next();
    while (!step.done) {
      ids.push(step.value.id);
      step = await it.next();
    }
    expect(ids).toHaveLength(8);
    expect(ids.slice(0, 3)).toEqual(['1', '2', '17918195224117851']);
    expect(step.value).toEqual({ pages: 3, truncated: false });
    expect(stub.requests.slice(before).map((r) => r.query.after)).toEqual([undefined, 'c1', 'c2']);
    expect(stub.requests.slice(before).every((r) => r.query.access_token === undefined)).toBe(true);
  });

  it('stops at maxPages and says so; a repeated cursor ends the walk', async () => {
    let n = 0;
    stub.on('GET', `/v23.0/${IG}/media`, () => {
      n += 1;
      return { body: page([String(n)], { cursors: { after: `c${n}` }, next: 'https://x/' }) };
    });
    const { client } = makeGraphClient(stub);
    const gen = paginate((after) => client.listMedia(auth, { after }), { maxPages: 3 });
    const seen: string[] = [];
    let step = await gen.next();
    while (!step.done) {
      seen.push(step.value.id);
      step = await gen.next();
    }
    expect(seen).toEqual(['1', '2', '3']);
    expect(step.value).toEqual({ pages: 3, truncated: true });

    stub.on('GET', `/v23.0/${IG}/media`, {
      body: page(['x'], { cursors: { after: 'same' }, next: 'https://x/' }),
    });
    const loop: string[] = [];
    for await (const m of paginate((after) => client.listMedia(auth, { after }), { maxPages: 10 }))
      loop.push(m.id);
    expect(loop).toEqual(['x', 'x']);
  });
});
