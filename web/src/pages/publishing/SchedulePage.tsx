import { useMemo } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { AutoPostPanel } from './AutoPostPanel.js';
import { bucketByDay, rangeOf, visibleDays, weekStartFor } from './calendar.js';
import { type DayCells, ScheduleCalendar } from './ScheduleCalendar.js';
import { ScheduleList } from './ScheduleList.js';
import { ScheduleToolbar } from './ScheduleToolbar.js';
import { SeriesList } from './SeriesList.js';
import { type ScheduleView, scheduleFromSearch, scheduleToSearch } from './schedule-url.js';
import { sectionPath } from './sections.js';
import { useAllProducts } from './use-catalogue.js';
import type { PublishingContext } from './use-publishing-context.js';
import { useSchedule } from './use-schedule.js';
import { dayKey } from './zoned-time.js';
import './schedule.css';

/** Scheduled posts as a list, a week or a month, in the zone the user reads times in. */
export function SchedulePage({ ctx, autoPostId }: { ctx: PublishingContext; autoPostId: string | null }) {
  const { t, locale } = useI18n();
  const { search, navigate } = useRouter();
  const zone = ctx.timeZone;
  const today = dayKey(Date.now(), new URLSearchParams(search).get('tz') || zone);
  const view = scheduleFromSearch(search, today, zone);
  const days = useMemo(
    () => visibleDays(view.view, view.date, weekStartFor(locale)),
    [view.view, view.date, locale],
  );
  const range = useMemo(() => rangeOf(days, view.timeZone), [days, view.timeZone]);
  const schedule = useSchedule(range, view.account, autoPostId);
  const products = useAllProducts();
  const byId = useMemo(() => new Map((products.data ?? []).map((p) => [p.id, p])), [products.data]);
  const posts = schedule.posts.data;
  const byDay = useMemo(() => bucketByDay(posts ?? [], view.timeZone), [posts, view.timeZone]);

  const query = scheduleToSearch(view, today, zone);
  const setView = (next: ScheduleView) =>
    navigate(`${window.location.pathname}${scheduleToSearch(next, today, zone)}`, { replace: true });
  const cells: DayCells = {
    days,
    byDay,
    today,
    anchor: view.date,
    timeZone: view.timeZone,
    openId: autoPostId,
    hrefOf: (id) => `${sectionPath('schedule', id)}${query}`,
    weekHref: (day) =>
      `${sectionPath('schedule')}${scheduleToSearch({ ...view, view: 'week', date: day }, today, zone)}`,
    productName: (id) => (id ? (byId.get(id)?.name ?? null) : null),
  };
  const open = schedule.open.data;

  return (
    <div className={`pub-split${autoPostId ? ' pub-split-open' : ''}`} data-testid="schedule">
      <div className="pub-split-main">
        <ScheduleToolbar
          ctx={ctx}
          value={view}
          days={days}
          today={today}
          live={schedule.connected}
          onChange={setView}
        />
        <ErrorMessage error={schedule.posts.error} onRetry={() => void schedule.posts.reload()} />
        {posts === undefined && !schedule.posts.error && <p className="muted">{t('common.loading')}</p>}
        {posts !== undefined &&
          (view.view === 'list' ? (
            <ScheduleList cells={cells} />
          ) : (
            <ScheduleCalendar view={view.view} cells={cells} />
          ))}
        <SeriesList
          items={schedule.series.data ?? []}
          canChange={ctx.isOwner}
          accountName={ctx.accountName}
          productName={cells.productName}
          onChanged={schedule.resync}
        />
      </div>
      {autoPostId && (
        <div className="pub-split-side">
          <AutoPostPanel
            post={open}
            error={schedule.open.error}
            product={open?.productId ? (byId.get(open.productId) ?? null) : null}
            accountName={open ? ctx.accountName(open.accountId) : ''}
            timeZone={view.timeZone}
            canChange={ctx.isOwner}
            closeHref={`${sectionPath('schedule')}${query}`}
            onChanged={(p) => {
              schedule.resync();
              if (!p) navigate(`${sectionPath('schedule')}${query}`);
            }}
          />
        </div>
      )}
    </div>
  );
}
