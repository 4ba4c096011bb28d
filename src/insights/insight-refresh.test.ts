import { describe, expect, it } from 'vitest';
import { mediaRetentionMs, nextRefresh } from './insight-refresh.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const published = Date.parse('2026-01-01T12:00:00Z');

describe('when post insights are read again', () => {
  it('every 3 hours for two days, twice a day in the first week, then weekly', () => {
    expect(nextRefresh(published, published + HOUR)).toBe(published + 4 * HOUR);
    expect(nextRefresh(published, published + 47 * HOUR)).toBe(published + 50 * HOUR);
    expect(nextRefresh(published, published + 3 * DAY)).toBe(published + 3 * DAY + 12 * HOUR);
    expect(nextRefresh(published, published + 8 * DAY)).toBe(published + 15 * DAY);
    expect(nextRefresh(published, published + 400 * DAY)).toBe(published + 407 * DAY);
  });

  it('never again once Meta no longer keeps the metrics (2 years)', () => {
    expect(nextRefresh(published, published + mediaRetentionMs)).toBeNull();
  });

  it('treats a timestamp in the future (clock skew) as a brand-new post', () => {
    expect(nextRefresh(published + HOUR, published)).toBe(published + 3 * HOUR);
  });
});
