import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.js';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import { appendPage, upsertConversation } from './conversation-list.js';
import { filtersToQuery, type InboxFilters, matchesFilters } from './filters.js';
import type { ConversationView } from './types.js';

const pageSize = 30;

interface ListState {
  items: ConversationView[];
  nextCursor: string | null;
  loaded: boolean;
  error: unknown;
}

const initial: ListState = { items: [], nextCursor: null, loaded: false, error: null };

/** The left column: the first page for the filters, "load more", and single rows kept current by events. */
export function useConversationList(filters: InboxFilters) {
  const api = useApi();
  const [state, setState] = useState<ListState>(initial);
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers for an older filter set are dropped.
  const generation = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const key = JSON.stringify(filtersToQuery(filters));

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the filters
  const reload = useCallback(async () => {
    const mine = generation.current;
    try {
      const query = { ...filtersToQuery(filtersRef.current), limit: pageSize };
      const page = await api.get<Page<ConversationView>>('/conversations', query);
      if (mine === generation.current)
        setState({ items: page.items, nextCursor: page.nextCursor, loaded: true, error: null });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, loaded: true, error }));
    }
  }, [api, key]);

  useEffect(() => {
    generation.current++;
    setState(initial);
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (!state.nextCursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const query = { ...filtersToQuery(filtersRef.current), limit: pageSize, cursor: state.nextCursor };
      const page = await api.get<Page<ConversationView>>('/conversations', query);
      if (mine === generation.current)
        setState((s) => ({ ...s, items: appendPage(s.items, page.items), nextCursor: page.nextCursor }));
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, error }));
    } finally {
      setLoadingMore(false);
    }
  }, [api, state.nextCursor]);

  /** Puts a fresh copy of one conversation where the server's order would have it. */
  const upsert = useCallback((c: ConversationView) => {
    setState((s) => {
      const listed = s.items.some((i) => i.id === c.id);
      const keep = matchesFilters(c, filtersRef.current, listed);
      return { ...s, items: upsertConversation(s.items, c, { keep, hasMore: s.nextCursor !== null }) };
    });
  }, []);

  const remove = useCallback((id: string) => {
    setState((s) => ({ ...s, items: s.items.filter((c) => c.id !== id) }));
  }, []);

  /** Fetches one row again after a live event; a conversation that is gone leaves the list. */
  const refetch = useCallback(
    async (id: string): Promise<ConversationView | null> => {
      try {
        const c = await api.get<ConversationView>(`/conversations/${encodeURIComponent(id)}`);
        upsert(c);
        return c;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) remove(id);
        return null;
      }
    },
    [api, upsert, remove],
  );

  return { ...state, loadingMore, reload, loadMore, upsert, refetch };
}
