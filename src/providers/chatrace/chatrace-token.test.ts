import { describe, expect, it } from 'vitest';
import { parseChatraceToken } from './chatrace-token.js';

describe('parseChatraceToken', () => {
  it.each<[string, string | null, string]>([
    ['1234567.AbCdEf0123456789', '1234567', 'AbCdEf0123456789'],
    ['1234567.abc.def', '1234567', 'abc.def'],
    ['AbCdEf0123456789', null, 'AbCdEf0123456789'],
    ['eyJhbGciOi.eyJzdWIi.sig-_x', null, 'eyJhbGciOi.eyJzdWIi.sig-_x'],
    ['  1234567.tok\n', '1234567', 'tok'],
    ['"1234567.tok"', '1234567', 'tok'],
    ["'tok'", null, 'tok'],
    ['12345', null, '12345'],
  ])('%j → account %s, token %s', (input, accountId, token) => {
    expect(parseChatraceToken(input)).toEqual({ ok: true, accountId, token });
  });

  it.each<[unknown, 'empty' | 'whitespace' | 'malformed']>([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['""', 'empty'],
    [undefined, 'empty'],
    [42, 'empty'],
    ['Bearer 1234567.tok', 'whitespace'],
    ['1234567. tok', 'whitespace'],
    ['tok\ten', 'whitespace'],
    ['1234567.', 'malformed'],
    ['.tok', 'malformed'],
    ['tok.', 'malformed'],
    ['1234567.токен', 'malformed'],
    ['tok\u200b', 'malformed'],
  ])('%j is refused as %s, with a message', (input, reason) => {
    const res = parseChatraceToken(input);
    expect(res).toMatchObject({ ok: false, reason });
    if (!res.ok) expect(res.message.length).toBeGreaterThan(10);
  });
});
