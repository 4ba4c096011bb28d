import { describe, expect, it } from 'vitest';
import {
  bucketByDay,
  monthGrid,
  rangeOf,
  shiftAnchor,
  visibleDays,
  weekDays,
  weekStartFor,
} from '../../web/src/pages/publishing/calendar.js';
import { scheduleFromSearch, scheduleToSearch } from '../../web/src/pages/publishing/schedule-url.js';
import {
  addDays,
  currentZoneName,
  dayKey,
  fromLocalInput,
  startOfDay,
  toLocalInput,
  zonedToUtc,
} from '../../web/src/pages/publishing/zoned-time.js';

// Kyiv moves its clocks on the last Sundays of March (03:00 → 04:00) and October (04:00 → 03:00);
// New York on the second Sunday of March and the first of November, at 02:00.

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);
const civil = (date: string, time: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  return { year, month, day, hour, minute, second };
};

describe('wall-clock time in a zone', () => {
  it('turns a local time into UTC on either side of a DST change', () => {
    expect(iso(zonedToUtc(civil('2026-03-29', '02:30'), 'Europe/Kyiv'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedToUtc(civil('2026-03-29', '04:30'), 'Europe/Kyiv'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToUtc(civil('2026-07-01', '10:00:07'), 'Europe/Kyiv'))).toBe('2026-07-01T07:00:07.000Z');
    expect(iso(zonedToUtc(civil('2026-06-01', '00:00'), 'Asia/Kathmandu'))).toBe('2026-05-31T18:15:00.000Z');
  });

  it('moves a skipped time forward and takes the first of a repeated one', () => {
    // 03:30 never happens in Kyiv on 29 March 2026: a wall clock reads 04:30 then.
    expect(iso(zonedToUtc(civil('2026-03-29', '03:30'), 'Europe/Kyiv'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToUtc(civil('2026-03-08', '02:15'), 'America/New_York'))).toBe(
      '2026-03-08T07:15:00.000Z',
    );
    // 03:30 happens twice on 25 October 2026 (EEST, then EET): the first one.
    expect(iso(zonedToUtc(civil('2026-10-25', '03:30'), 'Europe/Kyiv'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc(civil('2026-11-01', '01:30'), 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('reads and writes the datetime-local value to the second', () => {
    const ms = at('2026-10-25T01:30:05Z'); // the second 03:30:05 in Kyiv
    expect(toLocalInput(ms, 'Europe/Kyiv')).toBe('2026-10-25T03:30:05');
    expect(toLocalInput(ms, 'UTC')).toBe('2026-10-25T01:30:05');
    expect(iso(fromLocalInput('2026-12-24T10:00:00', 'Europe/Kyiv') ?? 0)).toBe('2026-12-24T08:00:00.000Z');
    expect(iso(fromLocalInput('2026-12-24T10:00', 'America/New_York') ?? 0)).toBe('2026-12-24T15:00:00.000Z');
    expect(fromLocalInput('2026-02-30T10:00:00', 'UTC')).toBeNull();
    expect(fromLocalInput('2026-02-10T24:00:00', 'UTC')).toBeNull();
    expect(fromLocalInput('tomorrow', 'UTC')).toBeNull();
  });

  it('calls zones by their current names, which ICU still spells the old way', () => {
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/Berlin')).toBe('Europe/Berlin');
    expect(toLocalInput(at('2026-07-01T07:00:00Z'), currentZoneName('Europe/Kiev'))).toBe(
      '2026-07-01T10:00:00',
    );
  });

  it('starts days at local midnight, so DST days are 23 and 25 hours long', () => {
    expect(iso(startOfDay('2026-03-29', 'Europe/Kyiv'))).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Kyiv') - startOfDay('2026-03-29', 'Europe/Kyiv')).toBe(
      23 * 3.6e6,
    );
    expect(startOfDay('2026-10-26', 'Europe/Kyiv') - startOfDay('2026-10-25', 'Europe/Kyiv')).toBe(
      25 * 3.6e6,
    );
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('calendar grids', () => {
  it('starts weeks where the locale does', () => {
    expect(weekStartFor('uk-UA')).toBe(1);
    expect(weekStartFor('ru')).toBe(1);
    expect(weekStartFor('en-US')).toBe(0);
    expect(weekDays('2026-03-25', 1)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(weekDays('2026-03-25', 0)[0]).toBe('2026-03-22');
  });

  it('covers a month with whole weeks', () => {
    // 1 March 2026 is a Sunday.
    const monday = monthGrid('2026-03-15', 1);
    expect(monday.map((w) => w[0])).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(monday.at(-1)?.at(-1)).toBe('2026-04-05');
    const sunday = monthGrid('2026-03-15', 0);
    expect(sunday).toHaveLength(5);
    expect(sunday[0]?.[0]).toBe('2026-03-01');
    expect(visibleDays('list', '2026-03-15', 1)).toEqual(monday.flat());
  });

  it('asks the API for exactly the days shown, in the zone', () => {
    expect(rangeOf(weekDays('2026-03-25', 1), 'Europe/Kyiv')).toEqual({
      from: '2026-03-22T22:00:00.000Z',
      to: '2026-03-29T21:00:00.000Z',
    });
    expect(rangeOf(weekDays('2026-03-25', 1), 'UTC')).toEqual({
      from: '2026-03-23T00:00:00.000Z',
      to: '2026-03-30T00:00:00.000Z',
    });
  });

  it('steps by week and by month', () => {
    expect(shiftAnchor('week', '2026-03-25', 1)).toBe('2026-04-01');
    expect(shiftAnchor('week', '2026-01-02', -1)).toBe('2025-12-26');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftAnchor('month', '2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftAnchor('list', '2026-12-15', 1)).toBe('2027-01-15');
  });

  it('puts each post on the day it is scheduled in the viewer’s zone, across DST', () => {
    const post = (id: string, scheduledAt: string) => ({ id, scheduledAt });
    const posts = [
      post('d', '2026-03-29T21:00:00.000Z'), // 00:00 on the 30th in Kyiv
      post('a', '2026-03-28T21:59:59.000Z'), // 23:59:59 on the 28th (EET)
      post('c', '2026-03-29T20:59:59.000Z'), // 23:59:59 on the 29th (EEST)
      post('b', '2026-03-28T22:00:00.000Z'), // 00:00 on the 29th
      post('b2', '2026-03-28T22:00:00.000Z'),
    ];
    const kyiv = bucketByDay(posts, 'Europe/Kyiv');
    expect([...kyiv.entries()].map(([day, items]) => [day, items.map((p) => p.id)])).toEqual([
      ['2026-03-28', ['a']],
      ['2026-03-29', ['b', 'b2', 'c']],
      ['2026-03-30', ['d']],
    ]);
    const utc = bucketByDay(posts, 'UTC');
    expect(utc.get('2026-03-28')?.map((p) => p.id)).toEqual(['a', 'b', 'b2']);
    expect(utc.get('2026-03-29')?.map((p) => p.id)).toEqual(['c', 'd']);
    expect(dayKey(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
  });
});

describe('the schedule in the address', () => {
  it('reads the view and writes only what differs from the defaults', () => {
    const v = scheduleFromSearch('?view=month&date=2026-03-01&tz=Europe%2FKyiv', '2026-12-02', 'UTC');
    expect(v).toEqual({ view: 'month', date: '2026-03-01', timeZone: 'Europe/Kyiv', account: '' });
    expect(scheduleToSearch(v, '2026-12-02', 'UTC')).toBe('?view=month&date=2026-03-01&tz=Europe%2FKyiv');
    expect(
      scheduleToSearch({ ...v, view: 'week', date: '2026-12-02', timeZone: 'UTC' }, '2026-12-02', 'UTC'),
    ).toBe('');
  });

  it('falls back to the defaults for values it does not understand', () => {
    expect(scheduleFromSearch('?view=year&date=2026-02-31&tz=Mars%2FOlympus', '2026-12-02', 'UTC')).toEqual({
      view: 'week',
      date: '2026-12-02',
      timeZone: 'UTC',
      account: '',
    });
  });
});
