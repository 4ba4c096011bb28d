import { StatusBadge } from '../../components/StatusBadge.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import type { DeliveryEvent } from '../../lib/types.js';

const dash = (v: string | null) => v ?? '—';

export function DeliveryEventsTable({ events }: { events: DeliveryEvent[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" data-testid="delivery-events">
      <h2>{t('detail.events')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('detail.noEvents')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th className="num">{t('ev.seq')}</th>
                <th>{t('ev.kind')}</th>
                <th>{t('ev.field')}</th>
                <th>{t('ev.sender')}</th>
                <th>{t('ev.externalId')}</th>
                <th>{t('ev.occurredAt')}</th>
                <th>{t('ev.status')}</th>
                <th>{t('detail.payload')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-testid="event-row">
                  <td className="num">{e.seq}</td>
                  <td>
                    <code data-testid="event-kind">{e.kind}</code>
                  </td>
                  <td className="mono">{dash(e.field)}</td>
                  <td className="mono">{dash(e.senderId)}</td>
                  <td className="mono ellipsis" title={e.externalId ?? undefined}>
                    {dash(e.externalId)}
                  </td>
                  <td className="nowrap">{formatDateTime(locale, e.occurredAt)}</td>
                  <td>
                    <StatusBadge status={e.status} testId="event-status" />
                    {e.error && <span className="text-bad small block">{e.error}</span>}
                  </td>
                  <td>
                    <details>
                      <summary>{t('detail.payload')}</summary>
                      <pre className="code code-small" data-testid="event-payload">
                        {JSON.stringify(e.payload, null, 2)}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
