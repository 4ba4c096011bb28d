import { outboundEventTypes } from './types.js';

// A subscription's events: `*` means every type, also those added in later versions.

export type EventChoice = (typeof outboundEventTypes)[number] | '*';

export function toggleEventType(selected: readonly string[], type: EventChoice): string[] {
  if (type === '*') return selected.includes('*') ? [] : ['*'];
  const specific = selected.filter((s) => s !== '*');
  return specific.includes(type)
    ? specific.filter((s) => s !== type)
    : outboundEventTypes.filter((t) => t === type || specific.includes(t));
}

export const isSelected = (selected: readonly string[], type: EventChoice) =>
  selected.includes('*') || selected.includes(type);
