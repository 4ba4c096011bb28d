import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import type { AutomationAction } from './types.js';

export interface FeedFilter {
  accountId: string | null;
  conversationId: string | null;
}

const pageSize = 30;

/** The newest automated actions; live events reload the first page and keep older pages loaded. */
export function useActionFeed(filter: FeedFilter) {
  const api = useApi();
  const [items, setItems] = useState<AutomationAction[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const query = { accountId: filter.accountId, conversationId: filter.conversationId, limit: pageSize };
  const key = JSON.stringify(query);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await api.get<Page<AutomationAction>>('/automation-actions', JSON.parse(key));
      if (mine !== generation.current) return;
      setItems((prev) => {
        // Keep what "show more" loaded below the first page (ids are time-ordered).
        const last = page.items.at(-1);
        const older = prev && last ? prev.filter((a) => a.id < last.id) : [];
        return [...page.items, ...older];
      });
      setCursor((c) => c ?? page.nextCursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    }
  }, [api, key]);

  useEffect(() => {
    setItems(null);
    setCursor(null);
    void refresh();
  }, [refresh]);

  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<AutomationAction>>('/automation-actions', {
        ...JSON.parse(key),
        cursor,
      });
      setItems((prev) => [...(prev ?? []), ...page.items.filter((a) => !prev?.some((p) => p.id === a.id))]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  return { items, error, refresh, more, hasMore: cursor !== null, loadingMore };
}
