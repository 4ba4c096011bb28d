import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { formatTime } from '../../lib/format.js';
import { useRouter } from '../../lib/router.js';
import { DeliveryFilterBar } from './DeliveryFilterBar.js';
import { DeliveryTable } from './DeliveryTable.js';
import { filtersFromSearch, filtersToSearch } from './filters.js';
import { useDeliveryLog } from './use-delivery-log.js';

export function DeliveriesPage() {
  const { t, locale } = useI18n();
  const { search, navigate } = useRouter();
  const filters = filtersFromSearch(search);
  const [autoRefresh, setAutoRefresh] = useState(true);
  const log = useDeliveryLog(filters, autoRefresh);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('deliveries.title')}</h1>
          <p className="muted">{t('deliveries.subtitle')}</p>
        </div>
        <div className="page-actions">
          {log.updatedAt && (
            <span className="muted small" data-testid="updated-at">
              {t('deliveries.updatedAt', { time: formatTime(locale, log.updatedAt) })}
            </span>
          )}
          <label className="toggle">
            <input
              type="checkbox"
              checked={autoRefresh}
              onChange={(e) => setAutoRefresh(e.target.checked)}
              data-testid="auto-refresh"
            />
            <span>{t('deliveries.autoRefresh')}</span>
          </label>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void log.refresh()}
            data-testid="refresh"
          >
            <Icon name="refresh" size={14} />
            <span>{t('common.refresh')}</span>
          </button>
        </div>
      </div>
      <DeliveryFilterBar
        value={filters}
        onChange={(next) => navigate(`/deliveries${filtersToSearch(next)}`, { replace: true })}
      />
      <ErrorMessage error={log.error} onRetry={() => void log.refresh()} />
      {!log.loaded && <p className="muted">{t('common.loading')}</p>}
      {log.loaded && log.items.length === 0 && !log.error && (
        <div className="card empty-state" data-testid="deliveries-empty">
          <p className="muted">{t('deliveries.empty')}</p>
        </div>
      )}
      {log.items.length > 0 && <DeliveryTable items={log.items} />}
      {log.nextCursor && (
        <div className="load-more">
          <button
            type="button"
            className="btn"
            disabled={log.loadingMore}
            onClick={() => void log.loadMore()}
            data-testid="load-more"
          >
            {log.loadingMore ? t('common.loading') : t('deliveries.loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
