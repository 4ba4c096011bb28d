import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/app.js';
import { freePort } from '../../test/support/services.js';
import { type App, createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { simulateCommand } from './simulate.command.js';

describe('demo mode (no Meta app configured)', () => {
  let app: App;
  let dataDir: string;
  let port: number;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-demo-'));
    port = await freePort();
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_EMAIL: 'demo@example.com',
      ADMIN_PASSWORD: 'demo password',
    });
    app = await createApp(config, { logger: createLogger('silent') });
    await app.start();
    token = (
      await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'demo@example.com', password: 'demo password' },
      })
    ).json().accessToken;
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (url: string) => app.http.inject({ url, headers: { authorization: `Bearer ${token}` } });

  it('connects the simulator demo account to the first owner', async () => {
    expect(app.demo).not.toBeNull();
    const { items } = (await get('/api/v1/accounts')).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      provider: 'instagram',
      username: 'vesna.atelier',
      status: 'active',
      webhookSubscribed: true,
    });
    expect(Date.parse(items[0].tokenExpiresAt) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    expect((await get('/api/v1/instagram/stats')).json().config.useMockMode).toBe(true);
  });

  it('delivers `relaydesk simulate dm` as a signed webhook that is stored and routed', async () => {
    const code = await simulateCommand(
      ['dm', '--from', 'alice', '--text', 'Привіт! Скільки коштує сукня?'],
      app.config,
    );
    expect(code).toBe(0);
    const delivery = await eventually(async () => {
      const list = (await get('/api/v1/webhook-events')).json();
      return list.items.find(
        (d: { status: string; signatureValid: boolean }) => d.status === 'processed' && d.signatureValid,
      );
    });
    const detail = (await get(`/api/v1/webhook-events/${delivery.id}`)).json();
    expect(detail.events[0]).toMatchObject({ kind: 'message', status: 'processed' });
    expect(detail.events[0].payload.message.text).toBe('Привіт! Скільки коштує сукня?');
  });

  it('serves the simulator login page through the server for Instagram Login', async () => {
    const { loginUrl } = (await get('/api/v1/accounts/oauth-url')).json();
    const url = new URL(loginUrl);
    expect(url.pathname).toBe('/__simulator/oauth/authorize');
    const res = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/api/v1/oauth/instagram/callback?code=');
  });

  it('pushes account status changes on the live event stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/events?access_token=${token}`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    const { items } = (await get('/api/v1/accounts')).json();
    await app.http.inject({
      method: 'POST',
      url: `/api/v1/accounts/${items[0].id}/disconnect`,
      headers: { authorization: `Bearer ${token}` },
    });
    let text = '';
    while (!text.includes('account.status_changed'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"status":"disconnected"');
  });
});
