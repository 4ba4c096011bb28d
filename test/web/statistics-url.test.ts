import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, monthEnd, todayIn } from '../../web/src/pages/statistics/days.js';
import {
  refreshDays,
  resolveRange,
  type StatsUrlState,
  stateFromSearch,
  stateToSearch,
} from '../../web/src/pages/statistics/url-state.js';

// The Statistics page keeps what it shows in the URL; these are the rules for reading and
// writing it, and for turning a preset into days.

const defaults: StatsUrlState = {
  accountId: '',
  range: { preset: 30 },
  granularity: 'day',
  metric: 'reach',
  productType: '',
};

describe('URL state', () => {
  it('has defaults that stay out of the URL', () => {
    expect(stateFromSearch('')).toEqual(defaults);
    expect(stateToSearch(defaults)).toBe('');
  });

  it('round-trips every choice', () => {
    const state: StatsUrlState = {
      accountId: 'acc_1',
      range: { from: '2026-01-01', to: '2026-01-31' },
      granularity: 'week',
      metric: 'engagementRate',
      productType: 'REELS',
    };
    const search = stateToSearch(state);
    expect(search).toBe(
      '?account=acc_1&from=2026-01-01&to=2026-01-31&by=week&metric=engagementRate&type=REELS',
    );
    expect(stateFromSearch(search)).toEqual(state);
    expect(stateFromSearch(stateToSearch({ ...defaults, range: { preset: 90 } })).range).toEqual({
      preset: 90,
    });
  });

  it('ignores what it cannot use instead of failing', () => {
    const s = stateFromSearch('?days=45&by=year&metric=impressions&type=IGTV');
    expect(s).toEqual(defaults);
    // a backwards, impossible or too long custom range falls back to the preset
    expect(stateFromSearch('?from=2026-02-10&to=2026-02-01&days=7').range).toEqual({ preset: 7 });
    expect(stateFromSearch('?from=2026-02-30&to=2026-03-01').range).toEqual({ preset: 30 });
    expect(stateFromSearch('?from=2020-01-01&to=2026-01-01').range).toEqual({ preset: 30 });
  });

  it('turns a preset into the days ending today', () => {
    expect(resolveRange({ preset: 7 }, '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(resolveRange({ preset: 90 }, '2026-03-10')).toEqual({ from: '2025-12-11', to: '2026-03-10' });
    expect(resolveRange({ from: '2026-01-01', to: '2026-01-02' }, '2026-03-10')).toEqual({
      from: '2026-01-01',
      to: '2026-01-02',
    });
  });

  it('refreshes from the range’s first day, at most 90 complete days', () => {
    // a refresh reads the `days` complete days before today
    expect(refreshDays('2026-03-04', '2026-03-10')).toBe(6);
    expect(refreshDays('2025-12-11', '2026-03-10')).toBe(89);
    expect(refreshDays('2025-01-01', '2026-03-10')).toBe(90);
    expect(refreshDays('2026-03-10', '2026-03-10')).toBe(1);
  });
});

describe('days', () => {
  it('knows real dates', () => {
    expect(['2026-02-28', '2024-02-29'].map(isDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '', '2026-01-01T00:00Z'].map(isDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts across months, years and DST changes', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
  });

  it('says which day it is for Meta (Pacific time)', () => {
    const la = 'America/Los_Angeles';
    expect(todayIn(la, Date.parse('2026-01-15T07:59:00Z'))).toBe('2026-01-14');
    expect(todayIn(la, Date.parse('2026-01-15T08:00:00Z'))).toBe('2026-01-15');
    // summer time: midnight is 07:00 UTC
    expect(todayIn(la, Date.parse('2026-07-15T07:00:00Z'))).toBe('2026-07-15');
  });
});
