import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';

const ACCOUNT = '17841405309211844';

function dm(text: string, mid = `mid.${Math.random().toString(36).slice(2)}`, account = ACCOUNT) {
  return {
    object: 'instagram',
    entry: [
      {
        time: Date.now(),
        id: account,
        messaging: [
          {
            sender: { id: '6983345578376412' },
            recipient: { id: account },
            timestamp: Date.now(),
            message: { mid, text },
          },
        ],
      },
    ],
  };
}

describe.each(dialects)('webhook ingestion on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const auth = () => ({ authorization: `Bearer ${t.token}` });
  const delivery = async (id: string) =>
    (await t.app.http.inject({ url: `/api/v1/webhook-events/${id}`, headers: auth() })).json();
  const latest = async (query = '') =>
    (
      await t.app.http.inject({ url: `/api/v1/webhook-events?limit=100${query}`, headers: auth() })
    ).json() as {
      items: {
        id: string;
        status: string;
        signatureValid: boolean;
        duplicateCount: number;
        error: string | null;
      }[];
    };

  it('answers Meta verification with the challenge exactly, and 403 otherwise', async () => {
    for (const url of ['/api/v1/instagram/webhook', '/instagram/webhook', '/api/instagram/webhook/']) {
      const ok = await t.app.http.inject({
        url: `${url}?hub.mode=subscribe&hub.verify_token=${t.verifyToken}&hub.challenge=1158201444`,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('1158201444');
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    }
    const bad = await t.app.http.inject({
      url: '/api/v1/instagram/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error).toBe('webhook_verification_failed');
    const mode = await t.app.http.inject({
      url: `/api/v1/instagram/webhook?hub.mode=unsubscribe&hub.verify_token=${t.verifyToken}&hub.challenge=1`,
    });
    expect(mode.statusCode).toBe(403);
  });

  it('verifies the signature over the raw bytes of a Cyrillic and emoji body', async () => {
    // Escaped and spaced exactly as sent: re-serializing this JSON would change the bytes.
    const raw = `{"object":"instagram","entry":[{"time":${Date.now()},"id":"${ACCOUNT}","messaging":[{"sender":{"id":"6983345578376412"},"recipient":{"id":"${ACCOUNT}"},"timestamp":${Date.now()},"message":{"mid":"mid.cyr","text":"Привіт! Скільки коштує? \\u0446\\u0456\\u043d\\u0430 🎁"}}]}]}`;
    const res = await t.postMeta(raw);
    expect(res.statusCode).toBe(200);
    const list = await latest();
    const stored = await delivery(list.items[0]!.id);
    expect(stored.body).toBe(raw);
    expect(stored.signatureValid).toBe(true);
    const done = await eventually(async () => {
      const d = await delivery(stored.id);
      return d.events.length === 1 ? d : null;
    });
    expect(done.events[0]).toMatchObject({ kind: 'message', externalAccountId: ACCOUNT, status: 'unrouted' });
    expect(done.events[0].payload.message.text).toBe('Привіт! Скільки коштує? ціна 🎁');
  });

  it('stores a byte-identical redelivery once and counts it', async () => {
    const raw = JSON.stringify(dm('twice'));
    expect((await t.postMeta(raw)).statusCode).toBe(200);
    expect((await t.postMeta(raw)).statusCode).toBe(200);
    const rows = await t.tdb.db.selectFrom('webhook_events').selectAll().where('body', '=', raw).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.duplicate_count).toBe(1);
  });

  it('rejects unsigned, mis-signed, malformed, oversized and wrongly typed bodies with stable codes', async () => {
    const raw = JSON.stringify(dm('unsigned'));
    const post = (payload: string | Buffer, headers: Record<string, string>) =>
      t.app.http.inject({ method: 'POST', url: '/api/v1/instagram/webhook', payload, headers });
    const unsigned = await post(raw, { 'content-type': 'application/json' });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error).toBe('signature_invalid');
    const wrong = await post(raw, {
      'content-type': 'application/json',
      'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
    });
    expect(wrong.json().error).toBe('signature_invalid');
    const malformedHeader = await post(raw, {
      'content-type': 'application/json',
      'x-hub-signature-256': 'md5=abc',
    });
    expect(malformedHeader.json().error).toBe('signature_invalid');
    const badJson = '{"object":"instagram","entry":[';
    const malformed = await post(badJson, {
      'content-type': 'application/json',
      'x-hub-signature-256': t.sign(badJson),
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid_json');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = await post(big, {
      'content-type': 'application/json',
      'x-hub-signature-256': t.sign(big),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toBe('payload_too_large');
    const text = await post(raw, { 'content-type': 'text/plain', 'x-hub-signature-256': t.sign(raw) });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('unsupported_media_type');
    // The failed attempts are visible in the log, without their unverified bodies.
    const rejected = (await latest('&signatureValid=false')).items.filter((i) =>
      i.error?.includes('ignature'),
    );
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    for (const r of rejected) {
      const detail = await delivery(r.id);
      expect(detail.status).toBe('rejected');
      expect(detail.body).toBeNull();
    }
    // …and the server is still fine.
    expect((await t.app.http.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('splits a batch with many entries and keeps unknown fields', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => dm(`batch ${i}`, `mid.batch.${i}`).entry[0]);
    entries.push({
      time: Date.now(),
      id: ACCOUNT,
      changes: [{ field: 'some_future_field', value: { x: 1 } }],
    } as never);
    const res = await t.postMeta({ object: 'instagram', entry: entries });
    expect(res.statusCode).toBe(200);
    const id = (await latest()).items[0]!.id;
    const d = await eventually(async () => {
      const x = await delivery(id);
      return x.events.length === 301 && x.status !== 'received' ? x : null;
    });
    expect(d.events.filter((e: { kind: string }) => e.kind === 'message')).toHaveLength(300);
    expect(d.events.at(-1)).toMatchObject({ kind: 'unknown', field: 'some_future_field' });
    expect(d.status).toBe('unrouted');
  });

  it('routes events stored before their account was connected once it is', async () => {
    const other = '17841400000000001';
    await t.postMeta(dm('before connect', 'mid.early', other));
    const id = (await latest()).items[0]!.id;
    await eventually(async () => (await delivery(id)).status === 'unrouted');
    const me = (await t.app.http.inject({ url: '/api/v1/me', headers: auth() })).json();
    const { id: accountId } = await t.app.services.accounts.create({
      workspace_id: me.workspace.id,
      provider: 'instagram',
      external_id: other,
      username: 'shop',
    });
    await t.app.queue.enqueue('route-unrouted', { accountId });
    const d = await eventually(async () => {
      const x = await delivery(id);
      return x.status === 'processed' ? x : null;
    });
    expect(d.accountId).toBe(accountId);
    expect(d.events[0]).toMatchObject({ status: 'processed', accountId });
    // A new delivery for the connected account is routed straight away.
    await t.postMeta(dm('after connect', 'mid.late', other));
    const next = (await latest()).items[0]!.id;
    await eventually(async () => (await delivery(next)).status === 'processed');
  });

  it('replays a stored delivery without storing its events twice', async () => {
    await t.postMeta(dm('replay me', 'mid.replay'));
    const id = (await latest()).items[0]!.id;
    await eventually(async () => (await delivery(id)).events.length === 1);
    const res = await t.app.http.inject({
      method: 'POST',
      url: `/api/v1/webhook-events/${id}/replay`,
      headers: auth(),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id, status: 'queued' });
    await eventually(async () => (await delivery(id)).attempts >= 2);
    const events = await t.tdb.db
      .selectFrom('inbound_events')
      .selectAll()
      .where('external_id', '=', 'mid.replay')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('keeps the same event redelivered inside a different batch once', async () => {
    const one = dm('same event', 'mid.same');
    await t.postMeta(one);
    await t.postMeta({ ...one, entry: [...one.entry, dm('another', 'mid.other').entry[0]] });
    await eventually(
      async () =>
        (
          await t.tdb.db
            .selectFrom('inbound_events')
            .select('id')
            .where('external_id', '=', 'mid.other')
            .execute()
        ).length,
    );
    const same = await t.tdb.db
      .selectFrom('inbound_events')
      .select('id')
      .where('external_id', '=', 'mid.same')
      .execute();
    expect(same).toHaveLength(1);
  });
});
