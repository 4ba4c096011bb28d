import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../lib/session.js';
import { visibleThreads } from './gallery.js';
import type { CommentThread, CommentView } from './types.js';
import { usePagedList } from './use-paged-list.js';

export type CommentAction = 'reply' | 'hide' | 'unhide' | 'delete';

export interface CommentsState {
  threads: CommentThread[];
  loaded: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
  /** which comment an action runs on, and the last action's failure (shown at that comment) */
  busy: { id: string; action: CommentAction } | null;
  failed: { id: string; error: unknown } | null;
  reply(c: CommentView, message: string): Promise<boolean>;
  setHidden(c: CommentView, hidden: boolean): Promise<boolean>;
  remove(c: CommentView): Promise<boolean>;
}

/**
 * A post's comments with their replies, and moderation through the API (which acts on Instagram
 * first, then stores the result). After an action the list is read again: the server's copy is
 * the truth, and live events from other operators land the same way.
 */
export function useComments(postId: string | null): CommentsState {
  const api = useApi();
  const list = usePagedList<CommentThread>(postId ? `/media/${postId}/comments` : null, {}, 50);
  const [busy, setBusy] = useState<CommentsState['busy']>(null);
  const [failed, setFailed] = useState<CommentsState['failed']>(null);
  const { reload } = list;

  const act = useCallback(
    async (c: CommentView, action: CommentAction, request: () => Promise<unknown>) => {
      setBusy({ id: c.id, action });
      setFailed(null);
      try {
        await request();
        await reload();
        return true;
      } catch (error) {
        setFailed({ id: c.id, error });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [reload],
  );

  const threads = useMemo(() => visibleThreads(list.items), [list.items]);
  return {
    threads,
    loaded: list.loaded,
    error: list.error,
    hasMore: list.hasMore,
    loadingMore: list.loadingMore,
    loadMore: list.loadMore,
    reload,
    busy,
    failed,
    reply: (c, message) => act(c, 'reply', () => api.post(`/comments/${c.id}/reply`, { message })),
    setHidden: (c, hidden) =>
      act(c, hidden ? 'hide' : 'unhide', () => api.post(`/comments/${c.id}/hide`, { hidden })),
    remove: (c) => act(c, 'delete', () => api.del(`/comments/${c.id}`)),
  };
}
