import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { countdown, formatCountdown } from './expiry.js';
import type { Account } from './types.js';

/** Token expiry, webhook subscription, ids and the last error of one account. */
export function AccountDetails({ account: a, now }: { account: Account; now: number }) {
  const { t, locale } = useI18n();
  const left = countdown(a.tokenExpiresAt, now);
  return (
    <dl className="kv account-kv">
      {/* a disconnected account's token is no longer used, so its expiry means nothing */}
      {a.provider === 'instagram' && a.status !== 'disconnected' && (
        <>
          <dt>{t('accounts.token')}</dt>
          <dd
            data-testid="account-expiry"
            title={a.tokenExpiresAt ? formatDateTime(locale, a.tokenExpiresAt) : undefined}
            className={left?.past ? 'text-bad' : undefined}
          >
            {left
              ? t(left.past ? 'accounts.expiredAgo' : 'accounts.expiresIn', {
                  when: formatCountdown(locale, left),
                })
              : t('accounts.noExpiry')}
          </dd>
        </>
      )}
      <dt>{t('accounts.webhooks')}</dt>
      <dd data-testid="account-webhooks" data-subscribed={String(a.webhookSubscribed)}>
        {a.provider === 'chatrace' ? (
          t('accounts.webhooksChatrace')
        ) : a.webhookSubscribed ? (
          <span className="webhook-fields">
            <span className="text-ok">✓ {t('accounts.webhooksSubscribed')}</span>
            {a.webhookFields.map((f) => (
              <code key={f}>{f}</code>
            ))}
          </span>
        ) : a.status === 'disconnected' ? (
          <span className="muted">{t('accounts.webhooksOff')}</span>
        ) : (
          <span className="text-warn">{t('accounts.webhooksNotSubscribed')}</span>
        )}
      </dd>
      {a.igUserId && (
        <>
          <dt>{t('accounts.igUserId')}</dt>
          <dd className="mono">{a.igUserId}</dd>
        </>
      )}
      <dt>{t('accounts.connectedAt')}</dt>
      <dd>{formatDateTime(locale, a.createdAt)}</dd>
      {a.lastError && (
        <>
          <dt>{t('accounts.lastError')}</dt>
          <dd className="text-bad" data-testid="account-error">
            {a.lastError}
          </dd>
        </>
      )}
    </dl>
  );
}
