import type { MessageView } from './types.js';

// The thread's messages: pages arrive newest first and overlap with live refetches; the view
// shows them oldest at the top, grouped under a heading per calendar day.

const byTime = (a: MessageView, b: MessageView) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Merges fetched messages into the shown ones by id (the fetched copy wins), oldest first. */
export function mergeMessages(shown: readonly MessageView[], fetched: readonly MessageView[]): MessageView[] {
  const byId = new Map(shown.map((m) => [m.id, m]));
  for (const m of fetched) byId.set(m.id, m);
  return [...byId.values()].sort(byTime);
}

/** 'YYYY-MM-DD' of the instant in the given time zone (default: the browser's). */
export function dayKey(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface DayGroup {
  day: string;
  messages: MessageView[];
}

/** Consecutive days of an oldest-first list. */
export function groupByDay(messages: readonly MessageView[], timeZone?: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const m of messages) {
    const day = dayKey(m.createdAt, timeZone);
    const last = groups.at(-1);
    if (last?.day === day) last.messages.push(m);
    else groups.push({ day, messages: [m] });
  }
  return groups;
}

/** Whole calendar days between two 'YYYY-MM-DD' keys (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
