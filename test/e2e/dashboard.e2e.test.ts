import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import {
  type BrowserSession,
  openBrowser,
  postMetaDelivery,
  screenshot,
  textMessageDelivery,
} from './browser.js';

// The built server (npm run build) in a child process and the dashboard in real Chromium.
// The tests run in order and share one signed-in page, as a person would use it.

const cyrillicText = 'Привіт! Чи є ця сукня в розмірі M? 👗✨ Дякую 🙏';

describe('dashboard in a real browser', () => {
  let server: ServerProcess;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startServerProcess();
    b = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const testId = (id: string) => b.page.getByTestId(id);

  it('rejects a wrong password, then signs in and shows the stats card', async () => {
    await b.page.goto(`${server.url}/deliveries`);
    // Signed out: the app sends the visitor to the login page and remembers where they were going.
    await b.page.waitForURL(/\/login\?next=%2Fdeliveries$/);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill('definitely-not-the-password');
    await testId('login-submit').click();
    await expect
      .poll(() => testId('login-error-message').textContent())
      .toBe('The email or password is wrong.');
    await screenshot(b.page, 'login-error');

    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await b.page.waitForURL(`${server.url}/deliveries`);
    await testId('nav-home').click();
    await testId('stats-card').waitFor();
    expect(await testId('stat-deliveries').textContent()).toBe('0');
    expect(await testId('workspace-name').textContent()).not.toBe('');
    expect(await b.page.evaluate(() => localStorage.getItem('relaydesk.token'))).toBeTruthy();
    await screenshot(b.page, 'home');
  }, 30_000);

  it('shows a signed delivery without a reload, its detail, and replays it', async () => {
    await testId('nav-deliveries').click();
    await testId('deliveries-empty').waitFor();
    // A marker on window proves the row arrives by polling, not by a page load.
    await b.page.evaluate(() => Object.assign(window, { e2eMarker: 'still-here' }));

    const res = await postMetaDelivery(
      server.url,
      textMessageDelivery(cyrillicText, 'aWdfZAG1faXRlbTo2NzEy'),
      server.appSecret,
    );
    expect(res.status).toBe(200);

    const row = b.page.locator('[data-testid="delivery-row"]');
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    expect(await b.page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe(
      'still-here',
    );
    expect(await row.first().getByTestId('delivery-signature').getAttribute('data-valid')).toBe('true');
    // The worker processes it in the background; the log picks up the new status by itself.
    await expect
      .poll(() => row.first().getAttribute('data-status'), { timeout: 10_000 })
      .toMatch(/^(processed|unrouted)$/);
    await screenshot(b.page, 'deliveries');

    await row.first().getByTestId('delivery-link').click();
    await testId('delivery-detail').waitFor();
    expect(await testId('detail-signature').getAttribute('data-valid')).toBe('true');
    expect(await testId('detail-signature').textContent()).toContain('Valid');
    expect(await b.page.getByTestId('event-kind').allTextContents()).toEqual(['message']);
    // The raw body survives byte for byte: Cyrillic and emoji are shown as sent.
    expect(await testId('delivery-body-text').textContent()).toContain(cyrillicText);
    expect(await testId('delivery-headers').textContent()).toContain('x-hub-signature-256');
    const attemptsBefore = Number(await testId('detail-attempts').textContent());
    await screenshot(b.page, 'delivery-detail');

    await testId('replay').click();
    await expect
      .poll(() => testId('replay-status').getAttribute('data-step'), { timeout: 15_000 })
      .toBe('done');
    expect(Number(await testId('detail-attempts').textContent())).toBe(attemptsBefore + 1);
    expect(await b.page.getByTestId('event-kind').allTextContents()).toEqual(['message']);
  }, 45_000);

  it('logs an unsigned delivery as rejected with an invalid signature', async () => {
    await testId('back-to-log').click();
    await b.page.locator('[data-testid="delivery-row"]').first().waitFor();
    const res = await postMetaDelivery(server.url, textMessageDelivery('unsigned', 'mid.unsigned.1'), null);
    expect(res.status).toBe(401);

    const rejected = b.page.locator('[data-testid="delivery-row"][data-status="rejected"]');
    await rejected.first().waitFor({ timeout: 10_000 });
    expect(await rejected.count()).toBe(1);
    expect(await rejected.getByTestId('delivery-signature').getAttribute('data-valid')).toBe('false');
    expect(await rejected.getByTestId('delivery-status').textContent()).toBe('Rejected');

    // The signature filter narrows the log to the rejected delivery only.
    await testId('filter-signature').selectOption('false');
    await b.page.waitForURL(/signatureValid=false/);
    await expect.poll(() => b.page.locator('[data-testid="delivery-row"]').count()).toBe(1);
    expect(await b.page.locator('[data-testid="delivery-row"]').getAttribute('data-status')).toBe('rejected');

    await b.page.locator('[data-testid="delivery-row"]').getByTestId('delivery-link').click();
    await testId('delivery-detail').waitFor();
    expect(await testId('detail-signature').getAttribute('data-valid')).toBe('false');
    expect(await testId('replay').isDisabled()).toBe(true);
  }, 30_000);

  it('switches the interface to Ukrainian and keeps the choice', async () => {
    await testId('back-to-log').click();
    expect(await testId('nav-home').textContent()).toBe('Overview');
    await testId('language-picker').selectOption('uk');
    await expect.poll(() => testId('nav-home').textContent()).toBe('Огляд');
    expect(await testId('nav-deliveries').textContent()).toBe('Журнал вебхуків');
    expect(await b.page.locator('html').getAttribute('lang')).toBe('uk');
    await screenshot(b.page, 'deliveries-uk');

    await b.page.reload();
    await testId('nav-home').waitFor();
    expect(await testId('nav-home').textContent()).toBe('Огляд');
    expect(await testId('language-picker').inputValue()).toBe('uk');
  }, 30_000);
});
