import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsPoint, StatisticsView, TopPostsView } from '../../web/src/pages/statistics/types.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type BrowserSession, openBrowser, screenshot } from './browser.js';
import { browserDays, browserNumber, drawn, enDay, known, metrics, settled } from './statistics-page.js';

// The Statistics page against the built server in demo mode: the simulator's shop has existed
// for 90 days, so a refresh of the last 89 complete days fills a 90-day chart. Every point the
// charts draw must be the API's value for that period (and nothing where the API says unknown),
// by day and by week; the top posts open their insights; and the page speaks Ukrainian and
// Russian with dates and numbers in those locales. The tests run in order on one server.

describe('statistics in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let b: BrowserSession;
  let token = '';
  let accountId = '';

  beforeAll(async () => {
    server = await startServerProcess({ INSTAGRAM_APP_ID: '', INSTAGRAM_APP_SECRET: '' });
    b = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const testId = (page: Page, id: string) => page.getByTestId(id);
  const statistics = (from: string, to: string, granularity: string) =>
    api<StatisticsView>(`/accounts/${accountId}/statistics?from=${from}&to=${to}&granularity=${granularity}`);

  it('signs in and refreshes 90 days from Meta, with progress and a reload when the job is done', async () => {
    const page = b.page;
    await page.goto(`${server.url}/login`);
    await testId(page, 'login-email').fill(server.admin.email);
    await testId(page, 'login-password').fill(server.admin.password);
    await testId(page, 'login-submit').click();
    await page.waitForURL(`${server.url}/`);
    token = (await page.evaluate(() => localStorage.getItem('relaydesk.token'))) ?? '';
    const accounts = await api<{ items: { id: string; provider: string }[] }>('/accounts');
    accountId = accounts.items.find((a) => a.provider === 'instagram')?.id ?? '';
    expect(accountId).not.toBe('');

    await testId(page, 'nav-statistics').click();
    await page.waitForURL(`${server.url}/statistics`);
    await testId(page, 'range-90').click();
    await page.waitForURL(`${server.url}/statistics?days=90`);
    await settled(page, 'day');
    await expect.poll(() => testId(page, 'lag-note').textContent()).toContain('can lag 48 hours');

    await testId(page, 'stats-refresh').click();
    const status = testId(page, 'stats-refresh-status');
    await page
      .locator('[data-testid="stats-refresh-status"][data-phase="done"]')
      .waitFor({ timeout: 90_000 });
    expect(await status.textContent()).toContain('89 days read from Meta');
  }, 120_000);

  it('draws exactly the API’s daily values, with gaps where they are unknown', async () => {
    const page = b.page;
    const { from, to } = await settled(page, 'day');
    const view = await statistics(from, to, 'day');
    expect(view.series).toHaveLength(90);
    // the refresh read every complete day; today is still running, so it has no reach yet
    expect(known(view.series, 'reach').length).toBeGreaterThanOrEqual(88);
    expect(view.series.at(-1)?.reach).toBeNull();
    for (const metric of metrics)
      expect(await drawn(page, metric), metric).toEqual(known(view.series, metric));

    // follower totals begin with the first profile reading: earlier days are empty, and the page says why
    const firstFollowers = view.series.findIndex((p) => p.followers !== null);
    expect(firstFollowers).toBeGreaterThan(0);
    const first = view.series[firstFollowers] as StatisticsPoint;
    const firstDay = enDay(first.start);
    expect(await testId(page, 'followers-note').textContent()).toBe(
      `Follower totals start with Relaydesk’s first reading of the profile (${firstDay}): Meta keeps no history of the total.`,
    );
    // a chart without a single known value says so instead of drawing an empty axis as if it were data
    const rateEmpty = known(view.series, 'engagementRate').length === 0;
    expect(await page.locator('[data-testid="chart-engagementRate"] .stats-empty').count()).toBe(
      rateEmpty ? 1 : 0,
    );
    expect(await page.locator('[data-testid="chart-reach"] .stats-line').count()).toBeGreaterThanOrEqual(1);

    // the totals row is the API's totals
    expect(await testId(page, 'total-reach').getAttribute('data-value')).toBe(String(view.totals.reach));
    expect(await testId(page, 'total-reach').locator('.metric-value').textContent()).toBe(
      (view.totals.reach ?? 0).toLocaleString('en-US'),
    );

    // hovering a point shows its period and value; the keyboard walks the periods
    const chart = testId(page, 'chart-reach');
    const tenth = view.series[10] as StatisticsPoint;
    await chart.locator(`[data-testid="point"][data-date="${tenth.start}"]`).hover();
    const tip = chart.getByTestId('chart-tooltip');
    const dayLabel = enDay(tenth.start);
    expect(await tip.textContent()).toBe(`${dayLabel}${(tenth.reach ?? 0).toLocaleString('en-US')}`);
    await page.mouse.move(0, 0);
    await chart.focus();
    await page.keyboard.press('End');
    expect(await tip.textContent()).toContain('Unknown');
    await page.keyboard.press('ArrowLeft');
    const yesterday = view.series.at(-2) as StatisticsPoint;
    expect(await chart.getAttribute('aria-valuetext')).toContain(
      (yesterday.reach ?? 0).toLocaleString('en-US'),
    );

    // the formula behind the engagement rate is the API's
    expect(await testId(page, 'formula-engagementRate-expression').textContent()).toBe(
      view.formulas.engagementRate.expression,
    );
    await testId(page, 'formula-engagementRate').locator('summary').click();
    await screenshot(page, 'statistics-90-days');
    await testId(page, 'formula-engagementRate').locator('summary').click();
  }, 30_000);

  it('groups by week: one point per week, Mondays, equal to the API’s roll-up', async () => {
    const page = b.page;
    await testId(page, 'granularity-week').click();
    await page.waitForURL(/[?&]by=week/);
    const { from, to } = await settled(page, 'week');
    const view = await statistics(from, to, 'week');
    expect(view.series.length).toBeGreaterThanOrEqual(13);
    expect(view.series[0]?.start).toBe(from);
    for (const p of view.series.slice(1)) expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
    for (const metric of metrics)
      expect(await drawn(page, metric), metric).toEqual(known(view.series, metric));
    // a week's reach is the sum of its days
    const days = await statistics(from, to, 'day');
    const week = view.series[1] as StatisticsPoint;
    const sum = days.series
      .filter((d) => d.start >= week.start && d.start <= week.end)
      .reduce((s, d) => s + (d.reach ?? 0), 0);
    expect(week.reach).toBe(sum);
    // the tooltip of a week names its days and how many of them have data
    await testId(page, 'chart-reach').locator(`[data-testid="point"][data-date="${week.start}"]`).hover();
    expect(await testId(page, 'chart-reach').getByTestId('chart-tooltip').textContent()).toContain(
      `Days with data: ${week.daysWithData} of ${week.days}`,
    );
    await screenshot(page, 'statistics-90-days-by-week');
  }, 30_000);

  it('takes a custom range from the date fields into the URL, and exports it as CSV', async () => {
    const page = b.page;
    await testId(page, 'granularity-day').click();
    const { to } = await settled(page, 'day');
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
    await testId(page, 'stats-from').fill(from);
    await page.waitForURL(new RegExp(`[?&]from=${from}&to=${to}`));
    expect(await settled(page, 'day')).toEqual({ from, to });
    const view = await statistics(from, to, 'day');
    expect(view.series).toHaveLength(7);
    for (const metric of metrics)
      expect(await drawn(page, metric), metric).toEqual(known(view.series, metric));

    const [download] = await Promise.all([page.waitForEvent('download'), testId(page, 'stats-csv').click()]);
    expect(download.suggestedFilename()).toBe(`statistics-${from}-${to}-day.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['start', 'end', 'followers']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(view.series.map((p) => p.start));

    // a preset again
    await testId(page, 'range-90').click();
    await page.waitForURL(/[?&]days=90/);
    await settled(page, 'day');
  }, 30_000);

  it('lists the top posts by a chosen metric and opens one post’s insights', async () => {
    const page = b.page;
    // post insights are read by their own job after the account's; wait for it, then reload
    await expect
      .poll(
        async () => (await api<TopPostsView>(`/accounts/${accountId}/top-posts?metric=likes`)).items.length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(1);
    await testId(page, 'top-metric').selectOption('likes');
    await page.waitForURL(/[?&]metric=likes/);
    const { from, to } = await settled(page, 'day');
    const top = await api<TopPostsView>(
      `/accounts/${accountId}/top-posts?metric=likes&from=${from}&to=${to}&limit=10`,
    );
    await expect
      .poll(() =>
        page
          .locator('[data-testid="top-post"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-media-id'))),
      )
      .toEqual(top.items.map((p) => p.igMediaId));
    const likes = top.items.map((p) => p.metrics.likes ?? 0);
    expect([...likes].sort((a, c) => c - a)).toEqual(likes);

    const first = top.items[0];
    await page.locator('[data-testid="top-post-open"]').first().click();
    const dialog = testId(page, 'post-insight');
    await dialog.waitFor();
    const insight = await api<TopPostsView['items'][number] & { formulas: StatisticsView['formulas'] }>(
      `/posts/${first?.postId}/insights`,
    );
    await expect
      .poll(() => dialog.getByTestId('post-metric-reach').getAttribute('data-value'))
      .toBe(String(insight.metrics.reach ?? ''));
    for (const key of ['views', 'likes', 'comments', 'saved', 'shares', 'totalInteractions'] as const)
      expect(await dialog.getByTestId(`post-metric-${key}`).getAttribute('data-value'), key).toBe(
        String(insight.metrics[key] ?? ''),
      );
    expect(await dialog.getByTestId('post-metric-engagementRate').getAttribute('data-value')).toBe(
      String(insight.engagementRate ?? ''),
    );
    expect(await dialog.getByTestId('post-insight-status').getAttribute('data-status')).toBe(insight.status);
    expect(await dialog.getByTestId('post-insight-status').textContent()).toMatch(
      /^(Read from Meta|Not read yet|Meta)/,
    );
    expect(await dialog.getByTestId('post-formula-expression').textContent()).toBe(
      'total_interactions / reach',
    );
    await screenshot(page, 'statistics-post-insight');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);

  it.each([
    ['uk-UA', 'Статистика', 'Кількість підписників відома лише з першого читання профілю'],
    ['ru-RU', 'Статистика', 'Число подписчиков известно только с первого чтения профиля'],
  ])(
    'speaks %s, with dates and numbers in that locale',
    async (locale, title, note) => {
      const s = await openBrowser({ locale });
      try {
        await s.context.addInitScript((t) => localStorage.setItem('relaydesk.token', t), token);
        await s.page.goto(`${server.url}/statistics?days=90`);
        const page = s.page;
        const { from, to } = await settled(page, 'day');
        expect(await page.locator('h1').textContent()).toBe(title);
        expect(await testId(page, 'followers-note').textContent()).toContain(note);
        const view = await statistics(from, to, 'day');
        for (const metric of metrics)
          expect(await drawn(page, metric), metric).toEqual(known(view.series, metric));

        // axis dates are the browser's own rendering of the API's days in this locale
        const ticks = await page.locator('[data-testid="chart-views"] .stats-xtick').allTextContents();
        const days = view.series.map((p) => p.start);
        const expected = await browserDays(page, locale, days, false);
        expect(ticks.length).toBeGreaterThanOrEqual(4);
        for (const tick of ticks) expect(expected).toContain(tick);
        expect(ticks.join(' ')).toMatch(/[а-яіїє]/i);

        // numbers use the locale's grouping and decimal comma
        const reach = await testId(page, 'total-reach').locator('.metric-value').textContent();
        expect(reach).toBe(await browserNumber(page, locale, view.totals.reach ?? 0));
        const rate = await testId(page, 'total-engagementRate').locator('.metric-value').textContent();
        if (view.totals.engagementRate !== null) expect(rate).toMatch(/^\d+(,\d+)?\s?%$/);
        const day = view.series[20] as StatisticsPoint;
        await page
          .locator(`[data-testid="chart-views"] [data-testid="point"][data-date="${day.start}"]`)
          .hover();
        const tip = await testId(page, 'chart-views').getByTestId('chart-tooltip').textContent();
        const [dayLabel] = await browserDays(page, locale, [day.start], true);
        const want = `${dayLabel}${await browserNumber(page, locale, day.views ?? 0)}`;
        expect(tip).toBe(want);
        await screenshot(page, `statistics-${locale}`);
      } finally {
        await s.close();
      }
    },
    40_000,
  );

  it('shows followers, messages today and posts this week on the home page', async () => {
    const page = b.page;
    await page.goto(`${server.url}/`);
    const stats = await api<{ followers: number | null; messagesToday: number; postsThisWeek: number }>(
      '/instagram/stats',
    );
    expect(stats.followers).not.toBeNull();
    await expect
      .poll(() => testId(page, 'stat-followers').textContent())
      .toBe((stats.followers ?? 0).toLocaleString('en-US'));
    expect(await testId(page, 'stat-messages-today').textContent()).toBe(
      stats.messagesToday.toLocaleString('en-US'),
    );
    expect(await testId(page, 'stat-posts-week').textContent()).toBe(
      stats.postsThisWeek.toLocaleString('en-US'),
    );
    await screenshot(page, 'home-instagram-card');
  }, 20_000);
});
