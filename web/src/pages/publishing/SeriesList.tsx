import { DetailedError } from '../../components/DetailedError.js';
import { useI18n } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { useAction } from '../accounts/use-action.js';
import { dayLabel } from './format.js';
import type { SeriesView } from './schedule-types.js';

// 2026-03-01 is a Sunday: day n of the week is 2026-03-0(1+n), for the names of the days.
const weekdayName = (locale: string, day: number) =>
  dayLabel(locale, `2026-03-0${day + 1}`, { weekday: 'short' });

interface Props {
  items: SeriesView[];
  canChange: boolean;
  accountName(id: string): string;
  productName(id: string | null): string | null;
  onChanged(): void;
}

/** The rotations: which products in turn, when, and a switch to pause or stop each. */
export function SeriesList({ items, canChange, accountName, productName, onChanged }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const action = useAction<unknown>();
  if (items.length === 0) return null;
  const run = async (request: () => Promise<unknown>) => {
    await action.run(request);
    onChanged();
  };
  return (
    <section className="pub-series" data-testid="series-list">
      <h2>{t('pub.series.title')}</h2>
      <DetailedError error={action.error} testId="series-error" />
      <ul>
        {items.map((s) => {
          const next = productName(s.productIds[s.position % s.productIds.length] ?? null);
          const days =
            s.days.length === 7
              ? t('pub.series.everyDay')
              : s.days.map((d) => weekdayName(locale, d)).join(', ');
          return (
            <li
              key={s.id}
              className="card pub-series-item"
              data-testid="series-item"
              data-active={String(s.isActive)}
            >
              <div>
                <strong>{s.name}</strong>
                <span className={`badge badge-${s.isActive ? 'ok' : 'muted'}`}>
                  {t(s.isActive ? 'pub.series.active' : 'pub.series.paused')}
                </span>
              </div>
              <p className="muted small">
                {t('pub.series.summary', {
                  days,
                  time: s.timeOfDay,
                  zone: s.timezone,
                  count: s.productIds.length,
                  account: accountName(s.accountId),
                })}
                {next && ` ${t('pub.series.next', { name: next })}`}
              </p>
              {canChange && (
                <div className="pub-form-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={action.busy}
                    onClick={() =>
                      void run(() => api.patch(`/auto-post-series/${s.id}`, { isActive: !s.isActive }))
                    }
                    data-testid="series-toggle"
                  >
                    {t(s.isActive ? 'pub.series.pause' : 'pub.series.resume')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    disabled={action.busy}
                    onClick={() => void run(() => api.del(`/auto-post-series/${s.id}`))}
                    data-testid="series-delete"
                  >
                    {t('pub.series.stop')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
