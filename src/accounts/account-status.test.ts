import { describe, expect, it } from 'vitest';
import { refreshDue, statusAt } from './account-status.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 22);
const iso = (ms: number) => new Date(ms).toISOString();

describe('statusAt', () => {
  const ig = (expiresIn: number | null, status: 'active' | 'token_expired' | 'disconnected' = 'active') => ({
    provider: 'instagram' as const,
    status,
    token_expires_at: expiresIn === null ? null : iso(now + expiresIn),
  });
  it.each([
    [30 * DAY, 'active'],
    [7 * DAY + 1, 'active'],
    [7 * DAY - 1, 'expiring'],
    [1, 'expiring'],
    [0, 'token_expired'],
    [-DAY, 'token_expired'],
    [null, 'active'],
  ])('a token expiring in %s ms is %s', (ms, expected) => {
    expect(statusAt(ig(ms), now)).toBe(expected);
  });
  it('keeps token_expired and disconnected regardless of the date', () => {
    expect(statusAt(ig(30 * DAY, 'token_expired'), now)).toBe('token_expired');
    expect(statusAt(ig(30 * DAY, 'disconnected'), now)).toBe('disconnected');
  });
});

describe('refreshDue', () => {
  const acc = (issuedAgo: number, expiresIn: number | null) => ({
    provider: 'instagram' as const,
    status: 'active' as const,
    token_issued_at: iso(now - issuedAgo),
    token_expires_at: expiresIn === null ? null : iso(now + expiresIn),
  });
  it.each([
    [2 * DAY, 19 * DAY, true],
    [2 * DAY, 21 * DAY, false],
    [DAY - 1, 5 * DAY, false],
    [2 * DAY, -1, false],
    [2 * DAY, null, true],
    [DAY - 1, null, false],
  ])('issued %s ms ago, expiring in %s ms → %s', (ago, expires, due) => {
    expect(refreshDue(acc(ago, expires), now)).toBe(due);
  });
});
