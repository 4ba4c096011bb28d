import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { shortDateTime } from './format.js';
import { captionExcerpt, postKind, thumbnailOf } from './gallery.js';
import { PostThumb } from './PostThumb.js';
import type { PostView } from './types.js';

interface Props {
  post: PostView;
  href: string;
  open: boolean;
  /** customers' comments that arrived live since the page opened */
  fresh: number;
}

export function PostCard({ post, href, open, fresh }: Props) {
  const { t, locale } = useI18n();
  const kind = postKind(post);
  const excerpt = captionExcerpt(post.caption, 90);
  return (
    <article
      className={`pub-card${open ? ' pub-card-open' : ''}`}
      data-testid="post-card"
      data-post-id={post.id}
      data-kind={kind}
    >
      <Link
        to={href}
        className="pub-card-link"
        aria-current={open ? 'true' : undefined}
        data-testid="post-open"
      >
        <span className="pub-card-media">
          <PostThumb
            url={thumbnailOf(post)}
            alt={excerpt || t(`pub.kind.${kind}`)}
            className="pub-card-img"
          />
          <span className="pub-kind" data-testid="post-kind">
            {t(`pub.kind.${kind}`)}
            {kind === 'carousel' && post.children.length > 0 && ` · ${post.children.length}`}
          </span>
          {fresh > 0 && (
            <span className="badge badge-info pub-fresh" data-testid="post-fresh">
              {t('pub.gallery.new', { count: fresh })}
            </span>
          )}
        </span>
        <span className="pub-card-body">
          <span className={`pub-card-caption${excerpt ? '' : ' muted'}`} data-testid="post-caption">
            {excerpt || t('pub.gallery.noCaption')}
          </span>
          <span className="pub-card-meta muted small">
            <span title={t('pub.gallery.likes', { count: post.likeCount ?? 0 })} data-testid="post-likes">
              <Icon name="heart" size={13} /> {post.likeCount ?? '—'}
            </span>
            <span
              title={t('pub.gallery.comments', { count: post.commentsCount ?? 0 })}
              data-testid="post-comments"
            >
              <Icon name="comment" size={13} /> {post.commentsCount ?? '—'}
            </span>
            <time dateTime={post.timestamp}>{shortDateTime(locale, post.timestamp)}</time>
          </span>
        </span>
      </Link>
      {post.permalink && (
        <a
          className="pub-card-permalink small"
          href={post.permalink}
          target="_blank"
          rel="noreferrer"
          data-testid="post-permalink"
        >
          {t('pub.gallery.openOnInstagram')} ↗
        </a>
      )}
    </article>
  );
}
