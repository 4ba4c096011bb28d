import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { AutoPostStatusBadge } from './AutoPostStatus.js';
import { dayLabel, timeOfDay } from './format.js';
import { captionExcerpt } from './gallery.js';
import { PublishProblem } from './PublishProblem.js';
import type { DayCells } from './ScheduleCalendar.js';

/** The same posts as the calendar, day by day, with their captions and problems spelled out. */
export function ScheduleList({ cells }: { cells: DayCells }) {
  const { t, locale } = useI18n();
  const days = cells.days.filter((d) => cells.byDay.has(d));
  if (days.length === 0)
    return (
      <div className="card empty-state" data-testid="schedule-empty">
        <p className="muted">{t('pub.schedule.empty')}</p>
      </div>
    );
  return (
    <div className="pub-schedule-list" data-testid="schedule-list">
      {days.map((day) => (
        <section key={day} className="card pub-list-day" data-day={day}>
          <h3>{dayLabel(locale, day, { dateStyle: 'full' })}</h3>
          <ul>
            {(cells.byDay.get(day) ?? []).map((p) => (
              <li
                key={p.id}
                className={p.id === cells.openId ? 'pub-selected' : undefined}
                data-testid="schedule-row"
                data-status={p.status}
              >
                <Link to={cells.hrefOf(p.id)} className="pub-list-row">
                  <time className="mono" dateTime={p.scheduledAt}>
                    {timeOfDay(locale, p.scheduledAt, cells.timeZone)}
                  </time>
                  <AutoPostStatusBadge status={p.status} />
                  <span className="pub-list-what">
                    <strong>{cells.productName(p.productId) ?? t(`pub.mediaType.${p.mediaType}`)}</strong>
                    <span className="muted small">
                      {t(`pub.mediaType.${p.mediaType}`)}
                      {p.caption ? ` · ${captionExcerpt(p.caption, 80)}` : ''}
                    </span>
                  </span>
                </Link>
                <PublishProblem post={p} compact />
                {p.permalink && (
                  <a
                    href={p.permalink}
                    target="_blank"
                    rel="noreferrer"
                    className="small"
                    data-testid="schedule-row-permalink"
                  >
                    {t('pub.gallery.openOnInstagram')} ↗
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
