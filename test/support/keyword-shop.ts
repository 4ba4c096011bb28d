import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { type ScaleOut, startScaleOut } from '../../scripts/scale-out.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import type { SimAccount } from '../../src/providers/simulator/index.js';
import { messageEvent, messagingPayload } from '../../src/providers/simulator/webhook-payloads.js';

// The scale-out set-up (scripts/scale-out.ts) with a shop that answers "ціна" by keyword, and the
// moves the resilience tests make on it: new customers writing the keyword as signed deliveries,
// and the check that every acknowledged one was stored, processed and answered exactly once.

export const REPLY = 'Ціна вказана на сторінці товару';

export interface KeywordShop {
  so: ScaleOut;
  /** the shared PostgreSQL, read directly */
  db: DatabaseHandle;
  token: string;
  account: SimAccount;
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  /** a new customer who writes the keyword: stored in the simulator first, as Instagram would */
  customerDelivery(): { igsid: string; mid: string; body: string; signature: string };
  /** posts a delivery to base's webhook: its status, or 0 when the connection died */
  post(base: string, d: { body: string; signature: string }): Promise<number>;
  /** texts the simulator received from us (Send API calls) for a customer, in arrival order */
  sentTo(igsid: string): string[];
  /** every acknowledged delivery stored, processed, and answered exactly once */
  /** every one answered exactly once, stored and processed; returns how many were answered once */
  expectAnsweredOnce(acked: { igsid: string; mid: string }[], timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startKeywordShop(opts: { instances?: number } = {}): Promise<KeywordShop> {
  const so = await startScaleOut(opts);
  const db = openDatabase({ kind: 'postgres', url: so.env.DATABASE_URL ?? '' });
  let token = '';
  let seq = 0;

  const api = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${so.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const login = await fetch(`${so.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(so.admin),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
  const created = so.sim.createAccount({ username: 'keyword.shop' });
  const account = created.account;
  const { id } = await api<{ id: string }>('POST', '/api/v1/accounts', {
    provider: 'instagram',
    accessToken: created.accessToken,
  });
  await until('the history import', async () =>
    Boolean((await api<{ backfilledAt?: string }>('GET', `/api/v1/accounts/${id}/polling`)).backfilledAt),
  );
  await api('POST', '/api/v1/dm-keywords', { keyword: 'ціна', matchType: 'word', responseMessage: REPLY });

  const customerDelivery = () => {
    const customer = so.sim.state.addCustomer({ username: `keyword.customer.${seq++}` });
    const conversation = so.sim.state.conversationFor(account.userId, customer.igsid);
    const message = so.sim.state.addMessage(conversation, {
      fromCustomer: true,
      text: 'Доброго дня! Яка ціна?',
      attachments: [],
    });
    const body = JSON.stringify(messagingPayload(account, Date.now(), messageEvent(account, message)));
    const signature = `sha256=${createHmac('sha256', so.sim.app.secret).update(body).digest('hex')}`;
    return { igsid: customer.igsid, mid: message.id, body, signature };
  };

  const post = async (base: string, d: { body: string; signature: string }) => {
    try {
      const res = await fetch(`${base}/api/v1/instagram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature },
        body: d.body,
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0; // not acknowledged: Meta would send it again
    }
  };

  const sentTo = (igsid: string) =>
    [...so.sim.state.messages.values()]
      .filter((m) => !m.fromCustomer && m.igsid === igsid)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((m) => m.text ?? '');

  const expectAnsweredOnce = async (acked: { igsid: string; mid: string }[], timeoutMs = 120_000) => {
    try {
      await until(`${acked.length} replies`, () => acked.every((d) => sentTo(d.igsid).length > 0), timeoutMs);
    } catch (err) {
      // say where the unanswered ones stopped: not stored, not decided, or a reply not sent
      const unanswered = acked.filter((d) => sentTo(d.igsid).length === 0).map((d) => d.mid);
      const inbound = await db.db
        .selectFrom('messages as m')
        .leftJoin('messages as r', (j) =>
          j.onRef('r.conversation_id', '=', 'm.conversation_id').on('r.direction', '=', 'outbound'),
        )
        .select(['m.external_id', 'm.automation_state', 'r.status as reply', 'r.error_code'])
        .where('m.external_id', 'in', unanswered.slice(0, 20))
        .execute();
      throw new Error(
        `${(err as Error).message}: ${unanswered.length} unanswered, e.g. ${JSON.stringify(inbound)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 2_000)); // room for a duplicate to show up
    expect(acked.filter((d) => sentTo(d.igsid).length !== 1).map((d) => sentTo(d.igsid))).toEqual([]);
    const mids = acked.map((d) => d.mid);
    const stored = mids.length
      ? await db.db.selectFrom('messages').select('external_id').where('external_id', 'in', mids).execute()
      : [];
    expect(stored.length).toBe(mids.length);
    await until('every delivery processed', async () => {
      const waiting = await db.db
        .selectFrom('webhook_events')
        .select('id')
        .where('status', '=', 'received')
        .execute();
      return waiting.length === 0;
    });
    return acked.filter((d) => sentTo(d.igsid).length === 1).length;
  };

  return {
    so,
    db,
    token,
    account,
    api,
    customerDelivery,
    post,
    sentTo,
    expectAnsweredOnce,
    async close() {
      await db.close();
      await so.stop();
    },
  };
}
