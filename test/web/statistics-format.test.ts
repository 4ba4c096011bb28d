import { describe, expect, it } from 'vitest';
import {
  formatAxisDate,
  formatAxisValue,
  formatChange,
  formatDay,
  formatPeriod,
  formatValue,
} from '../../web/src/pages/statistics/stats-format.js';

// Dates and numbers on the Statistics page follow the user's locale; a day is a calendar date,
// so no time zone may move it. ICU puts thin and no-break spaces in some of these; plain() makes
// them ordinary spaces so the expectations are readable.

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('dates per locale', () => {
  it('labels the x axis with day and month, or month and year', () => {
    expect(plain(formatAxisDate('en-US', '2026-03-10', 'day'))).toBe('Mar 10');
    expect(plain(formatAxisDate('ru', '2026-03-10', 'week'))).toBe('10 мар.');
    expect(plain(formatAxisDate('uk', '2026-03-10', 'day'))).toBe('10 бер.');
    expect(plain(formatAxisDate('en-US', '2026-03-01', 'month'))).toBe('Mar 2026');
    expect(plain(formatAxisDate('uk', '2026-03-01', 'month'))).toMatch(/^бер\. 2026 р\.$/);
  });

  it('names a period in full: a day, a week as a range, a whole month by its name', () => {
    expect(plain(formatPeriod('en-US', '2026-03-10', '2026-03-10', 'day'))).toBe('Mar 10, 2026');
    expect(plain(formatPeriod('en-US', '2026-03-09', '2026-03-15', 'week'))).toBe('Mar 9 – 15, 2026');
    expect(plain(formatPeriod('ru', '2026-03-09', '2026-03-15', 'week'))).toBe('9–15 мар. 2026 г.');
    expect(plain(formatPeriod('uk', '2026-03-01', '2026-03-31', 'month'))).toBe('березень 2026 р.');
    expect(plain(formatPeriod('en-US', '2026-02-01', '2026-02-28', 'month'))).toBe('February 2026');
    // a month clipped by the range is the days it really covers
    expect(plain(formatPeriod('en-US', '2026-02-10', '2026-02-28', 'month'))).toBe('Feb 10 – 28, 2026');
    expect(plain(formatPeriod('en-US', '2025-12-29', '2026-01-04', 'week'))).toBe(
      'Dec 29, 2025 – Jan 4, 2026',
    );
  });

  it('never shifts a day, whatever the time zone', () => {
    // 1 January at UTC midnight is still 31 December in California; the label must say 1 January
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(
        new Intl.DateTimeFormat('en-US', { day: 'numeric' }).format(new Date('2026-01-01T00:00:00Z')),
      ).toBe('31');
      expect(plain(formatDay('en-US', '2026-01-01'))).toBe('January 1, 2026');
      expect(plain(formatDay('ru', '2026-01-01'))).toBe('1 января 2026 г.');
      expect(plain(formatDay('uk', '2026-01-01'))).toBe('1 січня 2026 р.');
      expect(plain(formatAxisDate('en-US', '2026-01-01', 'day'))).toBe('Jan 1');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('numbers per locale', () => {
  it('writes counts with the locale’s grouping', () => {
    expect(plain(formatValue('en-US', 12345, 'count'))).toBe('12,345');
    expect(plain(formatValue('ru', 12345, 'count'))).toBe('12 345');
    expect(plain(formatValue('uk', 12345, 'count'))).toBe('12 345');
  });

  it('writes rates as percentages and watch time in seconds', () => {
    expect(plain(formatValue('en-US', 0.0345, 'rate'))).toBe('3.45%');
    expect(plain(formatValue('ru', 0.0345, 'rate'))).toBe('3,45 %');
    expect(plain(formatValue('uk', 0.0345, 'rate'))).toBe('3,45%');
    expect(plain(formatValue('en-US', 12_340, 'duration'))).toBe('12.3 sec');
    expect(plain(formatValue('ru', 12_340, 'duration'))).toBe('12,3 с');
  });

  it('shortens axis labels', () => {
    expect(plain(formatAxisValue('en-US', 12_000, 'count'))).toBe('12K');
    expect(plain(formatAxisValue('ru', 1500, 'count'))).toBe('1,5 тыс.');
    expect(plain(formatAxisValue('uk', 1500, 'count'))).toBe('1,5 тис.');
    expect(plain(formatAxisValue('en-US', 0.015, 'rate'))).toBe('1.5%');
  });

  it('signs a change, and a zero change is just zero', () => {
    expect(plain(formatChange('en-US', 12))).toBe('+12');
    expect(plain(formatChange('en-US', -3))).toBe('-3');
    expect(plain(formatChange('en-US', 0))).toBe('0');
  });
});
