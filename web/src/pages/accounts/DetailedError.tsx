import { describeError } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { ApiError } from '../../lib/api.js';

// For these codes the server's message carries the provider's own reason ("Instagram refused the
// access token: Error validating access token: Session has expired…"), which is what the person
// needs in order to fix it, so it is shown under the translated sentence.
const withProviderReason = new Set([
  'token_invalid',
  'permission_missing',
  'provider_rejected',
  'provider_unavailable',
  'account_in_other_workspace',
  'validation_failed',
]);

export function DetailedError({ error, testId }: { error: unknown; testId: string }) {
  const t = useT();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const details = api && withProviderReason.has(api.code) && api.message ? api.message : null;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-code={api?.code}>
      <div>
        <span data-testid={`${testId}-message`}>{describeError(t, error)}</span>
        {details && (
          <span className="block small" data-testid={`${testId}-details`}>
            {t('accounts.connectDetails', { message: details })}
          </span>
        )}
        {api?.requestId && (
          <span className="block alert-meta">{t('error.requestId', { id: api.requestId })}</span>
        )}
      </div>
    </div>
  );
}
