import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { CommentList } from './CommentList.js';
import { shortDateTime } from './format.js';
import { postKind, thumbnailOf } from './gallery.js';
import { PostThumb } from './PostThumb.js';
import type { PostView } from './types.js';
import type { CommentsState } from './use-comments.js';

interface Props {
  post: PostView | undefined;
  error: unknown;
  comments: CommentsState;
  closeHref: string;
}

/** The open post: its media, full caption and counts, and its comments to moderate. */
export function PostPanel({ post, error, comments, closeHref }: Props) {
  const { t, locale } = useI18n();
  return (
    <aside className="card pub-panel" aria-label={t('pub.post.title')} data-testid="post-panel">
      <div className="pub-panel-head">
        <h2>{t('pub.post.title')}</h2>
        <Link to={closeHref} className="btn btn-ghost btn-small" data-testid="post-close">
          {t('pub.close')}
        </Link>
      </div>
      <ErrorMessage error={error} testId="post-error" />
      {post && (
        <>
          <div className="pub-post-media">
            <PostThumb
              url={thumbnailOf(post)}
              alt={t(`pub.kind.${postKind(post)}`)}
              className="pub-post-img"
            />
            {post.children.length > 1 && (
              <div className="pub-children">
                {post.children.map((c) => (
                  <PostThumb
                    key={c.igMediaId}
                    url={c.thumbnailUrl ?? (c.mediaType === 'VIDEO' ? null : c.mediaUrl)}
                    alt={t(c.mediaType === 'VIDEO' ? 'pub.kind.video' : 'pub.kind.photo')}
                    className="pub-child-img"
                  />
                ))}
              </div>
            )}
          </div>
          <p className="muted small pub-post-meta">
            <span>{t(`pub.kind.${postKind(post)}`)}</span>
            <span>{shortDateTime(locale, post.timestamp)}</span>
            <span title={t('pub.gallery.likes', { count: post.likeCount ?? 0 })}>
              <Icon name="heart" size={13} /> {post.likeCount ?? '—'}
            </span>
            <span title={t('pub.gallery.comments', { count: post.commentsCount ?? 0 })}>
              <Icon name="comment" size={13} /> {post.commentsCount ?? '—'}
            </span>
          </p>
          {post.caption && (
            <p className="pub-post-caption" data-testid="post-panel-caption">
              {post.caption}
            </p>
          )}
          {post.permalink && (
            <p>
              <a href={post.permalink} target="_blank" rel="noreferrer" data-testid="post-panel-permalink">
                {t('pub.gallery.openOnInstagram')} ↗
              </a>
            </p>
          )}
          <h3>{t('pub.post.comments')}</h3>
          <CommentList comments={comments} />
        </>
      )}
    </aside>
  );
}
