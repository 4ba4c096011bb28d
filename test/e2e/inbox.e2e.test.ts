import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { freePort } from '../support/services.js';
import { type BrowserSession, openBrowser, screenshot, simulatorControl } from './browser.js';

// The Inbox page against the built server in demo mode: the built-in simulator plays Instagram
// (its shop has a few customers with conversation history) and is driven through its control
// surface under /__simulator/__sim/. Customers' DMs arrive as signed webhooks and must show up
// over Server-Sent Events without a reload; replies must reach the simulator. The tests run in
// order on one signed-in page.

interface SimState {
  customers: { igsid: string; username: string }[];
  conversations: {
    igsid: string;
    messages: { fromCustomer: boolean; text: string | null; attachments: { type: string; url?: string }[] }[];
  }[];
}

describe('inbox in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let b: BrowserSession;

  beforeAll(async () => {
    // Instagram fetches uploads by URL, so the server must know its public address.
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
  const customerSends = (from: string, text: string, attachments?: { type: string; url: string }[]) =>
    sim<{ mid: string; igsid: string }>('customer-message', { from, text, attachments });

  const testId = (id: string) => b.page.getByTestId(id);
  const rows = () => b.page.locator('[data-testid="conversation-row"]');
  const row = (username: string) => rows().filter({ hasText: username });
  const thread = () => testId('thread');
  const messages = () => thread().locator('[data-testid="message"]');
  const message = (text: string) => messages().filter({ hasText: text });
  const shoot = (name: string) => screenshot(b.page, name);
  const marker = () => b.page.evaluate(() => (window as unknown as { inboxMarker?: number }).inboxMarker);

  it('lists the demo conversations after signing in', async () => {
    await b.page.goto(`${server.url}/inbox`);
    await b.page.waitForURL(/\/login\?next=%2Finbox$/);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await b.page.waitForURL(`${server.url}/inbox`);
    expect(await testId('nav-inbox').getAttribute('aria-current')).toBe('page');
    expect(await testId('thread-placeholder').isVisible()).toBe(true);

    // The history import runs after start-up: the list fills in as it lands.
    for (const username of ['olena.kravets', 'dmytro.sokolov', 'emma.lindqvist'])
      await row(username).first().waitFor({ timeout: 20_000 });
    const previews = await rows().locator('[data-testid="conversation-preview"]').allTextContents();
    expect(previews.join('\n')).toContain('Нова пошта, Львів, відділення 12');
  }, 40_000);

  it('opens a conversation, marks it read and shows the reply window', async () => {
    await row('olena.kravets').first().click();
    await b.page.waitForURL(/\/inbox\/[^/?]+$/);
    await thread().waitFor();
    await message('Сукня «Полтава» в шавлії є в розмірі S?').waitFor();
    expect(await message('Оформити замовлення?').getAttribute('data-direction')).toBe('outbound');
    await expect.poll(() => row('olena.kravets').getAttribute('data-unread')).toBe('0');
    expect(await testId('reply-window').getAttribute('data-state')).toBe('open');
    expect(await testId('reply-window-text').textContent()).toMatch(/^Reply window closes in 23 h \d+ min$/);
    await testId('contact-panel').waitFor();
    expect(await testId('contact-igsid').textContent()).toMatch(/^\d+$/);
    // Anything that reloads the page would lose this.
    await b.page.evaluate(() => {
      (window as unknown as { inboxMarker: number }).inboxMarker = 42;
    });
  }, 30_000);

  it('shows a DM the customer sends while the conversation is open, without a reload', async () => {
    const text = `Ще питання: пояс у комплекті? ${Date.now()}`;
    await customerSends('olena.kravets', text);
    await message(text).waitFor({ timeout: 5000 });
    expect(await message(text).getAttribute('data-direction')).toBe('inbound');
    await expect
      .poll(() => row('olena.kravets').getByTestId('conversation-preview').textContent())
      .toBe(text);
    // Read at once, because the operator is looking at it.
    await expect.poll(() => row('olena.kravets').getAttribute('data-unread')).toBe('0');

    const photo = `${server.url}/__simulator/__sim/img/customer-photo.svg`;
    await customerSends('olena.kravets', 'Ось фото', [{ type: 'image', url: photo }]);
    await message('Ось фото').locator('img').waitFor({ timeout: 5000 });
    expect(await marker()).toBe(42);
  }, 30_000);

  it('puts a DM in another conversation at the top of the list, unread', async () => {
    const text = `Чашки ще є? Візьму дві. ${Date.now()}`;
    await customerSends('taras_bondar', text);
    await expect.poll(() => rows().first().textContent(), { timeout: 5000 }).toContain(text);
    expect(await rows().first().getAttribute('data-unread')).toBe('1');
    expect(await rows().first().getByTestId('conversation-unread').textContent()).toBe('1');
    expect(await marker()).toBe(42);
  }, 20_000);

  it('sends a reply that reaches Instagram and shows as sent', async () => {
    const reply = `Так, пояс входить у комплект 🌿 ${Date.now()}`;
    await testId('composer-input').fill(reply);
    await testId('composer-input').press('Enter');
    await message(reply).waitFor({ timeout: 5000 });
    expect(await testId('composer-input').inputValue()).toBe('');
    const sent = message(reply);
    expect(await sent.getAttribute('data-direction')).toBe('outbound');
    await expect.poll(() => sent.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/^(sent|read)$/);
    expect(await sent.getByTestId('message-status').getAttribute('data-status')).toMatch(/^(sent|read)$/);

    const state = await sim<SimState>('state');
    const olena = state.customers.find((c) => c.username === 'olena.kravets');
    const convo = state.conversations.find((c) => c.igsid === olena?.igsid);
    expect(convo?.messages.filter((m) => !m.fromCustomer).map((m) => m.text)).toContain(reply);
    await expect
      .poll(() => row('olena.kravets').getByTestId('conversation-preview').textContent())
      .toBe(`You: ${reply}`);
    expect(await marker()).toBe(42);
    await shoot('inbox');
  }, 30_000);

  it('uploads a photo and sends it as an attachment', async () => {
    // A 1×1 PNG.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4' +
        '890000000d4944415478da63fccfc0f01f00050502005fc8f1d2000000004945' +
        '4e44ae426082',
      'hex',
    );
    const before = await messages().count();
    await testId('composer-file').setInputFiles({
      name: 'фото сукні.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await expect.poll(() => messages().count(), { timeout: 5000 }).toBe(before + 1);
    const sent = messages().last();
    expect(await sent.getAttribute('data-direction')).toBe('outbound');
    await sent.locator('img').waitFor();
    await expect.poll(() => sent.getAttribute('data-status'), { timeout: 10_000 }).toMatch(/^(sent|read)$/);
    expect(await testId('send-error').count()).toBe(0);

    const state = await sim<SimState>('state');
    const olena = state.customers.find((c) => c.username === 'olena.kravets');
    const ours = state.conversations
      .find((c) => c.igsid === olena?.igsid)
      ?.messages.filter((m) => !m.fromCustomer);
    // Instagram was given a link to the uploaded file on this server.
    const images = ours?.flatMap((m) => m.attachments).filter((a) => a.type === 'image') ?? [];
    expect(images.map((a) => a.url?.startsWith(`${server.url}/api/v1/attachments/`))).toEqual([true]);
  }, 30_000);

  it('keeps notes and tags on the contact', async () => {
    await testId('contact-notes').fill('Розмір S, шавлія. Доставка: НП Львів №12');
    await testId('contact-tag-input').fill('#vip');
    await testId('contact-tag-input').press('Enter');
    await expect.poll(() => testId('contact-notes-state').getAttribute('data-state')).toBe('saved');
    const tags = () => testId('contact-tag').locator('span').allTextContents();
    await expect.poll(tags).toEqual(['vip']);
    await b.page.reload();
    await testId('contact-notes').waitFor();
    await expect
      .poll(() => testId('contact-notes').inputValue())
      .toBe('Розмір S, шавлія. Доставка: НП Львів №12');
    await expect.poll(tags).toEqual(['vip']);
  }, 30_000);

  it('closes a conversation and reopens it', async () => {
    await testId('conversation-close').click();
    await testId('conversation-reopen').waitFor();
    // The list shows open conversations, so it leaves the list but stays open here.
    await expect.poll(() => row('olena.kravets').count()).toBe(0);
    expect(await testId('thread-header').textContent()).toContain('Closed');
    await testId('conversation-reopen').click();
    await testId('conversation-close').waitFor();
    await row('olena.kravets').waitFor();
  }, 20_000);

  it('explains a closed window, and an owner can allow human-agent replies', async () => {
    await row('emma.lindqvist').first().click();
    await message('Is the linen shirt true to size?').waitFor();
    const blocked = testId('reply-blocked');
    expect(await blocked.getAttribute('data-state')).toBe('closed');
    expect(await testId('reply-window-text').textContent()).toContain('only within 24 hours');
    expect(await testId('composer').count()).toBe(0);
    await shoot('inbox-window-closed');

    await testId('enable-human-agent').click();
    await expect.poll(() => testId('reply-window').getAttribute('data-state')).toBe('human_agent');
    expect(await testId('reply-window-text').textContent()).toMatch(
      /^The 24-hour window has closed\. You can/,
    );
    await testId('composer').waitFor();
  }, 30_000);

  it('searches and filters the list through the address', async () => {
    await testId('inbox-search').fill('dmytro');
    await b.page.waitForURL(/[?&]q=dmytro/);
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('@dmytro.sokolov');
    await testId('inbox-search').fill('');
    await expect.poll(() => rows().count()).toBeGreaterThan(1);
    await testId('inbox-filter-unread').check();
    await b.page.waitForURL(/[?&]unread=true/);
    await expect
      .poll(async () =>
        (await rows().evaluateAll((r) => r.map((x) => x.dataset.unread))).every((n) => n !== '0'),
      )
      .toBe(true);
    await testId('inbox-filter-unread').uncheck();
  }, 20_000);

  it('words the window in the chosen language', async () => {
    await row('olena.kravets').first().click();
    await testId('reply-window').waitFor();
    await testId('language-picker').selectOption('uk');
    await expect
      .poll(() => testId('reply-window-text').textContent())
      .toMatch(/^Вікно для відповіді закриється через 23 год \d+ хв$/);
    expect(await testId('nav-inbox').textContent()).toBe('Вхідні');
    await testId('language-picker').selectOption('en');
  }, 20_000);

  it('shows the list and the thread one at a time on a phone', async () => {
    await b.page.setViewportSize({ width: 390, height: 800 });
    // The customer panel, open since the wide screen, now lies over the thread until closed.
    await testId('contact-close').click();
    expect(await testId('contact-panel').count()).toBe(0);
    expect(await thread().isVisible()).toBe(true);
    expect(await testId('conversation-list').isVisible()).toBe(false);
    await shoot('inbox-phone-thread');
    await testId('thread-back').click();
    await b.page.waitForURL(`${server.url}/inbox`);
    expect(await testId('conversation-list').isVisible()).toBe(true);
    expect(await testId('thread-placeholder').isVisible()).toBe(false);
    await shoot('inbox-phone-list');
    await row('olena.kravets').click();
    await testId('thread-toggle-contact').click();
    await testId('contact-panel').waitFor();
    await shoot('inbox-phone-contact');
    await testId('contact-close').click();
    await b.page.setViewportSize({ width: 1280, height: 860 });
  }, 20_000);
});
