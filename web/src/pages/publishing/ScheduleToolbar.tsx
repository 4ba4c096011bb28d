import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { AccountPicker } from './AccountPicker.js';
import { calendarViews, shiftAnchor } from './calendar.js';
import { dayLabel } from './format.js';
import { Segmented } from './Segmented.js';
import type { ScheduleView } from './schedule-url.js';
import { sectionPath } from './sections.js';
import { TimeZoneSelect } from './TimeZoneSelect.js';
import type { PublishingContext } from './use-publishing-context.js';

interface Props {
  ctx: PublishingContext;
  value: ScheduleView;
  days: string[];
  today: string;
  live: boolean;
  onChange(next: ScheduleView): void;
}

/** list / week / month, back and forth in time, the zone to read times in, and a new post */
export function ScheduleToolbar({ ctx, value, days, today, live, onChange }: Props) {
  const { t, locale } = useI18n();
  const first = days[0] ?? value.date;
  const last = days.at(-1) ?? value.date;
  const title =
    value.view === 'week'
      ? `${dayLabel(locale, first, { day: 'numeric', month: 'short' })} – ${dayLabel(locale, last, { day: 'numeric', month: 'short', year: 'numeric' })}`
      : dayLabel(locale, value.date, { month: 'long', year: 'numeric' });
  return (
    <div className="pub-toolbar pub-schedule-toolbar" data-testid="schedule-toolbar">
      <Segmented
        name="schedule-view"
        label={t('pub.schedule.view')}
        value={value.view}
        options={calendarViews.map((v) => ({ value: v, label: t(`pub.schedule.view.${v}`) }))}
        onChange={(v) => onChange({ ...value, view: v })}
      />
      <div className="pub-row pub-nav">
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('pub.schedule.previous')}
          onClick={() => onChange({ ...value, date: shiftAnchor(value.view, value.date, -1) })}
          data-testid="schedule-prev"
        >
          ‹
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange({ ...value, date: today })}
          data-testid="schedule-today"
        >
          {t('pub.schedule.today')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('pub.schedule.next')}
          onClick={() => onChange({ ...value, date: shiftAnchor(value.view, value.date, 1) })}
          data-testid="schedule-next"
        >
          ›
        </button>
        <strong className="pub-range-title" data-testid="schedule-title">
          {title}
        </strong>
      </div>
      <TimeZoneSelect
        value={value.timeZone}
        onChange={(timeZone) => onChange({ ...value, timeZone })}
        testId="schedule-tz"
      />
      <AccountPicker
        ctx={ctx}
        value={value.account}
        allowAll
        onChange={(account) => onChange({ ...value, account })}
      />
      <span
        className={`pub-live small${live ? ' pub-live-on' : ''}`}
        data-testid="schedule-live"
        data-live={String(live)}
      >
        {t(live ? 'pub.live.on' : 'pub.live.off')}
      </span>
      {ctx.isOwner && ctx.accounts.length > 0 && (
        <Link
          to={sectionPath('compose')}
          className="btn btn-primary pub-toolbar-end"
          data-testid="schedule-new"
        >
          {t('pub.schedule.new')}
        </Link>
      )}
    </div>
  );
}
