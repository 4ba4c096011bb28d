import { useI18n } from '../../i18n/context.js';
import type { ChartDef } from './charts.js';
import { followersNote } from './charts.js';
import { InfoTip } from './InfoTip.js';
import { type ChartPoint, LineChart } from './LineChart.js';
import { formatAxisDate, formatPeriod } from './stats-format.js';
import type { StatisticsView } from './types.js';

/** one metric of the series over time, with how it is computed and why parts may be empty */
export function ChartCard({ def, view }: { def: ChartDef; view: StatisticsView }) {
  const { t, locale } = useI18n();
  const g = view.granularity;
  const points: ChartPoint[] = view.series.map((p) => ({
    date: p.start,
    label: formatPeriod(locale, p.start, p.end, g),
    tick: formatAxisDate(locale, p.start, g),
    // a week or month clipped by the range, or with days Relaydesk never read, says so
    note: g === 'day' ? undefined : t('stats.periodDays', { known: p.daysWithData, days: p.days }),
    value: p[def.metric],
  }));
  const title = t(`stats.chart.${def.metric}`);
  const note = def.metric === 'followers' ? followersNote(view.series) : null;
  return (
    <section className="card stats-chart-card" data-testid={`chart-card-${def.metric}`}>
      <div className="stats-card-head">
        <h2>{title}</h2>
        <InfoTip
          formula={view.formulas[def.formula]}
          text={t(`stats.formula.${def.formula}`)}
          testId={`formula-${def.metric}`}
        />
      </div>
      <LineChart metric={def.metric} title={title} points={points} kind={def.kind} zero={def.zero} />
      {note?.kind === 'startsAt' && (
        <p className="muted small" data-testid="followers-note">
          {t('stats.followersFrom', { period: formatPeriod(locale, note.start, note.end, g) })}
        </p>
      )}
      {note?.kind === 'none' && (
        <p className="muted small" data-testid="followers-note">
          {t('stats.followersNone')}
        </p>
      )}
    </section>
  );
}
