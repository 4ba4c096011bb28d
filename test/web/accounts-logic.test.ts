import { describe, expect, it } from 'vitest';
import { dictionaries, type TFunction, translate } from '../../web/src/i18n/core.js';
import { createApi } from '../../web/src/lib/api.js';
import {
  explainConnectError,
  parseConnectBanner,
  withoutBannerParams,
} from '../../web/src/pages/accounts/banner.js';
import {
  fieldMapFromForm,
  formFromFieldMap,
  invalidFields,
  templateText,
  urlHasToken,
} from '../../web/src/pages/accounts/chatrace.js';
import { countdown, formatCountdown } from '../../web/src/pages/accounts/expiry.js';
import { accountLabel, availableActions, statusTone } from '../../web/src/pages/accounts/status.js';
import { accountStatuses } from '../../web/src/pages/accounts/types.js';

// The Accounts page's pure logic; the page itself is covered by test/e2e/accounts.e2e.test.ts.

const now = Date.parse('2026-11-22T12:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const tIn =
  (lang: 'en' | 'ru' | 'uk'): TFunction =>
  (key, vars) =>
    translate(dictionaries[lang], key, vars);

describe('expiry countdown', () => {
  it('counts whole days down, then hours, then minutes', () => {
    expect(countdown(at(12 * DAY + 20 * HOUR), now)).toEqual({ value: 12, unit: 'day', past: false });
    expect(countdown(at(5 * HOUR + 59 * 60_000), now)).toEqual({ value: 5, unit: 'hour', past: false });
    expect(countdown(at(90_000), now)).toEqual({ value: 1, unit: 'minute', past: false });
    // Under a minute still reads as "in 1 minute", never "in 0 minutes".
    expect(countdown(at(10_000), now)).toEqual({ value: 1, unit: 'minute', past: false });
  });

  it('says how long ago an expired token ran out', () => {
    expect(countdown(at(-3 * DAY - HOUR), now)).toEqual({ value: 3, unit: 'day', past: true });
    expect(countdown(at(0), now)?.past).toBe(true);
  });

  it('has nothing to say without a valid date', () => {
    expect(countdown(null, now)).toBeNull();
    expect(countdown('not a date', now)).toBeNull();
  });

  it('is worded in the chosen language', () => {
    const left = { value: 12, unit: 'day', past: false } as const;
    expect(formatCountdown('en', left)).toBe('in 12 days');
    expect(formatCountdown('ru', left)).toBe('через 12 дней');
    expect(formatCountdown('uk', left)).toBe('через 12 днів');
    expect(formatCountdown('en', { value: 1, unit: 'day', past: false })).toBe('in 1 day');
    expect(formatCountdown('en', { value: 3, unit: 'hour', past: true })).toBe('3 hours ago');
    expect(tIn('en')('accounts.expiresIn', { when: formatCountdown('en', left) })).toBe('Expires in 12 days');
    expect(tIn('ru')('accounts.expiredAgo', { when: formatCountdown('ru', { ...left, past: true }) })).toBe(
      'Истёк 12 дней назад',
    );
  });
});

describe('account status and actions', () => {
  it('colours the badge by status: green, amber, red, grey', () => {
    expect(accountStatuses.map((s) => statusTone[s])).toEqual(['ok', 'warn', 'bad', 'muted']);
  });

  it('names the account by @username, then name, Instagram id, own id', () => {
    const base = { id: 'acc-1', username: null, name: null, igUserId: null };
    expect(accountLabel({ ...base, username: 'shop', name: 'Shop' })).toBe('@shop');
    expect(accountLabel({ ...base, username: '@shop' })).toBe('@shop');
    expect(accountLabel({ ...base, username: 'vesna.atelier_2' })).toBe('@vesna.atelier_2');
    // A Chatrace page name is not a handle: no @ in front of it.
    expect(accountLabel({ ...base, username: 'Lumen Studio' })).toBe('Lumen Studio');
    expect(accountLabel({ ...base, name: 'Shop', igUserId: '178' })).toBe('Shop');
    expect(accountLabel({ ...base, igUserId: '178' })).toBe('178');
    expect(accountLabel(base)).toBe('acc-1');
  });

  it('offers re-authorisation only for expiring or expired Instagram tokens', () => {
    const ig = (status: (typeof accountStatuses)[number]) =>
      availableActions({ provider: 'instagram', status });
    const none = {
      reauthorize: false,
      reconnect: false,
      refreshToken: false,
      disconnect: false,
      fieldMap: false,
    };
    expect(ig('active')).toEqual({ ...none, refreshToken: true, disconnect: true });
    expect(ig('expiring')).toEqual({ ...none, reauthorize: true, refreshToken: true, disconnect: true });
    // An expired token cannot be refreshed, only replaced by signing in again.
    expect(ig('token_expired')).toEqual({ ...none, reauthorize: true, disconnect: true });
    // A disconnected account can only be connected again, through the same sign-in.
    expect(ig('disconnected')).toEqual({ ...none, reconnect: true });
  });

  it('gives Chatrace accounts field mapping and disconnect, never token actions', () => {
    expect(availableActions({ provider: 'chatrace', status: 'active' })).toEqual({
      reauthorize: false,
      reconnect: false,
      refreshToken: false,
      disconnect: true,
      fieldMap: true,
    });
    expect(availableActions({ provider: 'chatrace', status: 'disconnected' })).toMatchObject({
      fieldMap: false,
      reconnect: false,
    });
  });
});

describe('Instagram Login result banner', () => {
  it('reads a successful connection', () => {
    expect(parseConnectBanner('?connected=0199-abc')).toEqual({ kind: 'connected', accountId: '0199-abc' });
    expect(parseConnectBanner('')).toBeNull();
    expect(parseConnectBanner('?connected=')).toBeNull();
  });

  it('reads a failure with its code and message', () => {
    const search = `?error=account_in_other_workspace&message=${encodeURIComponent('Already used: @shop')}`;
    expect(parseConnectBanner(search)).toEqual({
      kind: 'error',
      code: 'account_in_other_workspace',
      message: 'Already used: @shop',
    });
    // Instagram's own cancel redirect carries error_description instead of message.
    expect(parseConnectBanner('?error=access_denied&error_description=The+user+denied')).toEqual({
      kind: 'error',
      code: 'access_denied',
      message: 'The user denied',
    });
  });

  it('never lets the address pick an arbitrary dictionary key, and bounds the message', () => {
    const banner = parseConnectBanner(`?error=${encodeURIComponent('../x y')}&message=${'m'.repeat(900)}`);
    expect(banner).toMatchObject({ kind: 'error', code: 'unknown' });
    expect(banner?.kind === 'error' && banner.message?.length).toBe(500);
  });

  it('explains known codes in the user language and falls back to the code', () => {
    expect(explainConnectError(tIn('en'), 'oauth_cancelled')).toBe(
      'The Instagram login was cancelled, so nothing was connected.',
    );
    expect(explainConnectError(tIn('uk'), 'account_in_other_workspace')).toBe(
      'Цей акаунт Instagram уже підключено до іншого робочого простору.',
    );
    expect(explainConnectError(tIn('en'), 'oauth_state_mismatch')).toBe(
      'Something went wrong while connecting (code: oauth_state_mismatch).',
    );
  });

  it('drops only its own parameters when dismissed', () => {
    expect(withoutBannerParams('?connected=1')).toBe('');
    expect(withoutBannerParams('?error=x&message=y&tab=2')).toBe('?tab=2');
  });
});

describe('Chatrace helpers', () => {
  it('sends only the filled-in paths, trimmed', () => {
    const form = { ...formFromFieldMap(null), senderId: ' $.data.user.id ', text: '' };
    expect(fieldMapFromForm(form)).toEqual({ senderId: '$.data.user.id' });
    expect(formFromFieldMap({ text: '$.msg' })).toMatchObject({ text: '$.msg', senderId: '' });
  });

  it('finds the fields a validation error names, by key or by issue path', () => {
    expect(invalidFields({ fields: { text: 'unexpected "?"', senderId: 'empty' } })).toEqual([
      'senderId',
      'text',
    ]);
    expect(invalidFields({ issues: [{ path: ['chatraceFieldMap', 'timestamp'], message: 'bad' }] })).toEqual([
      'timestamp',
    ]);
    // the server's own wording: `{ problems: ['text: unexpected "?" at position 3'] }`
    expect(
      invalidFields({ problems: ['text: unexpected "?" at position 3', 'name: the path is empty'] }),
    ).toEqual(['text', 'name']);
    expect(invalidFields({ problems: ['the field map must be an object'] })).toEqual([]);
    expect(invalidFields(undefined)).toEqual([]);
  });

  it('prints the body template as indented JSON whatever form it comes in', () => {
    const template = { senderId: '{{user_id}}', text: '{{last_input_text}}' };
    const expected = JSON.stringify(template, null, 2);
    expect(templateText(template)).toBe(expected);
    expect(templateText(JSON.stringify(template))).toBe(expected);
    expect(templateText('not json')).toBe('not json');
  });

  it('knows when the webhook URL already carries the token', () => {
    expect(urlHasToken('https://relay.example/api/v1/chatrace/webhook?token=abc')).toBe(true);
    expect(urlHasToken('https://relay.example/api/v1/chatrace/webhook')).toBe(false);
  });
});

describe('api client PATCH', () => {
  it('sends the body as JSON with the PATCH method', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const api = createApi({
      getToken: () => 'tok',
      onUnauthorized: () => {},
      fetch: async (url, init) => {
        calls.push([String(url), init]);
        return new Response('{"id":"a1"}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    expect(await api.patch('/accounts/a1', { chatraceFieldMap: { text: '$.t' } })).toEqual({ id: 'a1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('/api/v1/accounts/a1');
    expect(calls[0]?.[1]).toMatchObject({ method: 'PATCH', body: '{"chatraceFieldMap":{"text":"$.t"}}' });
  });
});
