import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalInput } from '../../web/src/pages/publishing/zoned-time.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { freePort } from '../support/services.js';
import { type BrowserSession, openBrowser, screenshot, simulatorControl } from './browser.js';

// The Publishing page against the built server in demo mode: the simulator's shop has posts with
// comments; replies, hides and publishes must reach it (its control surface under /__simulator/
// __sim/ shows what it was asked), customers' comments and the scheduler's progress must show up
// without a reload. The tests run in order on one signed-in page.

interface SimState {
  media: { id: string; caption?: string }[];
  comments: {
    id: string;
    mediaId: string;
    parentId?: string;
    text: string;
    hidden: boolean;
    fromUsername: string;
  }[];
  publishCalls: { at: string; creationId: string; ok: boolean; mediaId?: string }[];
}

interface AutoPost {
  id: string;
  status: string;
  scheduledAt: string;
  permalink: string | null;
  igMediaId: string | null;
}

describe('publishing in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let b: BrowserSession;
  let token = '';

  beforeAll(async () => {
    // Instagram downloads media by URL, so the server must know its public address.
    const port = String(await freePort());
    server = await startServerProcess({
      INSTAGRAM_APP_ID: '',
      INSTAGRAM_APP_SECRET: '',
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    b = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const sim = <T>(path: string, body?: unknown) => simulatorControl(server.url)<T>(path, body);
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const testId = (id: string) => b.page.getByTestId(id);
  const card = (caption: string) => testId('post-card').filter({ hasText: caption });
  // by the comment's own text (an open reply box under a comment holds the reply being typed)
  const comment = (text: string) =>
    testId('post-panel')
      .getByTestId('comment')
      .filter({ has: b.page.locator('[data-testid="comment-text"]', { hasText: text }) });
  const shoot = (name: string) => screenshot(b.page, name);
  const panel = () => testId('auto-post-panel');
  const status = () => panel().getByTestId('auto-post-status');
  const marker = () => b.page.evaluate(() => (window as unknown as { pubMarker?: number }).pubMarker);
  const imageUrl = () => `${server.url}/__simulator/__sim/img/product-poltava.svg`;
  const showroom = 'Ми відкрили шоурум на Подолі!';

  it('shows every post of the account with its kind, caption and counts', async () => {
    await b.page.goto(`${server.url}/publishing`);
    await b.page.waitForURL(/\/login\?next=%2Fpublishing$/);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await b.page.waitForURL(`${server.url}/publishing`);
    expect(await testId('nav-publishing').getAttribute('aria-current')).toBe('page');
    token = (await b.page.evaluate(() => localStorage.getItem('relaydesk.token'))) ?? '';

    // The demo account's media is imported on connect: the grid fills in as it lands.
    await card(showroom).waitFor({ timeout: 20_000 });
    const kinds = await testId('post-card').evaluateAll((cards) => cards.map((c) => c.dataset.kind));
    expect(kinds.length).toBeGreaterThanOrEqual(10);
    expect(new Set(kinds)).toEqual(new Set(['photo', 'carousel', 'reel']));
    expect(await card(showroom).getByTestId('post-comments').textContent()).toMatch(/2$/);
    expect(await card(showroom).getByTestId('post-permalink').getAttribute('href')).toMatch(
      /^https:\/\/www\.instagram\.com\/p\//,
    );
    await shoot('publishing-gallery');
  }, 40_000);

  it('syncs on demand and shows the job through to what it found', async () => {
    await testId('sync-now').click();
    await expect
      .poll(() => testId('sync-status').getAttribute('data-phase'), { timeout: 20_000 })
      .toBe('done');
    expect(await testId('sync-status').textContent()).toMatch(
      /^Synced: \d+ posts checked, \d+ new, \d+ changed\.$/,
    );
  }, 30_000);

  it('answers a comment and hides another, and Instagram has both', async () => {
    await card(showroom).getByTestId('post-open').click();
    await b.page.waitForURL(/\/publishing\/gallery\/[^/?]+$/);
    await comment('А примірочна там є?').waitFor();
    await b.page.evaluate(() => {
      (window as unknown as { pubMarker: number }).pubMarker = 7;
    });

    const reply = `Так, дві примірочні 🌿 ${Date.now()}`;
    await comment('А примірочна там є?').getByTestId('comment-reply').first().click();
    await testId('comment-reply-input').fill(reply);
    await testId('comment-reply-send').click();
    await comment(reply).waitFor();
    expect(await comment(reply).locator('.pub-comment-author').textContent()).toBe('You');

    const hide = comment('Нарешті шоурум!');
    await hide.getByTestId('comment-hide').click();
    await expect.poll(() => hide.getAttribute('data-hidden')).toBe('true');
    expect(await hide.getByTestId('comment-hidden').isVisible()).toBe(true);

    const state = await sim<SimState>('state');
    const question = state.comments.find((c) => c.text === 'А примірочна там є?');
    const answer = state.comments.find((c) => c.text === reply);
    expect(answer?.parentId).toBe(question?.id);
    expect(state.comments.find((c) => c.text.startsWith('Нарешті шоурум!'))?.hidden).toBe(true);

    // and back
    await hide.getByTestId('comment-unhide').click();
    await expect.poll(() => hide.getAttribute('data-hidden')).toBe('false');
    expect((await sim<SimState>('state')).comments.find((c) => c.text.startsWith('Нарешті'))?.hidden).toBe(
      false,
    );
  }, 30_000);

  it('shows a customer’s new comment live, without a reload', async () => {
    const state = await sim<SimState>('state');
    const media = state.media.find((m) => m.caption?.startsWith(showroom));
    const text = `А в неділю працюєте? ${Date.now()}`;
    await sim('customer-comment', { from: 'taras_bondar', text, mediaId: media?.id });
    await comment(text).waitFor({ timeout: 5000 });
    expect(await comment(text).locator('.pub-comment-author').textContent()).toBe('@taras_bondar');
    expect(await marker()).toBe(7);
    await shoot('publishing-comments');
  }, 20_000);

  it('creates a product, showing the server’s complaint under the field it is about', async () => {
    await testId('publishing-tab-products').click();
    await testId('product-new').click();
    await testId('product-name').fill('Сукня «Полтава»');
    await testId('product-save').click();
    expect(await testId('field-error-price').textContent()).toBe('the product needs a price');

    await testId('product-price').fill('2900');
    await testId('product-images').fill(imageUrl());
    await testId('product-hashtags').fill('#linen, сукня');
    expect(await testId('product-hashtag-words').textContent()).toBe('#linen#сукня');
    await testId('product-save').click();
    const row = testId('product-row').filter({ hasText: 'Сукня «Полтава»' });
    await row.waitFor();
    expect((await row.getByTestId('product-price-cell').textContent())?.replace(/\s/g, ' ')).toBe(
      'UAH 2,900.00',
    );
    expect(await row.getByTestId('product-stock').textContent()).toBe('In stock');
    await b.page.waitForURL(/\/publishing\/products\/[^/]+$/);
  }, 20_000);

  it('imports a CSV file and reports each bad row', async () => {
    await testId('csv-toggle').click();
    const csv = [
      'name;price;currency;hashtags;in_stock',
      'Сорочка «Дніпро»;1850;UAH;linen shirt;так',
      'Пояс;;UAH;;так',
      'Чашка;450;ABC;;може',
    ].join('\r\n');
    await testId('csv-file').setInputFiles({
      name: 'каталог.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await testId('csv-submit').click();
    await testId('csv-report').waitFor();
    expect(await testId('csv-summary').textContent()).toBe(
      'Imported 1 new and updated 0 products; 2 rows had problems.',
    );
    const lines = await testId('csv-report-line').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
    );
    expect(lines).toEqual([
      ['3', 'price'],
      ['4', 'currency'],
      ['4', 'in_stock'],
    ]);
    await testId('product-row').filter({ hasText: 'Сорочка «Дніпро»' }).waitFor();
    await shoot('publishing-products');
  }, 20_000);

  it('previews a caption template live and refuses an unknown variable when saving', async () => {
    await testId('publishing-tab-templates').click();
    await testId('template-new').click();
    await testId('template-name').fill('Подарунок');
    await testId('preview-product').selectOption({ label: 'Сукня «Полтава»' });
    await testId('template-body').fill('🎁 {product_name} - {product_price}₴ {colour}');
    await testId('caption-unknown').waitFor();
    await testId('template-save').click();
    expect(await testId('template-invalid').textContent()).toBe('Not saved: unknown variables {colour}.');

    await testId('template-body').fill('🎁 {product_name} - {product_price}₴\n{hashtags}');
    await expect
      .poll(() => testId('caption-preview-text').textContent())
      .toMatch(/^🎁 Сукня «Полтава» - 2\s900₴\n#linen #сукня$/u);
    expect(await testId('caption-unknown').count()).toBe(0);
    expect(await testId('meter-length-value').textContent()).toBe('41 / 2,200');
    expect(await testId('meter-hashtags-value').textContent()).toBe('2 / 30');
    expect(await testId('meter-length').getAttribute('data-state')).toBe('ok');
    await shoot('publishing-template');
    await testId('template-save').click();
    await testId('template-item').filter({ hasText: 'Подарунок' }).waitFor();
  }, 20_000);

  it('publishes a post at the second it was scheduled for, once, and links to it', async () => {
    const before = (await sim<SimState>('state')).publishCalls.length;
    await testId('publishing-tab-schedule').click();
    await testId('schedule-new').click();
    await testId('compose-product').selectOption({ label: 'Сукня «Полтава»' });
    await testId('compose-template').selectOption({ label: 'Подарунок' });
    await expect.poll(() => testId('caption-preview-text').textContent()).toMatch(/^🎁 Сукня «Полтава»/u);
    expect(await testId('media-preview-item').locator('img').getAttribute('src')).toBe(imageUrl());
    await testId('compose-tz').selectOption('Europe/Kyiv');
    const due = Math.ceil((Date.now() + 8000) / 1000) * 1000;
    await testId('compose-at').fill(toLocalInput(due, 'Europe/Kyiv'));
    await testId('compose-submit').click();
    await b.page.waitForURL(/\/publishing\/schedule\/[^/?]+\?date=/);
    const id = new URL(b.page.url()).pathname.split('/').pop() ?? '';
    expect((await api<AutoPost>(`/auto-posts/${id}`)).scheduledAt).toBe(new Date(due).toISOString());
    expect(await status().getAttribute('data-status')).toBe('pending');

    // The scheduler publishes it; the page hears about every step on the live stream.
    await expect.poll(() => status().getAttribute('data-status'), { timeout: 30_000 }).toBe('published');
    const permalink = await panel().getByTestId('auto-post-permalink').getAttribute('href');
    expect(permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    const post = await api<AutoPost>(`/auto-posts/${id}`);
    expect(post.permalink).toBe(permalink);
    const calls = (await sim<SimState>('state')).publishCalls.slice(before);
    expect(calls.filter((c) => c.ok)).toHaveLength(1);
    expect(calls[0]?.mediaId).toBe(post.igMediaId);
    expect(Date.parse(calls[0]?.at ?? '')).toBeGreaterThanOrEqual(due);
    // and the week shows it, published
    await expect
      .poll(() => b.page.locator(`[data-auto-post-id="${id}"]`).getAttribute('data-status'))
      .toBe('published');
    await shoot('publishing-schedule');
  }, 60_000);

  it('says in plain words why a post failed', async () => {
    // Meta cannot download the media (the answer Meta really gives, fixture publish_9004_2207052).
    await sim('faults', {
      kind: 'error',
      code: 9004,
      subcode: 2207052,
      message: 'Only photo or video can be accepted as media type.',
      path: '/media$',
      method: 'POST',
    });
    await testId('schedule-new').click();
    await testId('compose-product').selectOption({ label: 'Сукня «Полтава»' });
    await testId('caption-mode-text').click();
    await testId('compose-caption').fill('Нова колекція вже тут');
    await testId('when-now').click();
    await testId('compose-submit').click();
    await b.page.waitForURL(/\/publishing\/schedule\/[^/?]+\?date=/);
    await expect.poll(() => status().getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await panel().getByTestId('publish-problem').getAttribute('data-code')).toBe('media_rejected');
    expect(await panel().getByTestId('publish-problem-text').textContent()).toBe(
      'Instagram did not accept the image or video (its size, format or address).',
    );
    expect(await panel().getByTestId('publish-problem-detail').textContent()).toContain(
      'Instagram could not fetch the media from its URL',
    );
    await testId('schedule-view-list').click();
    await expect
      .poll(() =>
        testId('schedule-row')
          .filter({ has: b.page.locator('[data-code="media_rejected"]') })
          .count(),
      )
      .toBe(1);
    await shoot('publishing-failed');
  }, 60_000);

  it('reschedules and cancels a pending post', async () => {
    await testId('schedule-new').click();
    await testId('compose-product').selectOption({ label: 'Сукня «Полтава»' });
    await testId('compose-tz').selectOption('UTC');
    const at = Date.now() + 3 * 3_600_000;
    await testId('compose-at').fill(toLocalInput(at, 'UTC'));
    await testId('compose-submit').click();
    await b.page.waitForURL(/\/publishing\/schedule\/[^/?]+\?date=/);
    const id = new URL(b.page.url()).pathname.split('/').pop() ?? '';
    const later = toLocalInput(at + 86_400_000, 'UTC');
    await testId('schedule-tz').selectOption('UTC');
    await testId('reschedule-at').fill(later);
    await testId('reschedule').click();
    await expect
      .poll(async () => (await api<AutoPost>(`/auto-posts/${id}`)).scheduledAt)
      .toBe(`${later}.000Z`);
    await testId('auto-post-cancel').click();
    await expect.poll(() => status().getAttribute('data-status')).toBe('cancelled');
    expect(await testId('reschedule').count()).toBe(0);
  }, 30_000);

  it('speaks Ukrainian', async () => {
    await testId('schedule-view-week').click();
    await testId('language-picker').selectOption('uk');
    expect(await testId('publishing-tab-schedule').textContent()).toBe('Розклад');
    expect(await status().textContent()).toBe('Скасовано');
    expect(await testId('nav-publishing').textContent()).toBe('Публікації');
    await testId('publishing-tab-gallery').click();
    await card(showroom).waitFor();
    expect(await testId('sync-now').textContent()).toBe('Синхронізувати');
    expect(await card(showroom).getByTestId('post-kind').textContent()).toBe('Фото');
    await shoot('publishing-gallery-uk');
    await testId('language-picker').selectOption('en');
  }, 20_000);
});
