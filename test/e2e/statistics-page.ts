import type { Page } from 'playwright-core';
import type { StatisticsPoint } from '../../web/src/pages/statistics/types.js';

// Reading the Statistics page in a browser test: what its charts draw, next to what the API says.

export type Metric = 'followers' | 'reach' | 'views' | 'engagementRate';
export const metrics: Metric[] = ['followers', 'reach', 'views', 'engagementRate'];

/** the page's view once it shows this granularity and is not loading; its range */
export async function settled(page: Page, granularity: string): Promise<{ from: string; to: string }> {
  const view = page.locator(
    `[data-testid="stats-view"][data-granularity="${granularity}"][aria-busy="false"]`,
  );
  await view.waitFor({ timeout: 15_000 });
  return {
    from: (await view.getAttribute('data-from')) ?? '',
    to: (await view.getAttribute('data-to')) ?? '',
  };
}

/** what a chart draws: [period start, value] of each point */
export const drawn = (page: Page, metric: Metric) =>
  page
    .locator(`[data-testid="chart-${metric}"] [data-testid="point"]`)
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-date'), Number(e.getAttribute('data-value'))]),
    );

/** what the API says: the known values only, unknown ones are gaps */
export const known = (series: StatisticsPoint[], metric: Metric) =>
  series.flatMap((p) => (p[metric] === null ? [] : [[p.start, p[metric]]]));

/** a day as an English tooltip names it: "Mar 10, 2026" */
export const enDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** the browser's own Intl rendering of days (short, or with the year) in a locale */
export const browserDays = (page: Page, locale: string, days: string[], withYear: boolean) =>
  page.evaluate(
    ([loc, list, year]) =>
      list.map((d) =>
        new Intl.DateTimeFormat(loc, {
          day: 'numeric',
          month: 'short',
          ...(year ? { year: 'numeric' } : {}),
          timeZone: 'UTC',
        }).format(new Date(`${d}T00:00:00Z`)),
      ),
    [locale, days, withYear] as const,
  );

export const browserNumber = (page: Page, locale: string, n: number) =>
  page.evaluate(([loc, v]) => new Intl.NumberFormat(loc).format(v), [locale, n] as const);
