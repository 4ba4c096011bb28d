import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type BrowserSession, openBrowser, screenshot } from './browser.js';

// The Accounts page against the built server in demo mode (no INSTAGRAM_APP_ID/SECRET): the
// built-in simulator plays Instagram, including its login page, and a demo account is connected
// at start-up. Chatrace is a small stub on loopback. The tests run in order on one signed-in page.

const chatraceToken = '1234567.e2e-chatrace-api-token';

/** GET /accounts/me as Chatrace answers it (fixtures/chatrace/swagger_GET_accounts_me), for one token. */
function startChatraceStub(): Promise<Server> {
  const server = createServer((req, res) => {
    const ok = req.url === '/accounts/me' && req.headers['x-access-token'] === chatraceToken;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok
          ? { page_id: 1234567, name: 'Lumen Studio', active: true, created: 1700000000, total_users: 42 }
          : { success: false, message: 'Invalid access token' },
      ),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('accounts page in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let chatrace: Server;
  let b: BrowserSession;

  beforeAll(async () => {
    chatrace = await startChatraceStub();
    const { port } = chatrace.address() as AddressInfo;
    server = await startServerProcess({
      INSTAGRAM_APP_ID: '',
      INSTAGRAM_APP_SECRET: '',
      CHATRACE_API_URL: `http://127.0.0.1:${port}`,
    });
    b = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await server?.stop();
    await new Promise((done) => chatrace?.close(done));
  });

  const testId = (id: string) => b.page.getByTestId(id);
  // From the top, so the sticky top bar is drawn where it belongs in a full-page picture.
  const shoot = async (name: string) => {
    await b.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(b.page, name);
  };
  const cards = () => b.page.locator('[data-testid="account-card"]');
  const card = (provider: 'instagram' | 'chatrace') =>
    b.page.locator(`[data-testid="account-card"][data-provider="${provider}"]`);
  let username = '';

  it('shows the demo account as active, with its expiry and webhook subscription', async () => {
    await b.page.goto(`${server.url}/accounts`);
    await b.page.waitForURL(/\/login\?next=%2Faccounts$/);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await b.page.waitForURL(`${server.url}/accounts`);
    expect(await testId('nav-accounts').getAttribute('aria-current')).toBe('page');

    await cards().first().waitFor();
    expect(await cards().count()).toBe(1);
    const demo = card('instagram');
    expect(await demo.getAttribute('data-status')).toBe('active');
    expect(await demo.getByTestId('account-status').textContent()).toBe('Active');
    username = (await demo.getByTestId('account-username').textContent()) ?? '';
    expect(username).toMatch(/^@\S+$/);
    expect(await demo.getByTestId('account-webhooks').getAttribute('data-subscribed')).toBe('true');
    await testId('demo-note').waitFor();
    expect(await testId('demo-note').textContent()).toContain('built-in simulator');
    await shoot('accounts');
  }, 30_000);

  it('explains a refused pasted token with Instagram’s reason', async () => {
    await testId('token-input').fill('IGQVJ-not-a-real-token-000');
    await testId('token-submit').click();
    await testId('token-error').waitFor();
    expect(await testId('token-error').getAttribute('data-code')).toBe('token_invalid');
    expect(await testId('token-error-message').textContent()).toContain('The token was refused');
    expect(await testId('token-error-details').textContent()).toMatch(/^Details: Instagram refused/);
    expect(await cards().count()).toBe(1);
  }, 20_000);

  it('reconnects through Instagram Login without duplicating the account', async () => {
    await testId('connect-instagram').click();
    await b.page.waitForURL((url) => url.pathname !== '/accounts' || url.searchParams.has('connected'));
    // The simulator may show a consent page first, as Instagram does.
    const allow = b.page.locator('#allow');
    if (await allow.count()) await allow.click();
    await b.page.waitForURL(/\/accounts\?connected=[^&#]+/);

    await testId('connect-banner').waitFor();
    expect(await testId('connect-banner').getAttribute('data-kind')).toBe('connected');
    await expect.poll(() => testId('connect-banner-message').textContent()).toBe(`${username} is connected.`);
    await cards().first().waitFor();
    expect(await cards().count()).toBe(1);
    const account = card('instagram');
    expect(await account.getAttribute('data-status')).toBe('active');
    expect(await account.getByTestId('account-username').textContent()).toBe(username);
    expect(await account.getByTestId('account-expiry').textContent()).toMatch(/^Expires in \d+ days$/);
    await shoot('accounts-connected');

    await testId('connect-banner-dismiss').click();
    await b.page.waitForURL(`${server.url}/accounts`);
    expect(await testId('connect-banner').count()).toBe(0);
  }, 30_000);

  it('explains a failed login from the address it returns to', async () => {
    const message = 'Instagram login was cancelled';
    await b.page.goto(`${server.url}/accounts?error=oauth_cancelled&message=${encodeURIComponent(message)}`);
    await testId('connect-banner').waitFor();
    expect(await testId('connect-banner').getAttribute('data-kind')).toBe('error');
    expect(await testId('connect-banner-message').textContent()).toBe(
      'The Instagram login was cancelled, so nothing was connected.',
    );
    expect(await testId('connect-banner-details').textContent()).toBe(`Details: ${message}`);
  }, 20_000);

  it('words the expiry countdown in the chosen language', async () => {
    await testId('language-picker').selectOption('ru');
    await expect.poll(() => testId('nav-accounts').textContent()).toBe('Аккаунты');
    const expiry = card('instagram').getByTestId('account-expiry');
    expect(await expiry.textContent()).toMatch(/^Истекает через \d+ (день|дня|дней)$/);
    expect(await card('instagram').getByTestId('account-status').textContent()).toBe('Активен');
    await testId('language-picker').selectOption('en');
    await expect.poll(() => expiry.textContent()).toMatch(/^Expires in \d+ days$/);
  }, 20_000);

  it('connects Chatrace and shows the webhook token once, ready to copy', async () => {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await testId('chatrace-api-token').fill(chatraceToken);
    await testId('chatrace-submit').click();
    await testId('chatrace-setup').waitFor();
    expect(await testId('chatrace-token-once').textContent()).toContain('shown only once');
    const url = (await testId('chatrace-webhook-url').textContent()) ?? '';
    const token = (await testId('chatrace-webhook-token').textContent()) ?? '';
    expect(url).toBe(`${server.url}/api/v1/chatrace/webhook`);
    expect(token.length).toBeGreaterThan(20);
    const template = JSON.parse((await testId('chatrace-body-template').textContent()) ?? '');
    expect(template).toMatchObject({ senderId: expect.any(String), text: expect.any(String) });

    await testId('copy-webhook-token').click();
    await expect.poll(() => testId('copy-webhook-token').getAttribute('data-state')).toBe('copied');
    expect(await b.page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await shoot('accounts-chatrace-setup');

    // The token on screen is the real one: Chatrace's request with it is accepted.
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-relaydesk-token': token },
      body: JSON.stringify({ senderId: '5511999998888', messageId: 'm-e2e-1', text: 'Привіт 👋' }),
    });
    expect(res.status).toBe(200);

    await testId('chatrace-setup-done').click();
    expect(await testId('chatrace-setup').count()).toBe(0);
    await card('chatrace').waitFor();
    expect(await card('chatrace').getByTestId('account-provider').textContent()).toBe('Chatrace');
    expect(await card('chatrace').getByTestId('account-username').textContent()).toBe('Lumen Studio');
    expect(await card('chatrace').getAttribute('data-status')).toBe('active');
  }, 30_000);

  it('saves a Chatrace field mapping and points at a bad path', async () => {
    const chatraceCard = card('chatrace');
    await chatraceCard.getByTestId('field-map').locator('summary').click();
    await chatraceCard.getByTestId('field-map-senderId').fill('$.data.user.id');
    await chatraceCard.getByTestId('field-map-text').fill('$.data[');
    await chatraceCard.getByTestId('field-map-save').click();
    await chatraceCard.getByTestId('field-map-error').waitFor();
    expect(await chatraceCard.getByTestId('field-map-error').getAttribute('data-code')).toBe(
      'validation_failed',
    );
    expect(await chatraceCard.getByTestId('field-map-text').getAttribute('aria-invalid')).toBe('true');
    expect(await chatraceCard.getByTestId('field-map-senderId').getAttribute('aria-invalid')).toBeNull();

    await chatraceCard.getByTestId('field-map-text').fill('$.data.message.text');
    await chatraceCard.getByTestId('field-map-save').click();
    await chatraceCard.getByTestId('field-map-saved').waitFor();
    expect(await chatraceCard.getByTestId('field-map-error').count()).toBe(0);
  }, 20_000);

  it('disconnects after a confirmation that says the history is kept', async () => {
    const account = card('instagram');
    await account.getByTestId('account-disconnect').click();
    expect(await account.getByRole('alertdialog').textContent()).toContain('are kept');
    await account.getByTestId('account-disconnect-confirm').click();
    await expect.poll(() => account.getAttribute('data-status')).toBe('disconnected');
    expect(await account.getByTestId('account-status').textContent()).toBe('Disconnected');
    expect(await account.getByTestId('account-disconnect').count()).toBe(0);
    expect(await account.getByTestId('account-reconnect').textContent()).toBe('Reconnect');
    expect(await cards().count()).toBe(2);
    await shoot('accounts-disconnected');
  }, 20_000);
});
