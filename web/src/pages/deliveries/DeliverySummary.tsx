import { SignatureBadge, StatusBadge } from '../../components/StatusBadge.js';
import { useI18n, useT } from '../../i18n/context.js';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format.js';
import type { DeliveryDetail } from '../../lib/types.js';

export function DeliverySummary({ d }: { d: DeliveryDetail }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" data-testid="delivery-summary">
      <h2>{t('detail.summary')}</h2>
      <dl className="kv">
        <dt>{t('col.status')}</dt>
        <dd>
          <StatusBadge status={d.status} testId="detail-status" />
        </dd>
        <dt>{t('col.source')}</dt>
        <dd>{t(`source.${d.source}`)}</dd>
        <dt>{t('detail.receivedAt')}</dt>
        <dd>{formatDateTime(locale, d.receivedAt)}</dd>
        <dt>{t('detail.processedAt')}</dt>
        <dd>{d.processedAt ? formatDateTime(locale, d.processedAt) : t('detail.notProcessed')}</dd>
        <dt>{t('detail.attempts')}</dt>
        <dd data-testid="detail-attempts">{formatNumber(locale, d.attempts)}</dd>
        <dt>{t('detail.account')}</dt>
        <dd className={d.accountId ? 'mono' : 'muted'}>{d.accountId ?? t('detail.noAccount')}</dd>
        <dt>{t('col.events')}</dt>
        <dd>
          {formatNumber(locale, d.eventCount)}
          {d.duplicateCount > 0 && (
            <span className="muted">
              {' '}
              · {t('deliveries.duplicates', { count: formatNumber(locale, d.duplicateCount) })}
            </span>
          )}
        </dd>
        <dt>{t('detail.bodySize')}</dt>
        <dd>{formatBytes(locale, d.bodySize)}</dd>
      </dl>
    </section>
  );
}

export function SignatureCard({ d }: { d: DeliveryDetail }) {
  const t = useT();
  return (
    <section className={`card card-accent-${d.signatureValid ? 'ok' : 'bad'}`} data-testid="signature-card">
      <h2>{t('col.signature')}</h2>
      <p>
        <SignatureBadge valid={d.signatureValid} testId="detail-signature" />
      </p>
      <p className="muted small">
        {t(d.signatureValid ? 'detail.signatureValidHint' : 'detail.signatureInvalidHint')}
      </p>
      <h3>{t('detail.result')}</h3>
      {d.error ? (
        <p className="text-bad" data-testid="detail-error">
          {d.error}
        </p>
      ) : (
        <p className="muted">{t('detail.noError')}</p>
      )}
    </section>
  );
}
