import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { useQuery } from '../../lib/use-query.js';
import { type LiveEvent, useWorkspaceEvents } from '../../lib/use-workspace-events.js';
import { AccountPicker } from './AccountPicker.js';
import { parseCommentEvent, planComments } from './gallery.js';
import { PostCard } from './PostCard.js';
import { PostPanel } from './PostPanel.js';
import { SyncPanel } from './SyncPanel.js';
import { sectionPath, withParam } from './sections.js';
import type { PostView } from './types.js';
import { useComments } from './use-comments.js';
import { useMediaSync } from './use-media-sync.js';
import { usePagedList } from './use-paged-list.js';
import { chosenAccount, type PublishingContext } from './use-publishing-context.js';
import './gallery.css';

const liveTypes = ['comment.created', 'comment.updated', 'posts.synced', 'posts.sync_progress'];

/** Every post of the account (not only ours), with a post's comments beside the grid when one is open. */
export function GalleryPage({ ctx, postId }: { ctx: PublishingContext; postId: string | null }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const account = chosenAccount(ctx, new URLSearchParams(search).get('account'));
  const accountId = account?.id ?? null;
  const posts = usePagedList<PostView>(accountId ? '/posts' : null, { accountId }, 24);
  const listed = posts.items.find((p) => p.id === postId);
  // a deep link to a post further down than the first page
  const fetched = useQuery(
    (a) => (postId && !listed ? a.get<PostView>(`/posts/${postId}`) : Promise.resolve(undefined)),
    [postId, !listed],
  );
  const open = listed ?? fetched.data;
  const comments = useComments(postId);
  const [fresh, setFresh] = useState<Map<string, number>>(new Map());
  const sync = useMediaSync(accountId, () => void posts.reload());

  const { reload: reloadPosts } = posts;
  const { reload: reloadComments } = comments;
  const { progress } = sync;
  const onEvents = useCallback(
    (events: LiveEvent[]) => {
      const commentEvents = events.flatMap((e) => parseCommentEvent(e.type, e.data) ?? []);
      const plan = planComments(commentEvents, open ?? null);
      if (plan.reloadOpen) void reloadComments();
      if (plan.fresh.size)
        setFresh((prev) => {
          const next = new Map(prev);
          for (const [id, n] of plan.fresh) next.set(id, (next.get(id) ?? 0) + n);
          return next;
        });
      for (const e of events) {
        if (e.data.accountId !== accountId) continue;
        if (e.type === 'posts.sync_progress' && typeof e.data.jobId === 'string')
          progress(e.data.jobId, Number(e.data.progress) || 0);
        // a sync landed, or one of our auto-posts was just published
        if (e.type === 'posts.synced') void reloadPosts();
      }
    },
    [open, accountId, reloadComments, reloadPosts, progress],
  );
  const onResync = useCallback(() => {
    void reloadPosts();
    void reloadComments();
  }, [reloadPosts, reloadComments]);
  useWorkspaceEvents(liveTypes, onEvents, onResync);

  const accountQuery = withParam(
    '',
    'account',
    account && account.id !== ctx.accounts[0]?.id ? account.id : null,
  );
  const hrefOf = (id: string | null) => `${sectionPath('gallery', id)}${accountQuery}`;
  // opening a post is reading its new comments
  useEffect(() => {
    if (!postId) return;
    setFresh((prev) => {
      if (!prev.has(postId)) return prev;
      const next = new Map(prev);
      next.delete(postId);
      return next;
    });
  }, [postId]);

  if (!account) return null;
  return (
    <div className={`pub-gallery${postId ? ' pub-gallery-has-open' : ''}`} data-testid="gallery">
      <div className="pub-gallery-main">
        <div className="pub-toolbar">
          <AccountPicker
            ctx={ctx}
            value={account.id}
            onChange={(id) => navigate(`${sectionPath('gallery')}${withParam(search, 'account', id)}`)}
          />
          <SyncPanel sync={sync} />
        </div>
        <ErrorMessage error={posts.error} onRetry={() => void posts.reload()} testId="gallery-error" />
        {!posts.loaded && <p className="muted">{t('common.loading')}</p>}
        {posts.loaded && posts.items.length === 0 && !posts.error && (
          <div className="card empty-state" data-testid="gallery-empty">
            <p className="muted">{t('pub.gallery.empty')}</p>
          </div>
        )}
        <div className="pub-grid" data-testid="post-grid">
          {posts.items.map((p) => (
            <PostCard
              key={p.id}
              post={p}
              href={hrefOf(p.id)}
              open={p.id === postId}
              fresh={fresh.get(p.id) ?? 0}
            />
          ))}
        </div>
        {posts.hasMore && (
          <div className="load-more">
            <button
              type="button"
              className="btn"
              disabled={posts.loadingMore}
              onClick={() => void posts.loadMore()}
            >
              {t('pub.loadMore')}
            </button>
          </div>
        )}
      </div>
      {postId && (
        <PostPanel
          post={open}
          error={listed ? null : fetched.error}
          comments={comments}
          closeHref={hrefOf(null)}
        />
      )}
    </div>
  );
}
