import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayStart, daysBetween, isDay, monthStart, weekStart } from './insight-day.js';

describe('Meta insight days', () => {
  it("start at midnight Pacific: 08:00 UTC in winter, 07:00 UTC in summer, as Meta's end_time says", () => {
    // insights_account_time_series_legacy.doc.json: the value for Jan 10 ends 2018-01-11T08:00:00+0000
    expect(dayStart('2018-01-11')).toBe(Date.parse('2018-01-11T08:00:00Z'));
    expect(dayStart('2026-07-01')).toBe(Date.parse('2026-07-01T07:00:00Z'));
    expect(dayOf(Date.parse('2018-01-11T07:59:59Z'))).toBe('2018-01-10');
    expect(dayOf(Date.parse('2018-01-11T08:00:00Z'))).toBe('2018-01-11');
  });

  it('are 23 or 25 hours long on the days the clocks change', () => {
    // 2026-03-08 and 2026-11-01: daylight saving time starts and ends in the US
    expect(dayStart('2026-03-09') - dayStart('2026-03-08')).toBe(23 * 3600_000);
    expect(dayStart('2026-11-02') - dayStart('2026-11-01')).toBe(25 * 3600_000);
  });

  it('work in any time zone, including one whose clocks skip midnight', () => {
    expect(dayStart('2026-01-15', 'Europe/Kyiv')).toBe(Date.parse('2026-01-14T22:00:00Z'));
    expect(dayStart('2026-01-15', 'UTC')).toBe(Date.parse('2026-01-15T00:00:00Z'));
    // Chile moved its clocks from 24:00 to 01:00 on 2024-09-08: that day began at 01:00 local
    expect(dayStart('2024-09-08', 'America/Santiago')).toBe(Date.parse('2024-09-08T04:00:00Z'));
  });

  it('count, step and group by calendar', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
    expect(weekStart('2026-01-18')).toBe('2026-01-12'); // a Sunday belongs to the week from Monday
    expect(weekStart('2026-01-12')).toBe('2026-01-12');
    expect(monthStart('2026-02-17')).toBe('2026-02-01');
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
  });
});
