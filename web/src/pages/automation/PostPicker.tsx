import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { dateTime } from '../inbox/time.js';
import { togglePost } from './comment-rule-form.js';
import { usePosts } from './use-posts.js';

interface Props {
  accountId: string;
  /** Instagram media ids */
  selected: string[];
  disabled: boolean;
  onChange(ids: string[]): void;
}

/** The account's posts as thumbnails with their captions; clicking one chooses it. */
export function PostPicker({ accountId, selected, disabled, onChange }: Props) {
  const { t, locale } = useI18n();
  const posts = usePosts(accountId);
  const now = Date.now();
  const known = new Set(posts.items?.map((p) => p.igMediaId));
  const unseen = selected.filter((id) => !known.has(id));
  return (
    <div className="auto-posts" data-testid="post-picker">
      <ErrorMessage error={posts.error} onRetry={posts.retry} testId="posts-error" />
      {!posts.items && !posts.error && <p className="muted small">{t('common.loading')}</p>}
      {posts.items?.length === 0 && <p className="muted small">{t('automation.posts.none')}</p>}
      <ul className="auto-post-grid">
        {posts.items?.map((p) => {
          const on = selected.includes(p.igMediaId);
          const image =
            p.thumbnailUrl ?? p.mediaUrl ?? p.children[0]?.thumbnailUrl ?? p.children[0]?.mediaUrl;
          return (
            <li key={p.id}>
              <button
                type="button"
                className={`auto-post${on ? ' auto-post-on' : ''}`}
                aria-pressed={on}
                disabled={disabled}
                onClick={() => onChange(togglePost(selected, p.igMediaId))}
                data-testid="post-option"
                data-media-id={p.igMediaId}
              >
                {image ? <img src={image} alt="" loading="lazy" /> : <span className="auto-post-blank" />}
                <span className="auto-post-caption">{p.caption || t('automation.posts.noCaption')}</span>
                <span className="muted small">
                  {dateTime({ locale }, p.timestamp, now)}
                  {p.commentsCount !== null
                    ? ` · ${t('automation.posts.comments', { n: p.commentsCount })}`
                    : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {posts.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-small" disabled={posts.loading} onClick={posts.more}>
            {t('automation.posts.more')}
          </button>
        </div>
      )}
      {unseen.length > 0 && (
        <p className="muted small">{t('automation.posts.elsewhere', { n: unseen.length })}</p>
      )}
      <p className="small" data-testid="post-picker-count">
        {t('automation.posts.chosen', { n: selected.length })}
      </p>
    </div>
  );
}
