import { useT } from '../i18n/context.js';
import { ApiError } from '../lib/api.js';
import { describeError } from './ErrorMessage.js';

// For these codes the server's message names what exactly is wrong (the field, the missing CSV
// column, the URL Instagram cannot reach, Meta's own reason: "Error validating access token:
// Session has expired…"), which is what the person needs to fix it, so it is shown under the
// translated sentence.
const specific = new Set([
  'validation_failed',
  'account_in_other_workspace',
  'caption_template_invalid',
  'product_import_invalid',
  'product_import_too_large',
  'media_not_public',
  'media_sync_unavailable',
  'comment_action_unavailable',
  'token_invalid',
  'permission_missing',
  'provider_rejected',
  'provider_unavailable',
]);

/** An API error in the user's language, with the server's specifics where they help to fix it. */
export function DetailedError({ error, testId }: { error: unknown; testId: string }) {
  const t = useT();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const details = api && specific.has(api.code) && api.message ? api.message : null;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-code={api?.code}>
      <div>
        <span data-testid={`${testId}-message`}>{describeError(t, error)}</span>
        {details && (
          <span className="block small" data-testid={`${testId}-details`}>
            {t('error.details', { message: details })}
          </span>
        )}
        {api?.requestId && (
          <span className="block alert-meta">{t('error.requestId', { id: api.requestId })}</span>
        )}
      </div>
    </div>
  );
}
