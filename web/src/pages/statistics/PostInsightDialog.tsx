import { useEffect, useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { useQuery } from '../../lib/use-query.js';
import { InfoTip } from './InfoTip.js';
import { metricKind, postKind, postMetricKeys } from './post-insight.js';
import { formatValue } from './stats-format.js';
import { Thumb } from './Thumb.js';
import type { Formulas, PostInsight, PostInsightResponse } from './types.js';

interface Props {
  /** the row that was opened; shown at once, replaced by the post's own insights when they arrive */
  post: PostInsight;
  formulas: Formulas | undefined;
  onClose(): void;
}

/** one post's insights: every metric that applies to it, its engagement rate and what its status means */
export function PostInsightDialog({ post, formulas, onClose }: Props) {
  const { t, locale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  // a story known only from its webhook has no post to ask about: the row is all there is
  const fresh = useQuery(
    (api) =>
      post.postId
        ? api.get<PostInsightResponse>(`/posts/${post.postId}/insights`)
        : Promise.resolve(undefined),
    [post.postId],
  );
  const p = fresh.data ?? post;
  const formula = fresh.data?.formulas.postEngagementRate ?? formulas?.postEngagementRate;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const value = (v: number | null, kind: Parameters<typeof formatValue>[2]) =>
    v === null ? t('stats.unknown') : formatValue(locale, v, kind);
  return (
    // a modal <dialog>: the browser keeps focus inside and Escape closes it
    <dialog
      ref={dialog}
      className="stats-dialog"
      onClose={onClose}
      data-testid="post-insight"
      aria-labelledby="post-insight-title"
    >
      <div className="stats-dialog-head">
        <h2 id="post-insight-title">{t('stats.post.title')}</h2>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => dialog.current?.close()}
          data-testid="post-insight-close"
        >
          {t('stats.post.close')}
        </button>
      </div>
      <div className="stats-dialog-post">
        <Thumb post={p} size="large" />
        <div>
          <p className="stats-caption">{p.caption || t('stats.post.noCaption')}</p>
          <p className="muted small">
            {t(`stats.post.kind.${postKind(p)}`)} · {formatDateTime(locale, p.timestamp)}
          </p>
          {p.permalink && (
            <a href={p.permalink} target="_blank" rel="noreferrer" className="small">
              {t('stats.post.open')}
            </a>
          )}
        </div>
      </div>
      <p
        className={`alert ${p.status === 'ok' ? 'alert-info' : 'stats-status-warn'}`}
        data-testid="post-insight-status"
        data-status={p.status}
      >
        {t(`stats.status.${p.status}`)}
      </p>
      <ErrorMessage error={fresh.error} onRetry={fresh.reload} />
      <dl className="stats-post-metrics">
        {postMetricKeys(p.mediaProductType).map((k) => (
          <div key={k} data-testid={`post-metric-${k}`} data-value={p.metrics[k] ?? ''}>
            <dt>{t(`stats.post.metric.${k}`)}</dt>
            <dd>{value(p.metrics[k], metricKind(k))}</dd>
          </div>
        ))}
        <div data-testid="post-metric-engagementRate" data-value={p.engagementRate ?? ''}>
          <dt>
            {t('stats.post.metric.engagementRate')}{' '}
            {formula && (
              <InfoTip formula={formula} text={t('stats.formula.postEngagementRate')} testId="post-formula" />
            )}
          </dt>
          <dd>{value(p.engagementRate, 'rate')}</dd>
        </div>
      </dl>
      <p className="muted small">
        {p.observedAt && t('stats.post.observedAt', { time: formatDateTime(locale, p.observedAt) })}{' '}
        {p.nextRefreshAt && t('stats.post.nextRefreshAt', { time: formatDateTime(locale, p.nextRefreshAt) })}
      </p>
    </dialog>
  );
}
