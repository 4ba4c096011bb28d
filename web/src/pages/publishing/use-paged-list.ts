import { useCallback, useEffect, useRef, useState } from 'react';
import type { Query } from '../../lib/api.js';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';

export interface PagedList<T> {
  items: T[];
  loaded: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  /** the first page again, keeping what is shown until it arrives */
  reload(): Promise<void>;
  /** change an item in place after an action answered with it */
  replace(item: T): void;
}

/** A keyset-paged list (`{items, nextCursor}`); `path: null` shows nothing (e.g. no account yet). */
export function usePagedList<T extends { id: string }>(
  path: string | null,
  query: Query,
  pageSize = 50,
): PagedList<T> {
  const api = useApi();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // answers for an older path or query are dropped
  const generation = useRef(0);
  const key = JSON.stringify([path, query, pageSize]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for path, query and size
  const fetchPage = useCallback(
    (after: string | null) =>
      path ? api.get<Page<T>>(path, { ...query, limit: pageSize, cursor: after }) : null,
    [api, key],
  );

  const reload = useCallback(async () => {
    const mine = generation.current;
    const request = fetchPage(null);
    if (!request) return;
    try {
      const page = await request;
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoaded(true);
    }
  }, [fetchPage]);

  useEffect(() => {
    generation.current++;
    setItems([]);
    setCursor(null);
    setLoaded(false);
    setError(null);
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    const mine = generation.current;
    const request = cursor ? fetchPage(cursor) : null;
    if (!request) return;
    setLoadingMore(true);
    try {
      const page = await request;
      if (mine !== generation.current) return;
      setItems((prev) => {
        const known = new Set(prev.map((i) => i.id));
        return [...prev, ...page.items.filter((i) => !known.has(i.id))];
      });
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, fetchPage]);

  const replace = useCallback(
    (item: T) => setItems((prev) => prev.map((i) => (i.id === item.id ? item : i))),
    [],
  );

  return { items, loaded, error, hasMore: cursor !== null, loadingMore, loadMore, reload, replace };
}
