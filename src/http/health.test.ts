import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type TestApp } from '../../test/support/app.js';

describe('health, readiness and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('reports liveness and readiness of database and queue', async () => {
    expect((await t.app.http.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.http.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: true, queue: true } });
  });

  it('exposes deliveries by result, job counts and job durations to Prometheus', async () => {
    const body = { object: 'instagram', entry: [{ id: '1', time: 1, messaging: [] }] };
    await t.postMeta(body);
    await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/instagram/webhook',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    const text = await eventually(async () => {
      const res = await t.app.http.inject({ url: '/metrics' });
      return res.body.includes(
        'relaydesk_job_duration_seconds_count{name="process-deliveries",outcome="completed"}',
      )
        ? res.body
        : null;
    });
    expect(text).toMatch(/relaydesk_webhook_deliveries_total\{source="meta",result="stored"\} 1/);
    expect(text).toMatch(/relaydesk_webhook_deliveries_total\{source="meta",result="signature_invalid"\} 1/);
    expect(text).toMatch(/relaydesk_jobs\{state="completed"\} \d+/);
  });
});
