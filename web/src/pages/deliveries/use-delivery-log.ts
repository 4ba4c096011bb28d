import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { Delivery, Page } from '../../lib/types.js';
import { type DeliveryFilters, filtersToQuery } from './filters.js';

const pageSize = 50;
export const refreshIntervalMs = 3000;

export interface LogState {
  items: Delivery[];
  nextCursor: string | null;
  loaded: boolean;
  error: unknown;
  updatedAt: Date | null;
}

const initial: LogState = { items: [], nextCursor: null, loaded: false, error: null, updatedAt: null };

/**
 * Merges a fresh first page into what is shown: new deliveries appear on top, statuses update,
 * and pages already loaded with "load more" stay (ids are time-ordered UUIDv7, newest first).
 */
export function mergeFirstPage(prev: LogState, page: Page<Delivery>): Pick<LogState, 'items' | 'nextCursor'> {
  const last = page.items.at(-1);
  if (!page.nextCursor || !last) return { items: page.items, nextCursor: page.nextCursor };
  const tail = prev.items.filter((d) => d.id < last.id);
  return { items: [...page.items, ...tail], nextCursor: tail.length ? prev.nextCursor : page.nextCursor };
}

export function useDeliveryLog(filters: DeliveryFilters, autoRefresh: boolean) {
  const api = useApi();
  const [state, setState] = useState<LogState>(initial);
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers for an older filter set are dropped.
  const generation = useRef(0);
  const query = filtersToQuery(filters);
  const queryKey = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the query object
  const refresh = useCallback(async () => {
    const mine = generation.current;
    try {
      const page = await api.get<Page<Delivery>>('/webhook-events', { ...query, limit: pageSize });
      if (mine !== generation.current) return;
      setState((prev) => ({
        ...prev,
        ...mergeFirstPage(prev, page),
        loaded: true,
        error: null,
        updatedAt: new Date(),
      }));
    } catch (error) {
      if (mine === generation.current) setState((prev) => ({ ...prev, loaded: true, error }));
    }
  }, [api, queryKey]);

  // A new filter set starts from an empty list.
  useEffect(() => {
    generation.current++;
    setState(initial);
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!autoRefresh) return;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const tick = async () => {
      if (!document.hidden) await refresh();
      if (!stopped) timer = setTimeout(tick, refreshIntervalMs);
    };
    timer = setTimeout(tick, refreshIntervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [autoRefresh, refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the query object
  const loadMore = useCallback(async () => {
    if (!state.nextCursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<Delivery>>('/webhook-events', {
        ...query,
        limit: pageSize,
        cursor: state.nextCursor,
      });
      if (mine !== generation.current) return;
      setState((prev) => {
        const known = new Set(prev.items.map((d) => d.id));
        const items = [...prev.items, ...page.items.filter((d) => !known.has(d.id))];
        return { ...prev, items, nextCursor: page.nextCursor, error: null };
      });
    } catch (error) {
      if (mine === generation.current) setState((prev) => ({ ...prev, error }));
    } finally {
      setLoadingMore(false);
    }
  }, [api, queryKey, state.nextCursor]);

  return { ...state, loadingMore, refresh, loadMore };
}
