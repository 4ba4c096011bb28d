import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, prettyBody } from '../../lib/format.js';
import { useApi } from '../../lib/session.js';
import type { OutboundDelivery, OutboundWebhook } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { type DeliveryStatusFilter, useDeliveries } from './use-deliveries.js';

const statuses: DeliveryStatusFilter[] = ['', 'pending', 'delivered', 'failed'];
const tone = { pending: 'info', delivered: 'ok', failed: 'bad' } as const;

/** Every delivery to one subscription: status, attempts, the receiver's answer, and redeliver. */
export function DeliveryLog({ hook, ctx }: { hook: OutboundWebhook; ctx: AutomationContext }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [status, setStatus] = useState<DeliveryStatusFilter>('');
  const log = useDeliveries(hook.id, status);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const redeliver = async (d: OutboundDelivery) => {
    setBusy(d.id);
    setError(null);
    try {
      log.put(await api.post<OutboundDelivery>(`/outbound-deliveries/${encodeURIComponent(d.id)}/redeliver`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="auto-deliveries" data-testid="delivery-log">
      <div className="auto-section-head">
        <h3>{t('automation.deliveries.title', { url: hook.url })}</h3>
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as DeliveryStatusFilter)}
          aria-label={t('automation.deliveries.status')}
          data-testid="delivery-status-filter"
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(s ? `automation.deliveries.status.${s}` : 'automation.deliveries.status.all')}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => void log.refresh()}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorMessage error={log.error ?? error} testId="deliveries-error" />
      {log.items?.length === 0 && (
        <p className="muted small" data-testid="deliveries-empty">
          {t('automation.deliveries.empty')}
        </p>
      )}
      {log.items && log.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('automation.deliveries.created')}</th>
                <th>{t('automation.deliveries.event')}</th>
                <th>{t('automation.deliveries.status')}</th>
                <th className="num">{t('automation.deliveries.attempts')}</th>
                <th>{t('automation.deliveries.response')}</th>
                <th>
                  <span className="visually-hidden">{t('automation.deliveries.redeliver')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((d) => (
                <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                  <td className="nowrap small">
                    {formatDateTime(locale, d.createdAt)}
                    {d.deliveredAt && (
                      <span className="block muted">
                        {t('automation.deliveries.deliveredAt', {
                          time: formatDateTime(locale, d.deliveredAt),
                        })}
                      </span>
                    )}
                  </td>
                  <td>
                    <code>{d.eventType}</code>
                    <details>
                      <summary>{t('automation.deliveries.body')}</summary>
                      <pre className="code code-small">{prettyBody(d.body)}</pre>
                    </details>
                  </td>
                  <td>
                    <span className={`badge badge-${tone[d.status]}`}>
                      {t(`automation.deliveries.status.${d.status}`)}
                    </span>
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="small">
                    {d.lastStatusCode !== null && <code data-testid="delivery-code">{d.lastStatusCode}</code>}
                    {d.lastError && <span className="block text-bad">{d.lastError}</span>}
                  </td>
                  <td>
                    {ctx.isOwner && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy === d.id}
                        onClick={() => void redeliver(d)}
                        data-testid="delivery-redeliver"
                      >
                        {t('automation.deliveries.redeliver')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-small" onClick={() => void log.more()}>
            {t('automation.activity.more')}
          </button>
        </div>
      )}
    </div>
  );
}
