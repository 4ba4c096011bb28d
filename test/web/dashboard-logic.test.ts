import { describe, expect, it, vi } from 'vitest';
import { describeError } from '../../web/src/components/ErrorMessage.js';
import { dictionaries, translate } from '../../web/src/i18n/core.js';
import type { MessageKey } from '../../web/src/i18n/en.js';
import { ApiError, createApi, toQueryString } from '../../web/src/lib/api.js';
import { formatBytes, prettyBody } from '../../web/src/lib/format.js';
import { matchPath } from '../../web/src/lib/router.js';
import type { Delivery, DeliveryDetail } from '../../web/src/lib/types.js';
import {
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
} from '../../web/src/pages/deliveries/filters.js';
import { mergeFirstPage } from '../../web/src/pages/deliveries/use-delivery-log.js';
import { replayFinished } from '../../web/src/pages/deliveries/use-replay.js';

// The dashboard's pure logic; the browser behaviour is covered by test/e2e.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('sends the bearer token and JSON, and returns the parsed body', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json(200, { ok: 1 }));
    const api = createApi({ getToken: () => 'tok', onUnauthorized: () => {}, fetch });
    expect(await api.post('/x', { a: 1 })).toEqual({ ok: 1 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/x');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(init?.body).toBe('{"a":1}');
  });

  it('turns an error body into ApiError and reports a 401 only for a signed-in request', async () => {
    const body = { error: 'token_expired', message: 'expired', statusCode: 401, requestId: 'r1' };
    const onUnauthorized = vi.fn();
    let token: string | null = 'tok';
    const api = createApi({ getToken: () => token, onUnauthorized, fetch: async () => json(401, body) });
    const err = await api.get('/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'token_expired', status: 401, requestId: 'r1' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    token = null; // a wrong password at login is not an expired session
    await expect(api.post('/auth/login', {})).rejects.toMatchObject({ code: 'token_expired' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('maps network failures and non-JSON errors to stable codes', async () => {
    const down = createApi({
      getToken: () => null,
      onUnauthorized: () => {},
      fetch: async () => Promise.reject(new TypeError('refused')),
    });
    await expect(down.get('/x')).rejects.toMatchObject({ code: 'network', status: 0 });
    const html = createApi({
      getToken: () => null,
      onUnauthorized: () => {},
      fetch: async () => new Response('<html>', { status: 502 }),
    });
    await expect(html.get('/x')).rejects.toMatchObject({ code: 'http_502', status: 502 });
  });

  it('drops empty query values', () => {
    expect(toQueryString({ status: '', source: 'meta', limit: 50, cursor: undefined, x: null })).toBe(
      '?source=meta&limit=50',
    );
    expect(toQueryString({})).toBe('');
  });
});

describe('error messages', () => {
  const t = (key: MessageKey, vars?: Record<string, string | number>) =>
    translate(dictionaries.ru, key, vars);

  it('translates by error code, with the retry delay for rate limits', () => {
    expect(describeError(t, new ApiError('invalid_credentials', 'Email or password is wrong', 401))).toBe(
      'Неверная почта или пароль.',
    );
    expect(describeError(t, new ApiError('rate_limited', 'x', 429, 'r', { retryAfterSeconds: 42 }))).toBe(
      'Слишком много попыток. Повторите через 42 с.',
    );
    expect(describeError(t, new ApiError('rate_limited', 'x', 429))).toBe(
      dictionaries.ru['error.rate_limited_wait'],
    );
  });

  it('falls back to a generic message that names the code', () => {
    expect(describeError(t, new ApiError('something_new', 'x', 409))).toBe(
      'Запрос не выполнен (код: something_new).',
    );
    expect(describeError(t, new ApiError('db_down', 'x', 503))).toBe(dictionaries.ru['error.internal_error']);
  });
});

describe('routing and filters', () => {
  it('matches path patterns', () => {
    expect(matchPath('/deliveries/:id', '/deliveries/01a2%2Fx')).toEqual({ id: '01a2/x' });
    expect(matchPath('/deliveries/:id', '/deliveries')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/deliveries', '/inbox')).toBeNull();
  });

  it('reads only valid filters from the address and writes them back', () => {
    const f = filtersFromSearch(
      '?status=rejected&source=evil&signatureValid=false&from=2026-11-01&to=yesterday',
    );
    expect(f).toEqual({
      status: 'rejected',
      source: '',
      signatureValid: 'false',
      from: '2026-11-01',
      to: '',
    });
    expect(filtersToSearch(f)).toBe('?status=rejected&signatureValid=false&from=2026-11-01');
  });

  it('sends whole local days as UTC instants', () => {
    const q = filtersToQuery(filtersFromSearch('?from=2026-03-10&to=2026-03-10'));
    const span = Date.parse(String(q.to)) - Date.parse(String(q.from));
    expect(span).toBe(24 * 3600 * 1000 - 1);
    expect(new Date(String(q.from)).getDate()).toBe(10);
  });
});

const delivery = (id: string, status: Delivery['status'] = 'processed'): Delivery => ({
  id,
  source: 'meta',
  receivedAt: '2026-11-22T10:00:00.000Z',
  signatureValid: true,
  status,
  error: null,
  accountId: null,
  eventCount: 1,
  duplicateCount: 0,
  bodySize: 100,
});

describe('delivery log merging', () => {
  const prev = { items: ['09', '08', '07', '06', '05', '04'].map((id) => delivery(id)), nextCursor: '04' };

  it('puts new deliveries on top and keeps the pages loaded with "load more"', () => {
    const fresh = { items: [delivery('10'), delivery('09', 'failed'), delivery('08')], nextCursor: '08' };
    const merged = mergeFirstPage({ ...prev, loaded: true, error: null, updatedAt: null }, fresh);
    expect(merged.items.map((d) => d.id)).toEqual(['10', '09', '08', '07', '06', '05', '04']);
    expect(merged.items[1]?.status).toBe('failed');
    expect(merged.nextCursor).toBe('04');
  });

  it('a complete first page replaces the list', () => {
    const fresh = { items: [delivery('10')], nextCursor: null };
    const merged = mergeFirstPage({ ...prev, loaded: true, error: null, updatedAt: null }, fresh);
    expect(merged).toEqual({ items: fresh.items, nextCursor: null });
  });

  it('a replay is finished after a new attempt that left "received"', () => {
    const before = { ...delivery('1', 'unrouted'), attempts: 1 } as DeliveryDetail;
    expect(replayFinished(before, { ...before, status: 'received', attempts: 1 })).toBe(false);
    expect(replayFinished(before, { ...before, status: 'received', attempts: 2 })).toBe(false);
    expect(replayFinished(before, { ...before, status: 'unrouted', attempts: 2 })).toBe(true);
  });
});

describe('formatting', () => {
  it('formats sizes per locale and pretty-prints JSON bodies only', () => {
    expect(formatBytes('en', 330)).toBe('330B');
    expect(formatBytes('ru', 2048)).toBe('2 кБ');
    expect(prettyBody('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyBody('not json')).toBe('not json');
  });
});
