import { useCallback } from 'react';
import { loadAll } from '../../lib/load-all.js';
import { useQuery } from '../../lib/use-query.js';
import { type LiveEvent, useWorkspaceEvents } from '../../lib/use-workspace-events.js';
import type { AutoPostView, SeriesView } from './schedule-types.js';

const liveTypes = ['auto-post.updated'];

/**
 * The posts scheduled in [from, to) and the rotations; every change of a post (a run moving it
 * along, another operator) arrives as auto-post.updated and the range is read again.
 */
export function useSchedule(range: { from: string; to: string }, accountId: string, openId: string | null) {
  const posts = useQuery(
    (api) => loadAll<AutoPostView>(api, '/auto-posts', { ...range, accountId: accountId || undefined }),
    [range.from, range.to, accountId],
  );
  const series = useQuery((api) => loadAll<SeriesView>(api, '/auto-post-series'), []);
  // the open post may lie outside the range shown (a link, or a week away)
  const open = useQuery(
    (api) => (openId ? api.get<AutoPostView>(`/auto-posts/${openId}`) : Promise.resolve(undefined)),
    [openId],
  );
  const { reload: reloadPosts } = posts;
  const { reload: reloadOpen } = open;
  const { reload: reloadSeries } = series;
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      void reloadPosts();
      if (openId && events.some((e) => e.data.id === openId)) void reloadOpen();
    },
    [reloadPosts, reloadOpen, openId],
  );
  const resync = useCallback(() => {
    void reloadPosts();
    void reloadOpen();
    void reloadSeries();
  }, [reloadPosts, reloadOpen, reloadSeries]);
  const { connected } = useWorkspaceEvents(liveTypes, onEvents, resync);
  return { posts, series, open, connected, resync };
}
