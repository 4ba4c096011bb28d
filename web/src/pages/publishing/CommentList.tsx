import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { CommentItem } from './CommentItem.js';
import type { CommentsState } from './use-comments.js';

/** A post's comments, newest first, each with its replies under it. */
export function CommentList({ comments }: { comments: CommentsState }) {
  const t = useT();
  const { threads } = comments;
  return (
    <section className="pub-comments" aria-label={t('pub.post.comments')} data-testid="comments">
      <ErrorMessage error={comments.error} onRetry={() => void comments.reload()} testId="comments-error" />
      {!comments.loaded && <p className="muted">{t('common.loading')}</p>}
      {comments.loaded && threads.length === 0 && !comments.error && (
        <p className="muted" data-testid="comments-empty">
          {t('pub.post.noComments')}
        </p>
      )}
      {threads.map((thread) => (
        <div key={thread.id} className="pub-thread" data-testid="comment-thread">
          <CommentItem comment={thread} comments={comments} />
          {thread.replies.length > 0 && (
            <div className="pub-replies">
              {thread.replies.map((r) => (
                <CommentItem key={r.id} comment={r} comments={comments} />
              ))}
            </div>
          )}
        </div>
      ))}
      {comments.hasMore && (
        <div className="load-more">
          <button
            type="button"
            className="btn btn-small"
            disabled={comments.loadingMore}
            onClick={() => void comments.loadMore()}
          >
            {t('pub.post.olderComments')}
          </button>
        </div>
      )}
    </section>
  );
}
