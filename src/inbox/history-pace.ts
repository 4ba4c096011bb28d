import { toIsoTime } from '../providers/instagram/webhook-parser.js';

// Pacing for the Conversations API, which Meta limits to 2 calls per second per account:
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api

export const conversationsCallGapMs = 500;

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One per account and run: each `wait()` returns no sooner than `gapMs` after the previous one. */
export class Pacer {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: () => number,
    private readonly sleep: Sleep,
    private readonly gapMs = conversationsCallGapMs,
  ) {}

  async wait(): Promise<void> {
    const wait = this.last + this.gapMs - this.clock();
    if (wait > 0) await this.sleep(wait);
    this.last = this.clock();
  }
}

/** runs `fn` over `items`, at most `limit` at a time; `fn` must not throw */
export async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Whether a thread in Graph's list has something we have not stored. Graph's `updated_time` has
 * whole seconds while stored times have milliseconds, so a stored message in the same second
 * counts as up to date. A thread we never stored is news only if it changed since the history
 * import (older ones were left out by the import's cap, or hold nothing the inbox can show).
 */
export function hasNews(
  updatedTime: string | null,
  storedLastMessageAt: string | null,
  checkedUpTo: number | undefined,
  backfilledAt: string,
): boolean {
  const updated = graphTimeMs(updatedTime);
  if (updated === null) return false;
  if (checkedUpTo !== undefined && updated <= checkedUpTo) return false;
  const second = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
  if (storedLastMessageAt === null) return updated >= second(backfilledAt);
  return updated > second(storedLastMessageAt);
}

/** Graph's "2025-06-03T12:25:18+0000" as epoch ms */
export function graphTimeMs(value: string | null): number | null {
  const iso = toIsoTime(value);
  return iso ? Date.parse(iso) : null;
}
