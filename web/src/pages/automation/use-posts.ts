import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import type { Post } from './types.js';

/** An account's synced posts, newest first, a page at a time (GET /posts?accountId=). */
export function usePosts(accountId: string) {
  const api = useApi();
  const [items, setItems] = useState<Post[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api.get<Page<Post>>('/posts', { accountId, limit: 24, cursor: after });
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [api, accountId],
  );

  useEffect(() => {
    setItems(null);
    if (accountId) void load(null);
  }, [accountId, load]);

  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    more: () => void load(cursor),
    retry: () => void load(null),
  };
}
