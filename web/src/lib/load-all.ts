import type { ApiClient, Query } from './api.js';
import type { Page } from './types.js';

/**
 * Every page of a short list (rules, subscriptions, keys): they are ordered and edited as a
 * whole. Bounded, so a runaway list cannot keep the page loading forever.
 */
export async function loadAll<T>(
  api: ApiClient,
  path: string,
  query: Query = {},
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}
