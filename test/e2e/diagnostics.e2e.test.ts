import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import {
  type BrowserSession,
  openBrowser,
  postMetaDelivery,
  screenshot,
  textMessageDelivery,
} from './browser.js';

// The Diagnostics page against the built server in demo mode: the built-in simulator plays
// Instagram, so the demo account's checks ask it over real HTTP. The page is followed while the
// state changes underneath it: a DM arrives, a forged delivery is rejected, the token is revoked.

describe('diagnostics page in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startServerProcess({ INSTAGRAM_APP_ID: '', INSTAGRAM_APP_SECRET: '' });
    b = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const testId = (id: string) => b.page.getByTestId(id);
  const row = (checkId: string) => b.page.locator(`[data-testid="check-row"][data-check-id="${checkId}"]`);
  const sim = (path: string, body: unknown) =>
    fetch(`${server.url}/__simulator/__sim/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** clicks the re-run button and waits for the new report to be on the page */
  const rerun = async () => {
    const answered = b.page.waitForResponse((r) => r.url().endsWith('/api/v1/diagnostics') && r.ok());
    await testId('diagnostics-rerun').click();
    await answered;
    await expect.poll(() => testId('diagnostics-rerun').isEnabled()).toBe(true);
  };
  const shoot = async (name: string) => {
    await b.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(b.page, name);
  };

  it('shows the checks grouped, the demo account among them, with its token accepted', async () => {
    await b.page.goto(`${server.url}/login`);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await testId('nav-diagnostics').click();
    await b.page.waitForURL(`${server.url}/diagnostics`);
    expect(await testId('nav-diagnostics').getAttribute('aria-current')).toBe('page');
    await testId('diagnostics-overall').waitFor();

    const groups = await b.page
      .locator('[data-testid="diagnostics-section"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups).toEqual(['configuration', 'webhooks', 'instagram', 'jobs', 'database']);
    expect(await b.page.locator('[data-testid="diagnostics-section"] h2').nth(2).textContent()).toBe(
      'Instagram · @vesna.atelier',
    );
    expect(await row('instagram.token').getAttribute('data-verdict')).toBe('pass');
    expect(await row('instagram.token').getByTestId('check-message').textContent()).toBe(
      'Instagram accepts the token of @vesna.atelier.',
    );
    expect(await row('instagram.webhook_fields').getAttribute('data-verdict')).toBe('pass');
    expect(await row('config.app_secret').getAttribute('data-code')).toBe('demo');
    expect(await row('database.migrations').getAttribute('data-verdict')).toBe('pass');
  }, 40_000);

  it('sees a DM arrive after a re-run', async () => {
    expect((await sim('customer-message', { from: 'alice', text: 'Привіт! Є сукня?' })).status).toBe(200);
    await expect
      .poll(async () => {
        await rerun();
        return row('instagram.last_delivery').getAttribute('data-verdict');
      })
      .toBe('pass');
    expect(await row('instagram.last_delivery').getByTestId('check-message').textContent()).toMatch(
      /^The last webhook for this account arrived at .+; 1 in the last 24 hours\.$/,
    );
  }, 30_000);

  it('fails the signatures after a forged delivery, and links to the rejected ones in the webhook log', async () => {
    const forged = await postMetaDelivery(
      server.url,
      textMessageDelivery('forged', 'mid.forged.1'),
      'not-the-secret',
    );
    expect(forged.status).toBe(401);
    await rerun();
    const signatures = row('webhook.signatures');
    await expect.poll(() => signatures.getAttribute('data-verdict')).toBe('fail');
    expect(await signatures.getByTestId('check-fix').textContent()).toContain('INSTAGRAM_APP_SECRET');
    expect(await signatures.getByTestId('check-detail').textContent()).toContain('does not match');
    await signatures.getByTestId('check-link').click();
    await b.page.waitForURL(`${server.url}/deliveries?source=meta&signatureValid=false`);
    await b.page.locator('tbody tr').first().waitFor();
    await b.page.goBack();
    await testId('diagnostics-overall').waitFor();
  }, 30_000);

  it('fails the token once Instagram revokes it, says how to fix it, and shows only the problems', async () => {
    const res = await sim('tokens/revoke', { accountId: 'vesna.atelier', reason: 'password_changed' });
    expect(res.status).toBe(200);
    await rerun();
    await expect.poll(() => row('instagram.token').getAttribute('data-verdict')).toBe('fail');
    expect(await testId('diagnostics-overall').getAttribute('data-verdict')).toBe('fail');
    expect(await row('instagram.token').getByTestId('check-fix').textContent()).toMatch(
      /^How to fix: Reconnect the account on the Accounts page/,
    );
    expect(await row('instagram.webhook_fields').getAttribute('data-verdict')).toBe('skip');
    await shoot('diagnostics');

    await testId('diagnostics-only-problems').check();
    const verdicts = await b.page
      .locator('[data-testid="check-row"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((v) => v === 'warn' || v === 'fail')).toBe(true);
    await testId('diagnostics-only-problems').uncheck();
  }, 30_000);

  it('speaks Ukrainian: the checks, their verdicts and fixes', async () => {
    await testId('language-picker').selectOption('uk');
    await expect.poll(() => b.page.locator('h1').textContent()).toBe('Діагностика');
    expect(await row('instagram.token').getByTestId('check-message').textContent()).toBe(
      'Instagram відхилив токен.',
    );
    expect(await row('instagram.token').getByTestId('check-verdict').textContent()).toContain('Не пройдено');
    expect(await row('instagram.token').getByTestId('check-fix').textContent()).toMatch(
      /^Як виправити: Підключіть акаунт знову/,
    );
    await shoot('diagnostics-uk');
    await testId('language-picker').selectOption('en');
  }, 20_000);
});
