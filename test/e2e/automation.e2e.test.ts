import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type BrowserSession, openBrowser, screenshot, simulatorControl } from './browser.js';

// The Automation page against the built server in demo mode: the simulator plays Instagram and
// its customers write through the control surface under /__simulator/__sim/. The seed's own rule
// ("ціна" → "Ціна вказана на сторінці товару") is made in the editor, tried in the live tester,
// answers a simulated customer, and keeps quiet once a person pauses the bot in the Inbox. An
// outbound webhook is subscribed; its secret is shown once and signs what our receiver gets.
// The tests run in order on one signed-in page.

const keyword = 'ціна';
const answer = 'Ціна вказана на сторінці товару';
const customer = 'taras_bondar';

interface SimState {
  customers: { igsid: string; username: string }[];
  conversations: { igsid: string; messages: { fromCustomer: boolean; text: string | null }[] }[];
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bot next to Relaydesk: records every delivery and answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/relaydesk`, got };
}

/** The README's verification, written out independently of the server's code. */
function signedBy(secret: string, header: string | undefined, raw: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

describe('automation page in a real browser (demo mode)', () => {
  let server: ServerProcess;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let b: BrowserSession;
  let secret = '';

  beforeAll(async () => {
    server = await startServerProcess({ INSTAGRAM_APP_ID: '', INSTAGRAM_APP_SECRET: '' });
    receiver = await startReceiver();
    b = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await new Promise((r) => receiver?.server.close(r));
    await server?.stop();
  });

  const sim = <T>(path: string, body?: unknown) => simulatorControl(server.url)<T>(path, body);
  const customerWrites = (text: string) => sim('customer-message', { from: customer, text });
  /** what the shop sent to the customer, as Instagram (the simulator) received it */
  const sentToCustomer = async () => {
    const state = await sim<SimState>('state');
    const igsid = state.customers.find((c) => c.username === customer)?.igsid;
    const convo = state.conversations.find((c) => c.igsid === igsid);
    return convo?.messages.filter((m) => !m.fromCustomer).map((m) => m.text) ?? [];
  };

  const testId = (id: string) => b.page.getByTestId(id);
  const actions = () => b.page.locator('[data-testid="action"]');
  const shoot = (name: string) => screenshot(b.page, name);

  it('signs in and opens the keyword rules, empty', async () => {
    await b.page.goto(`${server.url}/automation`);
    await b.page.waitForURL(/\/login\?next=%2Fautomation$/);
    await testId('login-email').fill(server.admin.email);
    await testId('login-password').fill(server.admin.password);
    await testId('login-submit').click();
    await b.page.waitForURL(`${server.url}/automation`);
    expect(await testId('nav-automation').getAttribute('aria-current')).toBe('page');
    expect(await testId('automation-tab-rules').getAttribute('aria-current')).toBe('page');
    await testId('rules-empty').waitFor();
  }, 30_000);

  it('shows the server’s objection to a pattern next to the keywords, then saves the seed’s rule', async () => {
    await testId('rule-new').click();
    await b.page.waitForURL(/\/automation\?edit=new$/);
    await testId('rule-keywords').fill(`${keyword}\n(a+)+$`);
    await testId('rule-match-type').selectOption('regex');
    await testId('rule-reply').fill(answer);
    await testId('rule-save').click();
    await testId('problem-keywords').waitFor();
    expect(await testId('problem-keywords').textContent()).toMatch(
      /^The keyword “\(a\+\)\+\$” cannot be used: .*backtracking/,
    );
    expect(await testId('rule-save-error-message').textContent()).toBe('One of the keywords cannot be used.');

    await testId('rule-keywords').fill(keyword);
    await testId('rule-match-type').selectOption('contains');
    await testId('rule-save').click();
    await b.page.waitForURL(`${server.url}/automation`);
    const row = testId('rule-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('rule-keywords-list').textContent()).toBe(keyword);
    expect(await row.getByTestId('rule-reply-text').textContent()).toBe(answer);
    expect(await row.getAttribute('data-active')).toBe('true');
  }, 30_000);

  it('shows in the live tester which rule fires and what it sends, as you type', async () => {
    await testId('tester-input').fill('Яка ЦІНА?');
    await expect.poll(() => testId('tester-result').getAttribute('data-state')).toBe('fires');
    expect(await testId('tester-rule').textContent()).toBe(keyword);
    expect(await testId('reply-preview-text').textContent()).toBe(answer);
    await shoot('automation-rules');

    await testId('tester-input').fill('Доброго дня! Доставка у Львів є?');
    await expect.poll(() => testId('tester-result').getAttribute('data-state')).toBe('none');
    expect(await testId('tester-none').isVisible()).toBe(true);
  }, 20_000);

  it('answers a customer who writes the keyword, and the answer appears in the activity live', async () => {
    await testId('automation-tab-activity').click();
    await b.page.waitForURL(`${server.url}/automation/activity`);
    await expect.poll(() => testId('activity-live').getAttribute('data-live')).toBe('true');
    await testId('actions-empty').waitFor();

    await customerWrites(keyword);
    await expect.poll(sentToCustomer, { timeout: 10_000 }).toContain(answer);
    const first = actions().first();
    await first.waitFor({ timeout: 5000 });
    expect(await first.getAttribute('data-kind')).toBe('dm_keyword');
    expect(await first.getByTestId('action-text').textContent()).toBe(answer);
    await expect.poll(() => first.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('sent');
    expect(await first.getByTestId('action-conversation').textContent()).toBe('Тарас Бондар');
  }, 30_000);

  it('pauses the bot from the Inbox, and the next keyword is recorded as kept quiet for takeover', async () => {
    await actions().first().getByTestId('action-conversation').click();
    await b.page.waitForURL(/\/inbox\/[^/?]+$/);
    await expect.poll(() => testId('bot-state').getAttribute('data-state')).toBe('active');
    expect(await testId('bot-state').textContent()).toBe('Bot active');
    await testId('bot-pause').click();
    await testId('bot-pause-manual').click();
    await expect.poll(() => testId('bot-state').getAttribute('data-state')).toBe('paused');
    expect(await testId('bot-state').textContent()).toBe('Bot paused until resumed');
    await shoot('automation-inbox-paused');

    await customerWrites(`${keyword}?`);
    await testId('bot-history').click();
    await b.page.waitForURL(/\/automation\/activity\?conversation=/);
    await expect
      .poll(() => actions().first().getAttribute('data-reason'), { timeout: 10_000 })
      .toBe('takeover');
    const skipped = actions().first();
    expect(await skipped.getAttribute('data-outcome')).toBe('skipped');
    expect(await skipped.getByTestId('action-reason').textContent()).toBe(
      'A person is handling this conversation, so the bot stayed silent.',
    );
    expect(await actions().count()).toBe(2);
    // Instagram got the first answer only.
    expect((await sentToCustomer()).filter((t) => t === answer)).toHaveLength(1);

    const paused = testId('paused-item').filter({ hasText: 'Тарас Бондар' });
    expect(await paused.getAttribute('data-state')).toBe('paused');
    await shoot('automation-activity');
    await paused.getByTestId('paused-resume').click();
    await expect.poll(() => testId('paused-item').filter({ hasText: 'Тарас Бондар' }).count()).toBe(0);
  }, 40_000);

  it('answers a comment under a post chosen in the post picker, in public and in private', async () => {
    await testId('automation-tab-comments').click();
    await testId('comment-rule-new').click();
    await testId('comment-rule-name').fill('Ціна під дописами');
    await testId('scope-media').check();
    const post = testId('post-option').first();
    await post.waitFor();
    const mediaId = (await post.getAttribute('data-media-id')) ?? '';
    await post.click();
    expect(await post.getAttribute('aria-pressed')).toBe('true');
    expect(await testId('post-picker-count').textContent()).toBe('Chosen: 1');
    await testId('rule-keywords').fill(keyword);
    await testId('public-reply').fill('Відповіли вам у Direct');
    await testId('private-reply-on').check();
    await testId('private-reply').fill(answer);
    await testId('comment-rule-save').click();
    await expect.poll(() => testId('comment-rule-row').count()).toBe(1);

    const { commentId } = await sim<{ commentId: string }>('customer-comment', {
      from: 'olena.kravets',
      text: 'А яка ціна?',
      mediaId,
    });
    const answered = async () => {
      const state = await sim<{
        comments: { id: string; parentId?: string; text: string; privateReplyMid?: string }[];
      }>('state');
      const reply = state.comments.find((c) => c.parentId === commentId);
      const comment = state.comments.find((c) => c.id === commentId);
      return { publicReply: reply?.text ?? null, privateReply: Boolean(comment?.privateReplyMid) };
    };
    await expect
      .poll(answered, { timeout: 15_000 })
      .toEqual({ publicReply: 'Відповіли вам у Direct', privateReply: true });

    await testId('automation-tab-activity').click();
    const outcomes = () =>
      actions().evaluateAll((items) =>
        items
          .filter((i) => i.dataset.kind?.startsWith('comment_'))
          .map((i) => `${i.dataset.kind}:${i.dataset.outcome}`),
      );
    await expect
      .poll(async () => (await outcomes()).sort(), { timeout: 15_000 })
      .toEqual(['comment_private_reply:sent', 'comment_public_reply:sent']);
  }, 40_000);

  it('subscribes an outbound webhook and shows its secret exactly once', async () => {
    await testId('automation-tab-integrations').click();
    await testId('webhook-new').click();
    await testId('webhook-url').fill(receiver.url);
    await testId('event-message.received').check();
    await testId('webhook-save').click();
    await testId('webhook-secret').waitFor();
    secret = (await testId('webhook-secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_\S{20,}$/);
    expect(await testId('webhook-secret-copy').isVisible()).toBe(true);
    expect(await testId('webhook-row-url').textContent()).toBe(receiver.url);
    await shoot('automation-webhook-secret');

    await testId('webhook-secret-done').click();
    expect(await testId('webhook-secret').count()).toBe(0);
    await b.page.reload();
    await testId('webhook-row').waitFor();
    expect(await b.page.content()).not.toContain(secret);
  }, 30_000);

  it('delivers a signed event to the subscription and lists it in its delivery log', async () => {
    await customerWrites('Дякую!');
    await expect.poll(() => receiver.got.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const delivery = receiver.got[0]!;
    expect(delivery.headers['x-relaydesk-event']).toBe('message.received');
    expect(signedBy(secret, String(delivery.headers['x-relaydesk-signature']), delivery.body)).toBe(true);
    expect(signedBy('whsec_wrong', String(delivery.headers['x-relaydesk-signature']), delivery.body)).toBe(
      false,
    );
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'message.received' });

    await testId('webhook-deliveries').click();
    await b.page.waitForURL(/[?&]webhook=/);
    const row = testId('delivery-row').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('delivered');
    expect(await row.getByTestId('delivery-code').textContent()).toBe('200');
    await testId('delivery-redeliver').first().click();
    await expect.poll(() => receiver.got.length, { timeout: 15_000 }).toBeGreaterThan(1);
  }, 40_000);

  it('creates an API key shown once, with which an external agent answers, and revokes it', async () => {
    await testId('api-key-name').fill('AI agent');
    await testId('api-key-create').click();
    await testId('api-key-secret').waitFor();
    const key = (await testId('api-key-secret-value').textContent()) ?? '';
    expect(key).toMatch(/^rdk_/);
    await testId('api-key-secret-done').click();
    await expect.poll(() => testId('api-key-row').count()).toBe(1);
    expect(await b.page.content()).not.toContain(key);

    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      });
    const list = (await (await call('/conversations?q=taras_bondar')).json()) as { items: { id: string }[] };
    const reply = 'Агент: відправимо сьогодні';
    const sent = await call(`/conversations/${list.items[0]?.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: reply }),
    });
    expect(sent.status).toBe(202);
    await expect.poll(sentToCustomer, { timeout: 10_000 }).toContain(reply);

    await testId('api-key-revoke').click();
    await testId('api-key-revoke-confirm').click();
    await expect.poll(() => testId('api-key-row').getAttribute('data-revoked')).toBe('true');
    expect((await call('/conversations')).status).toBe(401);
  }, 30_000);

  it('speaks Ukrainian and Russian', async () => {
    await testId('language-picker').selectOption('uk');
    await expect.poll(() => testId('automation-tab-rules').textContent()).toBe('Відповіді на ключові слова');
    expect(await testId('nav-automation').textContent()).toBe('Автоматизація');
    await testId('automation-tab-activity').click();
    const reason = b.page
      .locator('[data-testid="action"][data-reason="takeover"]')
      .getByTestId('action-reason');
    await expect.poll(() => reason.textContent()).toBe('Розмову веде людина, тож бот промовчав.');
    await shoot('automation-activity-uk');

    await testId('language-picker').selectOption('ru');
    await expect.poll(() => reason.textContent()).toBe('Диалог ведёт человек, поэтому бот промолчал.');
    await testId('automation-tab-rules').click();
    await testId('tester-input').fill('Какая ЦіНа?');
    await expect.poll(() => testId('tester-result').textContent()).toContain('Отвечает правило');
    await testId('language-picker').selectOption('en');
  }, 30_000);
});
