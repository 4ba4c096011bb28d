import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { Link } from '../../lib/router.js';
import type { DeliveryDetail } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import { DeliveryEventsTable } from './DeliveryEventsTable.js';
import { DeliveryRaw } from './DeliveryRaw.js';
import { DeliverySummary, SignatureCard } from './DeliverySummary.js';
import { ReplayPanel } from './ReplayPanel.js';

export function DeliveryDetailPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  // Until the worker has picked the delivery up, keep re-reading it so the result shows up by itself.
  const [waiting, setWaiting] = useState(false);
  const query = useQuery(
    (api) => api.get<DeliveryDetail>(`/webhook-events/${encodeURIComponent(id)}`),
    [id],
    {
      intervalMs: waiting ? 2000 : undefined,
    },
  );
  // Replay polling yields fresher copies; they apply until the query itself answers again.
  const [override, setOverride] = useState<{ base: DeliveryDetail | undefined; d: DeliveryDetail }>();
  const d = override && override.base === query.data ? override.d : query.data;
  const status = query.data?.status;
  useEffect(() => setWaiting(status === 'received'), [status]);

  return (
    <>
      <Link to="/deliveries" className="back-link" data-testid="back-to-log">
        <Icon name="back" size={16} />
        <span>{t('detail.back')}</span>
      </Link>
      <div className="page-header">
        <div>
          <h1>{t('detail.title')}</h1>
          {d && (
            <p className="muted">
              <span className="mono">{d.id}</span> · {formatDateTime(locale, d.receivedAt)}
            </p>
          )}
        </div>
        {d && <ReplayPanel delivery={d} onUpdate={(next) => setOverride({ base: query.data, d: next })} />}
      </div>
      <ErrorMessage error={query.error} onRetry={query.reload} />
      {!d && !query.error && <p className="muted">{t('common.loading')}</p>}
      {d && (
        <div className="detail-grid" data-testid="delivery-detail">
          <DeliverySummary d={d} />
          <SignatureCard d={d} />
          <div className="span-all stack">
            <DeliveryEventsTable events={d.events} />
            <DeliveryRaw d={d} />
          </div>
        </div>
      )}
    </>
  );
}
