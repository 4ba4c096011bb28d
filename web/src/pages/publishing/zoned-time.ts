// Wall-clock time in an IANA time zone, with nothing but Intl: the schedule is shown and entered
// in the user's zone while the API speaks UTC. Civil dates ("2026-03-29") are computed with
// Date.UTC, so adding a day is always one calendar day, whatever DST does to its length.

export interface CivilDateTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

// ICU still calls some zones by their old names (browsers answer "Europe/Kiev" for Kyiv); IANA
// renamed them long ago, and both names work everywhere, so the current one is what people see.
const renamed: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
};

/** the current IANA name of a zone */
export function currentZoneName(name: string): string {
  const modern = renamed[name];
  return modern && isTimeZone(modern) ? modern : name;
}

export function browserTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** the wall-clock reading of an instant in a zone */
export function zonedParts(ms: number, timeZone: string): CivilDateTime {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const asUtc = (c: CivilDateTime) => Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);

/** how far the zone's clock is ahead of UTC at this instant */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtc(zonedParts(whole, timeZone)) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time names in a zone. A time that happens twice (the hour repeated
 * when clocks go back) is its first occurrence; a time that never happens (skipped when clocks go
 * forward) is moved forward by the gap, as a clock on the wall would read it: 03:30 on the day
 * Kyiv jumps from 03:00 to 04:00 is 04:30. (Temporal calls this "compatible".)
 */
export function zonedToUtc(c: CivilDateTime, timeZone: string): number {
  const local = asUtc(c);
  // Offsets around any transition near this date (zones change at most once within a day or two).
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((t) => asUtc(zonedParts(t, timeZone)) === local)
    .sort((a, b) => a - b);
  return valid[0] ?? local - before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of an instant in a zone */
export function dayKey(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

export function parseDayKey(key: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** a civil date plus n calendar days */
export function addDays(key: string, n: number): string {
  const p = parseDayKey(key);
  if (!p) throw new Error(`not a date: ${key}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(key: string): number {
  const p = parseDayKey(key);
  if (!p) throw new Error(`not a date: ${key}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** the instant a day starts in a zone (midnight, or the first moment after a skipped midnight) */
export function startOfDay(key: string, timeZone: string): number {
  const p = parseDayKey(key);
  if (!p) throw new Error(`not a date: ${key}`);
  return zonedToUtc({ ...p, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `<input type="datetime-local" step="1">` value: 'YYYY-MM-DDTHH:MM:SS' in the zone */
export function toLocalInput(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${dayKey(ms, timeZone)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** the instant a datetime-local value names in the zone, or null when it is not one */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  const date = m?.[1] ? parseDayKey(m[1]) : null;
  if (!m || !date) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return zonedToUtc({ ...date, hour, minute, second }, timeZone);
}
