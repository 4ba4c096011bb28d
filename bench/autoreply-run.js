// The moving parts of bench/autoreply.js: the account and its keyword rule set up over the public
// API, customers prepared in the simulator, signed deliveries posted at a steady rate, and the
// wait for the simulator to have received every reply.
import { createHmac } from 'node:crypto';
import { messageEvent, messagingPayload } from '../dist/server/providers/simulator/webhook-payloads.js';

export const KEYWORD_TEXT = 'Доброго дня! Яка ЦІНА на лляну сукню?';
export const REPLY_TEXT = 'Ціна вказана на сторінці товару';

async function call(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** a connected account (history imported) with the seed's keyword rule */
export async function setUp(url, token, sim) {
  const { account, accessToken } = sim.createAccount({ username: 'bench.autoreply' });
  const { id } = await call(url, token, 'POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
  const deadline = Date.now() + 30_000;
  while (!(await call(url, token, 'GET', `/api/v1/accounts/${id}/polling`)).backfilledAt) {
    if (Date.now() > deadline) throw new Error('the history import did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
  await call(url, token, 'POST', '/api/v1/dm-keywords', {
    keyword: 'ціна',
    matchType: 'word',
    responseMessage: REPLY_TEXT,
  });
  return account;
}

/**
 * One customer per DM (so no cooldown silences a reply), each writing the keyword. The simulator
 * stores the customer's message first, as Instagram would before delivering the webhook, so the
 * Send API finds the conversation and its open window.
 */
export function prepare(sim, account, count, prefix) {
  return Array.from({ length: count }, (_, i) => {
    const customer = sim.state.addCustomer({ username: `${prefix}${i}` });
    return { igsid: customer.igsid, conversation: sim.state.conversationFor(account.userId, customer.igsid) };
  });
}

function signedBody(sim, account, customer) {
  const message = sim.state.addMessage(customer.conversation, {
    fromCustomer: true,
    text: KEYWORD_TEXT,
    attachments: [],
  });
  const body = JSON.stringify(messagingPayload(account, Date.now(), messageEvent(account, message)));
  const signature = `sha256=${createHmac('sha256', sim.app.secret).update(body).digest('hex')}`;
  return { body, signature };
}

/**
 * Posts one delivery per customer at `rate` per second (open loop: each on its own schedule,
 * whether or not earlier ones were answered) and records, per DM, when it was posted and when its
 * 200 arrived.
 */
export async function post(webhookUrl, sim, account, customers, rate) {
  const gap = 1000 / rate;
  const start = performance.now();
  const results = await Promise.all(
    customers.map(async (customer, i) => {
      const due = start + i * gap;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const { body, signature } = signedBody(sim, account, customer);
      const postedAt = Date.now();
      const t0 = performance.now();
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
      });
      await res.arrayBuffer();
      return { igsid: customer.igsid, postedAt, ackMs: performance.now() - t0, status: res.status };
    }),
  );
  return { results, seconds: (performance.now() - start) / 1000 };
}

/** the Send API calls the simulator received, by customer: arrival time and what they said */
export function repliesByCustomer(sim) {
  const byIgsid = new Map();
  for (const m of sim.state.messages.values()) {
    if (m.fromCustomer) continue;
    const list = byIgsid.get(m.igsid) ?? [];
    list.push({ at: m.createdAt, text: m.text, quickReplies: m.quickReplies });
    byIgsid.set(m.igsid, list);
  }
  return byIgsid;
}

/** until every customer got a reply, or the deadline; then a moment more for any duplicate */
export async function waitForReplies(sim, customers, deadline) {
  const answered = () => {
    const replies = repliesByCustomer(sim);
    return customers.filter((c) => replies.has(c.igsid)).length;
  };
  while (answered() < customers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 2_000));
  return repliesByCustomer(sim);
}
