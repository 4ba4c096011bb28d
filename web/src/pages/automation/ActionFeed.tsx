import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { dateTime } from '../inbox/time.js';
import { actionOutcome, kindKey, reasonKey } from './action-view.js';
import type { AutomationAction } from './types.js';

interface Props {
  feed: {
    items: AutomationAction[] | null;
    error: unknown;
    hasMore: boolean;
    loadingMore: boolean;
    refresh(): Promise<void>;
    more(): Promise<void>;
  };
  customer(conversationId: string | null): string | null;
  ruleName(id: string | null): string | null;
}

/** What the bot did, newest first: which rule fired and what it sent, or why it kept quiet. */
export function ActionFeed({ feed, customer, ruleName }: Props) {
  const { t, locale } = useI18n();
  const now = Date.now();
  return (
    <div data-testid="action-feed">
      <ErrorMessage error={feed.error} onRetry={() => void feed.refresh()} testId="actions-error" />
      {!feed.items && !feed.error && <p className="muted">{t('common.loading')}</p>}
      {feed.items?.length === 0 && (
        <div className="card empty-state" data-testid="actions-empty">
          <p className="muted">{t('automation.activity.empty')}</p>
        </div>
      )}
      {feed.items && feed.items.length > 0 && (
        <ul className="auto-feed">
          {feed.items.map((a) => {
            const { outcome, tone } = actionOutcome(a);
            const kind = kindKey(a.kind);
            const reason = a.reason ? reasonKey(a.reason) : null;
            const rule = ruleName(a.ruleId);
            const who = customer(a.conversationId);
            return (
              <li
                key={a.id}
                className="auto-feed-item"
                data-testid="action"
                data-kind={a.kind}
                data-outcome={outcome}
                data-reason={a.reason ?? ''}
              >
                <div className="auto-feed-head">
                  <span className={`badge badge-${tone}`} data-testid="action-outcome">
                    {t(`automation.outcome.${outcome}`)}
                  </span>
                  <strong>{kind ? t(kind) : a.kind}</strong>
                  {rule && <span className="muted mono small">{rule}</span>}
                  <span className="auto-push muted small nowrap">
                    {dateTime({ locale }, a.createdAt, now)}
                  </span>
                </div>
                <div className="small">
                  {a.conversationId ? (
                    <Link
                      to={`/inbox/${encodeURIComponent(a.conversationId)}`}
                      data-testid="action-conversation"
                    >
                      {who ?? t('automation.activity.conversation')}
                    </Link>
                  ) : (
                    <span className="muted">
                      {t(
                        a.trigger.type === 'comment'
                          ? 'automation.activity.aComment'
                          : 'automation.activity.aMessage',
                      )}
                    </span>
                  )}
                  {a.trigger.type === 'comment' && (
                    <span className="muted"> · {t('automation.activity.onComment')}</span>
                  )}
                </div>
                {a.text && a.status !== 'skipped' && (
                  <p className="auto-bubble small" data-testid="action-text">
                    {a.text}
                  </p>
                )}
                {a.text && a.status === 'skipped' && (
                  <p className="muted small">{t('automation.activity.wouldSend', { text: a.text })}</p>
                )}
                {a.reason && (
                  <p
                    className={`small ${a.status === 'skipped' ? 'auto-text-warn' : 'text-bad'}`}
                    data-testid="action-reason"
                  >
                    {reason ? t(reason) : t('automation.reason.other', { code: a.reason })}
                  </p>
                )}
                {a.error && <p className="small text-bad">{a.error}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {feed.hasMore && (
        <div className="load-more">
          <button
            type="button"
            className="btn btn-small"
            disabled={feed.loadingMore}
            onClick={() => void feed.more()}
          >
            {t('automation.activity.more')}
          </button>
        </div>
      )}
    </div>
  );
}
