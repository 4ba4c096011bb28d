import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capturingLogger, type GraphStub, startGraphStub } from '../../../test/support/graph-stub-server.js';
import { ChatraceClient, type ChatraceClientConfig } from './chatrace-client.js';
import { ChatraceError } from './chatrace-errors.js';

// ChatraceClient against a stub on 127.0.0.1 serving the bodies from Chatrace's Swagger
// (test/fixtures/chatrace). The stub answers 599 for any route a test did not register.

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../test/fixtures/chatrace', name), 'utf8'));

const ACCOUNT = '1234567';
const BARE = 'AbCdEf0123456789xyzQ';
const FULL = `${ACCOUNT}.${BARE}`;
const CONTACT = '8978240100';

let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
});

function makeClient(over: Partial<ChatraceClientConfig> = {}) {
  const { logger, lines } = capturingLogger();
  const client = new ChatraceClient({ apiUrl: `${stub.url}/`, timeoutMs: 5_000, logger, ...over });
  return { client, lines };
}

/** runs `fn`, expects a ChatraceError, returns it */
async function failure(fn: () => Promise<unknown>): Promise<ChatraceError> {
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChatraceError);
  return err as ChatraceError;
}

describe('verify', () => {
  it('sends the full {accountId}.{token} in X-ACCESS-TOKEN first and reports it as the working form', async () => {
    stub.on('GET', '/accounts/me', {
      body: {
        ...(fixture('swagger_GET_accounts_me.response.json') as object),
        page_id: 7654321,
        name: 'Shop',
      },
    });
    const { client } = makeClient();
    const res = await client.verify(` "${FULL}"\n`);
    expect(res).toMatchObject({ accountId: '7654321', name: 'Shop', tokenUsed: 'full', token: FULL });
    expect(res.raw).toMatchObject({ page_id: 7654321, total_users: 0 });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.headers['x-access-token']).toBe(FULL);
    expect(stub.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("takes the account id from the token when /accounts/me carries Swagger's placeholder page_id 0", async () => {
    stub.on('GET', '/accounts/me', { body: fixture('swagger_GET_accounts_me.response.json') });
    const res = await makeClient().client.verify(FULL);
    expect(res).toMatchObject({ accountId: ACCOUNT, name: 'string', tokenUsed: 'full' });
  });

  it('falls back to the part after the dot on 401 and says so', async () => {
    stub.on('GET', '/accounts/me', (req) =>
      req.headers['x-access-token'] === BARE
        ? { body: fixture('swagger_GET_accounts_me.response.json') }
        : { status: 401, body: { message: 'No valid API key provided' } },
    );
    const { client, lines } = makeClient();
    const res = await client.verify(FULL);
    expect(res).toMatchObject({ tokenUsed: 'bare', token: BARE, accountId: ACCOUNT });
    expect(stub.requests.map((r) => r.headers['x-access-token'])).toEqual([FULL, BARE]);
    expect(lines.join('')).not.toContain(BARE);
  });

  it('does not retry the bare part on 403, nor for a token without an account prefix', async () => {
    stub.on('GET', '/accounts/me', { status: 403, body: {} });
    expect((await failure(() => makeClient().client.verify(FULL))).kind).toBe('token_invalid');
    stub.on('GET', '/accounts/me', { status: 401, body: {} });
    expect((await failure(() => makeClient().client.verify(BARE))).httpStatus).toBe(401);
    expect(stub.requests).toHaveLength(2);
  });

  it('reports token_invalid when both forms get 401, without quoting either', async () => {
    stub.on('GET', '/accounts/me', { status: 401, body: { message: `No valid API key provided: ${FULL}` } });
    const err = await failure(() => makeClient().client.verify(FULL));
    expect(err).toMatchObject({ kind: 'token_invalid', httpStatus: 401 });
    expect(err.message).toMatch(/both as given .* and as the part after the dot/);
    expect(err.message).not.toContain(BARE);
  });

  it('refuses a malformed token without sending anything', async () => {
    const err = await failure(() => makeClient().client.verify('Bearer 1234567.abc'));
    expect(err).toMatchObject({ kind: 'token_invalid', httpStatus: null });
    expect(err.message).toContain('no "Bearer "');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('send and read', () => {
  it('POSTs the documented send/text body with the token header', async () => {
    stub.on('POST', `/contacts/${CONTACT}/send/text`, { body: fixture('swagger_success.response.json') });
    const res = await makeClient().client.sendText(FULL, CONTACT, 'Привет 👋');
    expect(res).toEqual({ messageId: null, raw: { success: true } });
    const req = stub.requests[0];
    expect(req?.headers['x-access-token']).toBe(FULL);
    expect(req?.headers['content-type']).toBe('application/json');
    const documented = fixture('swagger_POST_contacts_send_text.request.json') as object;
    expect(Object.keys(req?.json as object).sort()).toEqual(Object.keys(documented).sort());
    expect(req?.json).toEqual({ text: 'Привет 👋', channel: 'instagram' });
  });

  it('POSTs the documented send/file body, with the configured channel', async () => {
    stub.on('POST', `/contacts/${CONTACT}/send/file`, { body: { success: true, message_id: 991 } });
    const { client } = makeClient({ channel: 'messenger' });
    const res = await client.sendFile(BARE, CONTACT, 'https://cdn.example.com/a.jpg', 'image');
    expect(res.messageId).toBe('991');
    const documented = fixture('swagger_POST_contacts_send_file.request.json');
    expect(stub.requests[0]?.json).toEqual({
      ...(documented as object),
      url: 'https://cdn.example.com/a.jpg',
    });
    expect(stub.requests[0]?.headers['x-access-token']).toBe(BARE);
  });

  it('GETs a contact and maps the Swagger body', async () => {
    const body = {
      ...(fixture('swagger_GET_contacts_id.response.json') as object),
      id: Number(CONTACT),
      first_name: 'Ann',
      last_name: '',
      page_id: 1234567,
    };
    stub.on('GET', `/contacts/${CONTACT}`, { body });
    const contact = await makeClient().client.getContact(FULL, CONTACT);
    expect(contact).toMatchObject({
      id: CONTACT,
      accountId: ACCOUNT,
      firstName: 'Ann',
      lastName: null,
      name: 'Ann',
      channel: 0,
    });
    expect(contact.tags).toEqual([{ id: null, name: 'string' }]);
    expect(contact.customFields).toEqual([{ id: null, name: 'string', type: 0, value: 'string' }]);
    expect(stub.requests[0]?.method).toBe('GET');
  });

  it('treats {success:false} on a 2xx as bad_request', async () => {
    stub.on('POST', `/contacts/${CONTACT}/send/text`, {
      body: { success: false, message: 'Contact is not subscribed' },
    });
    const err = await failure(() => makeClient().client.sendText(FULL, CONTACT, 'hi'));
    expect(err).toMatchObject({ kind: 'bad_request', httpStatus: 200 });
    expect(err.message).toContain('Contact is not subscribed');
  });

  it('rejects an empty contact id or token before any request', async () => {
    const { client } = makeClient();
    expect((await failure(() => client.getContact(FULL, ' '))).kind).toBe('bad_request');
    expect((await failure(() => client.sendText('', CONTACT, 'x'))).kind).toBe('token_invalid');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  const path = `/contacts/${CONTACT}`;
  it.each([
    [401, 'token_invalid'],
    [403, 'token_invalid'],
    [404, 'not_found'],
    [400, 'bad_request'],
    [422, 'bad_request'],
    [500, 'transient'],
    [503, 'transient'],
  ] as const)('HTTP %i -> %s, with a readable message and no token', async (status, kind) => {
    stub.on('GET', path, { status, body: { message: `rejected key ${FULL} (${BARE})` } });
    const { client, lines } = makeClient();
    const err = await failure(() => client.getContact(FULL, CONTACT));
    expect(err).toMatchObject({ kind, httpStatus: status, name: 'ChatraceError' });
    expect(err.message).toContain(`GET ${path}`);
    expect(err.message).toContain('rejected key [redacted]');
    for (const text of [err.message, lines.join('')]) {
      expect(text).not.toContain(BARE);
      expect(text).not.toContain(FULL);
    }
  });

  it('429 carries Retry-After in ms (seconds form), or 60 s when absent', async () => {
    stub.on('GET', path, { status: 429, headers: { 'retry-after': '17' }, body: {} });
    const err = await failure(() => makeClient().client.getContact(FULL, CONTACT));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      httpStatus: 429,
      retryAfterMs: 17_000,
      retryable: true,
    });
    expect(err.message).toContain('retry in 17 s');
    stub.on('GET', path, { status: 429, body: {} });
    expect((await failure(() => makeClient().client.getContact(FULL, CONTACT))).retryAfterMs).toBe(60_000);
  });

  it('429 Retry-After as an HTTP date is measured against the injected clock', async () => {
    stub.on('GET', path, {
      status: 429,
      headers: { 'retry-after': 'Sun, 01 Mar 2026 10:02:00 GMT' },
      body: {},
    });
    const clock = () => Date.parse('2026-03-01T10:00:00Z');
    const err = await failure(() => makeClient({ clock }).client.getContact(FULL, CONTACT));
    expect(err.retryAfterMs).toBe(120_000);
  });

  it('a timeout is transient and names the call', async () => {
    stub.on('GET', path, { hang: true });
    const err = await failure(() => makeClient({ timeoutMs: 50 }).client.getContact(FULL, CONTACT));
    expect(err).toMatchObject({ kind: 'transient', httpStatus: null, retryable: true });
    expect(err.message).toContain(`did not answer GET ${path} within 50 ms`);
  });

  it('a refused connection is transient', async () => {
    const { client } = makeClient({ apiUrl: 'http://127.0.0.1:1' });
    const err = await failure(() => client.sendText(FULL, CONTACT, 'hi'));
    expect(err).toMatchObject({ kind: 'transient', httpStatus: null });
    expect(err.message).toMatch(/^Could not reach Chatrace for POST/);
    expect(err.message).not.toContain(BARE);
  });

  it('a 2xx body of the wrong shape is transient; an HTML error page adds no noise', async () => {
    stub.on('GET', '/accounts/me', { raw: '<html>Bad gateway</html>' });
    const shape = await failure(() => makeClient().client.verify(FULL));
    expect(shape).toMatchObject({ kind: 'transient', httpStatus: 200 });
    stub.on('GET', path, { status: 502, raw: '<html>Bad gateway</html>' });
    const html = await failure(() => makeClient().client.getContact(FULL, CONTACT));
    expect(html.message).toBe(`Chatrace had a problem answering GET ${path} (HTTP 502); try again later`);
  });
});
