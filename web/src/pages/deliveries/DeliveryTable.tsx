import { SignatureBadge, StatusBadge } from '../../components/StatusBadge.js';
import { useI18n } from '../../i18n/context.js';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format.js';
import { Link } from '../../lib/router.js';
import type { Delivery } from '../../lib/types.js';

export function DeliveryTable({ items }: { items: Delivery[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="delivery-table">
        <thead>
          <tr>
            <th>{t('col.received')}</th>
            <th>{t('col.status')}</th>
            <th>{t('col.signature')}</th>
            <th>{t('col.source')}</th>
            <th className="num">{t('col.events')}</th>
            <th className="num">{t('col.size')}</th>
            <th>{t('col.error')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-id={d.id} data-status={d.status}>
              <td className="nowrap">
                <Link
                  to={`/deliveries/${encodeURIComponent(d.id)}`}
                  className="row-link"
                  data-testid="delivery-link"
                >
                  {formatDateTime(locale, d.receivedAt)}
                </Link>
              </td>
              <td>
                <StatusBadge status={d.status} testId="delivery-status" />
              </td>
              <td>
                <SignatureBadge valid={d.signatureValid} testId="delivery-signature" />
              </td>
              <td>{t(`source.${d.source}`)}</td>
              <td className="num">
                {formatNumber(locale, d.eventCount)}
                {d.duplicateCount > 0 && (
                  <span className="muted small block">
                    {t('deliveries.duplicates', { count: formatNumber(locale, d.duplicateCount) })}
                  </span>
                )}
              </td>
              <td className="num nowrap">{formatBytes(locale, d.bodySize)}</td>
              <td className="error-cell" title={d.error ?? undefined}>
                {d.error ?? <span className="muted">{t('common.none')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
