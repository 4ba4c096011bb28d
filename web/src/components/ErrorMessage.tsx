import { useT } from '../i18n/context.js';
import { isMessageKey, type TFunction } from '../i18n/core.js';
import { ApiError } from '../lib/api.js';

/** A translated sentence for any thrown error, chosen by the server's stable error code. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unknown', { code: 'client' });
  if (error.code === 'rate_limited') {
    const seconds = Number(error.details?.retryAfterSeconds);
    return seconds > 0 ? t('error.rate_limited', { seconds }) : t('error.rate_limited_wait');
  }
  const key = `error.${error.code}`;
  if (isMessageKey(key)) return t(key);
  if (error.status >= 500) return t('error.internal_error');
  return t('error.unknown', { code: error.code });
}

interface Props {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}

export function ErrorMessage({ error, onRetry, testId = 'error' }: Props) {
  const t = useT();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <span data-testid={`${testId}-message`}>{describeError(t, error)}</span>
      {requestId && <span className="alert-meta">{t('error.requestId', { id: requestId })}</span>}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
