import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { sameMonth } from './calendar.js';
import { dayLabel } from './format.js';
import { PostChip } from './PostChip.js';
import type { AutoPostView } from './schedule-types.js';

export interface DayCells {
  days: string[];
  byDay: Map<string, AutoPostView[]>;
  today: string;
  /** the month shown (month view), to grey out the days around it */
  anchor: string;
  timeZone: string;
  openId: string | null;
  hrefOf(id: string): string;
  /** the week view of a day, for a month cell with more posts than fit */
  weekHref(day: string): string;
  productName(id: string | null): string | null;
}

/** how many posts a month cell lists before "+N more" */
const monthCellMax = 3;

/** A week (seven columns) or a month (a grid of weeks), each day with its posts in time order. */
export function ScheduleCalendar({ view, cells }: { view: 'week' | 'month'; cells: DayCells }) {
  const { t, locale } = useI18n();
  const { days, byDay, today } = cells;
  const weekdays = days.slice(0, 7).map((d) => dayLabel(locale, d, { weekday: 'short' }));
  return (
    <div className={`pub-calendar pub-calendar-${view}`} data-testid="schedule-calendar" data-view={view}>
      {weekdays.map((w) => (
        <div key={w} className="pub-cal-weekday" aria-hidden="true">
          {w}
        </div>
      ))}
      {days.map((day) => {
        const posts = byDay.get(day) ?? [];
        const shown = view === 'month' ? posts.slice(0, monthCellMax) : posts;
        const outside = view === 'month' && !sameMonth(day, cells.anchor);
        return (
          <section
            key={day}
            className={`pub-cal-day${day === today ? ' pub-cal-today' : ''}${outside ? ' pub-cal-outside' : ''}`}
            aria-label={dayLabel(locale, day, { dateStyle: 'full' })}
            data-testid="calendar-day"
            data-day={day}
          >
            <span className="pub-cal-date">
              {dayLabel(
                locale,
                day,
                view === 'week' ? { day: 'numeric', month: 'short' } : { day: 'numeric' },
              )}
            </span>
            {shown.map((p) => (
              <PostChip
                key={p.id}
                post={p}
                href={cells.hrefOf(p.id)}
                timeZone={cells.timeZone}
                productName={cells.productName(p.productId)}
                open={p.id === cells.openId}
              />
            ))}
            {posts.length > shown.length && (
              <Link to={cells.weekHref(day)} className="pub-cal-more small">
                {t('pub.schedule.more', { count: posts.length - shown.length })}
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}
