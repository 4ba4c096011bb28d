import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { AutoPostActions } from './AutoPostActions.js';
import { AutoPostStatusBadge } from './AutoPostStatus.js';
import { mediaToPublish } from './auto-post-form.js';
import { exactDateTime } from './format.js';
import { MediaPreview } from './MediaPreview.js';
import { PublishProblem } from './PublishProblem.js';
import type { AutoPostView, MediaItem } from './schedule-types.js';
import type { ProductView } from './types.js';

interface Props {
  post: AutoPostView | undefined;
  error: unknown;
  product: ProductView | null;
  accountName: string;
  timeZone: string;
  canChange: boolean;
  closeHref: string;
  onChanged(p: AutoPostView | null): void;
}

/** One scheduled post: when, what, where it got to, why it failed, and what can still be done. */
export function AutoPostPanel({
  post,
  error,
  product,
  accountName,
  timeZone,
  canChange,
  closeHref,
  onChanged,
}: Props) {
  const { t, locale } = useI18n();
  const media = post
    ? mediaToPublish(post.mediaType, (post.media as MediaItem[] | null) ?? null, product?.imageUrls ?? [])
    : [];
  return (
    <aside className="card pub-panel" aria-label={t('pub.schedule.post')} data-testid="auto-post-panel">
      <div className="pub-panel-head">
        <h2>{t('pub.schedule.post')}</h2>
        <Link to={closeHref} className="btn btn-ghost btn-small" data-testid="auto-post-close">
          {t('pub.close')}
        </Link>
      </div>
      <ErrorMessage error={error} testId="auto-post-error" />
      {post && (
        <>
          <p className="pub-panel-status">
            <AutoPostStatusBadge status={post.status} />
            <span className="muted small">{t(`pub.mediaType.${post.mediaType}`)}</span>
          </p>
          <PublishProblem post={post} />
          <dl className="kv">
            <div className="kv-row">
              <dt>{t(post.publishedAt ? 'pub.schedule.publishedAt' : 'pub.schedule.scheduledAt')}</dt>
              <dd data-testid="auto-post-when">
                {exactDateTime(locale, post.publishedAt ?? post.scheduledAt, timeZone)}{' '}
                <span className="muted small">({timeZone.replace(/_/g, ' ')})</span>
              </dd>
            </div>
            <div className="kv-row">
              <dt>{t('pub.account')}</dt>
              <dd>{accountName}</dd>
            </div>
            {product && (
              <div className="kv-row">
                <dt>{t('pub.schedule.product')}</dt>
                <dd>{product.name}</dd>
              </div>
            )}
            {post.permalink && (
              <div className="kv-row">
                <dt>{t('pub.schedule.onInstagram')}</dt>
                <dd>
                  <a href={post.permalink} target="_blank" rel="noreferrer" data-testid="auto-post-permalink">
                    {post.permalink}
                  </a>
                </dd>
              </div>
            )}
            {post.firstComment && (
              <div className="kv-row">
                <dt>{t('pub.compose.firstComment')}</dt>
                <dd>{post.firstComment}</dd>
              </div>
            )}
          </dl>
          {(post.caption ?? post.captionTemplate) && (
            <>
              <h3>{t(post.caption ? 'pub.compose.caption' : 'pub.compose.template')}</h3>
              <div className="pub-caption" data-testid="auto-post-caption">
                {post.caption ?? post.captionTemplate}
              </div>
            </>
          )}
          <MediaPreview items={media} coverUrl={post.coverUrl} />
          {canChange && (
            <AutoPostActions key={post.updatedAt} post={post} timeZone={timeZone} onChanged={onChanged} />
          )}
        </>
      )}
    </aside>
  );
}
