import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { totalMetrics } from './charts.js';
import { formatChange, formatPeriod, formatValue } from './stats-format.js';
import type { StatisticsView } from './types.js';

/** the whole range in one row of numbers; unknown is a dash, never a zero */
export function TotalsCard({ view }: { view: StatisticsView }) {
  const { t, locale } = useI18n();
  const totals = view.totals;
  const show = (metric: (typeof totalMetrics)[number]) => {
    const v = totals[metric.metric];
    if (v === null) return t('common.none');
    return metric.metric === 'followerGrowth' ? formatChange(locale, v) : formatValue(locale, v, metric.kind);
  };
  return (
    <section className="card stats-totals" data-testid="stats-totals">
      <div className="stats-card-head">
        <h2>{t('stats.totals.title', { range: formatPeriod(locale, view.from, view.to, 'day') })}</h2>
        <span className="muted small">
          {t('stats.totals.days', { known: totals.daysWithData, days: totals.days })}
        </span>
      </div>
      <div className="metrics">
        {totalMetrics.map((m) => (
          <div
            key={m.metric}
            className="metric"
            data-testid={`total-${m.metric}`}
            data-value={totals[m.metric] ?? ''}
          >
            <span className="metric-value" title={totals[m.metric] === null ? t('stats.unknown') : undefined}>
              {show(m)}
            </span>
            <span className="metric-label">{t(`stats.metric.${m.metric}`)}</span>
          </div>
        ))}
      </div>
      <p className="muted small">
        {view.updatedAt
          ? t('stats.updatedAt', { time: formatDateTime(locale, view.updatedAt) })
          : t('stats.neverRead')}
      </p>
    </section>
  );
}
