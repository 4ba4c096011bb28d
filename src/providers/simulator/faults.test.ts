import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GraphCaller, graphCaller, startTestSimulator } from './testing.js';

describe('simulated failures', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let graph: GraphCaller;
  let userId: string;
  const slept: number[] = [];
  beforeEach(async () => {
    slept.length = 0;
    t = await startTestSimulator({
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    const created = t.sim.createAccount();
    userId = created.account.userId;
    graph = graphCaller(t.sim, created.accessToken);
  });
  afterEach(() => t.close());

  it('fails the next N calls matching a path with a given code/subcode, then recovers', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'hi' });
    const id = t.sim.faults.failNext(2, { code: 551, subcode: 1545041, path: '/messages$' });
    const send = () =>
      graph.post(`/${userId}/messages`, { recipient: { id: customer.igsid }, message: { text: 'x' } });
    expect((await graph.get('/me')).status).toBe(200);
    const first = await send();
    expect(first.status).toBe(400);
    expect(first.body).toMatchObject({
      error: {
        code: 551,
        error_subcode: 1545041,
        message: "(#551) This person isn't available right now.",
        type: 'OAuthException',
      },
    });
    expect((await send()).status).toBe(400);
    expect((await send()).status).toBe(200);
    expect(t.sim.calls({ path: '/messages$' }).map((c) => c.faultId ?? null)).toEqual([id, id, null]);
    expect(t.sim.faults.list()).toEqual([]);
  });

  it('answers 429 with usage at 100 % and the time to regain access', async () => {
    t.sim.faults.rateLimit({ scope: 'account', regainAccessMinutes: 7 });
    const res = await graph.get('/me');
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: 80002 } });
    const buc = JSON.parse(res.headers.get('x-business-use-case-usage') ?? '{}');
    expect(buc[userId][0]).toMatchObject({
      type: 'instagram',
      call_count: 100,
      estimated_time_to_regain_access: 7,
    });

    t.sim.faults.rateLimit({ scope: 'app', status: 400 });
    const app = await graph.get('/me');
    expect(app.status).toBe(400);
    expect(app.body).toMatchObject({
      error: { code: 4, is_transient: true, message: '(#4) Application request limit reached' },
    });
    expect(JSON.parse(app.headers.get('x-app-usage') ?? '{}')).toMatchObject({ call_count: 100 });
    expect((await graph.get('/me')).status).toBe(200);
  });

  it('answers 5xx: a Graph body for 500, a bare page for 502', async () => {
    t.sim.faults.serverError(1, 500);
    const five = await graph.get('/me');
    expect(five.status).toBe(500);
    expect(five.body).toMatchObject({ error: { code: 2, is_transient: true } });
    t.sim.faults.serverError(1, 502);
    const res = await fetch(`${t.sim.url}/v23.0/me`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('adds latency to matching calls only', async () => {
    t.sim.faults.latency(1500, { path: '/media' });
    await graph.get('/me');
    await graph.get('/me/media');
    expect(slept).toEqual([1500]);
  });

  it('hangs until the client gives up', async () => {
    t.sim.faults.hang({ path: '^/me$' });
    await expect(fetch(`${t.sim.url}/v23.0/me`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect((await graph.get('/me')).status).toBe(200);
  });

  it('applies real latency so a short client timeout fires', async () => {
    await t.close();
    t = await startTestSimulator();
    const { accessToken } = t.sim.createAccount();
    t.sim.faults.latency(3000, { times: 1 });
    await expect(
      fetch(`${t.sim.url}/v23.0/me?access_token=${accessToken}`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow(/abort|timeout/i);
  });

  it('is driven over HTTP under /__sim/faults as well', async () => {
    const add = await fetch(`${t.sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error', code: 190, path: '^/me$', times: 'always' }),
    });
    const { id } = (await add.json()) as { id: string };
    expect((await graph.get('/me')).body).toMatchObject({ error: { code: 190 } });
    expect((await graph.get('/me')).body).toMatchObject({ error: { code: 190 } });
    const list = (await (await fetch(`${t.sim.url}/__sim/faults`)).json()) as {
      faults: { id: string; hits: number }[];
    };
    expect(list.faults).toEqual([expect.objectContaining({ id, hits: 2, remaining: 'always' })]);
    expect((await fetch(`${t.sim.url}/__sim/faults/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await graph.get('/me')).status).toBe(200);

    const bad = await fetch(`${t.sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'validation_failed', statusCode: 400 });

    await fetch(`${t.sim.url}/__sim/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: userId, reason: 'password_changed' }),
    });
    expect((await graph.get('/me')).body).toMatchObject({ error: { code: 190, error_subcode: 460 } });
  });
});
