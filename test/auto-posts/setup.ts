import type { DialectName } from '../../src/db/database.js';
import type { Simulator } from '../../src/providers/simulator/server.js';
import { simEnv, startTestSimulator } from '../../src/providers/simulator/testing.js';
import { createTestApp, type TestApp } from '../support/app.js';

// A Relaydesk app talking to the Instagram simulator over real HTTP, with one connected account
// and helpers for the auto-post API. The simulator runs on the wall clock: the app schedules by it.

export interface PostView {
  id: string;
  status: string;
  productId: string | null;
  scheduledAt: string;
  caption: string | null;
  media: { type: string; url: string }[] | null;
  igMediaId: string | null;
  permalink: string | null;
  publishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  firstCommentId: string | null;
  seriesId: string | null;
  steps: { containerId: string | null; childContainerIds: string[]; polls: number; nextRunAt: string | null };
}

export interface PublishingRig {
  t: TestApp;
  sim: Simulator;
  accountId: string;
  igUserId: string;
  /** the account's token at the simulator (to act as Meta's other clients would) */
  accessToken: string;
  api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<Res>;
  product(fields?: Record<string, unknown>): Promise<string>;
  post(body: Record<string, unknown>): Promise<PostView>;
  get(id: string): Promise<PostView>;
  /**
   * until the post has this status and nothing left to do (permalink, first comment, events); any
   * other end state fails with the post's error
   */
  until(id: string, status: string, timeoutMs?: number): Promise<PostView>;
  close(): Promise<void>;
}

interface Res {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of every route; tests check them field by field
  body: any;
}

// held is not an end: a held post goes on once quota frees
const ENDS = new Set(['published', 'failed', 'cancelled', 'skipped']);

export async function startPublishingRig(dialect: DialectName): Promise<PublishingRig> {
  const { sim, close: stopSim } = await startTestSimulator({
    clock: () => Date.now(),
    settings: { containerPolls: 0 },
  });
  const t = await createTestApp(dialect, { ...simEnv(sim), PUBLIC_URL: 'https://relaydesk.example.com' });
  const { account, accessToken } = sim.createAccount({ username: 'linen.shop' });
  const api: PublishingRig['api'] = async (method, url, payload) => {
    const res = await t.app.http.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.token}` },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const connected = await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
  const get = async (id: string) => (await api('GET', `/api/v1/auto-posts/${id}`)).body as PostView;
  return {
    t,
    sim,
    accountId: connected.body.id,
    igUserId: account.userId,
    accessToken,
    api,
    get,
    async product(fields = {}) {
      const res = await api('POST', '/api/v1/products', {
        name: 'Сукня «Полтава»',
        price: '1299.00',
        currency: 'UAH',
        imageUrls: ['https://cdn.example/poltava-1.jpg'],
        hashtags: ['сукня', 'льон'],
        ...fields,
      });
      if (res.status !== 201) throw new Error(`product: ${JSON.stringify(res.body)}`);
      return res.body.id;
    },
    async post(body) {
      const res = await api('POST', '/api/v1/auto-posts', { accountId: connected.body.id, ...body });
      if (res.status !== 201) throw new Error(`auto-post: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async until(id, status, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const p = await get(id);
        const settled = p.status !== 'published' || p.steps.nextRunAt === null;
        if (p.status === status && settled) return p;
        if (p.status !== status && ENDS.has(p.status))
          throw new Error(`post ${id} ended ${p.status}: ${p.errorCode} ${p.errorMessage}`);
        if (Date.now() > deadline)
          throw new Error(
            `post ${id} still ${p.status} (${p.errorCode} ${p.errorMessage}) after ${timeoutMs} ms`,
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await t.close();
      await stopSim();
    },
  };
}

/** the simulator's container-creation calls (POST /{ig-user-id}/media) */
export const containerCalls = (sim: Simulator) =>
  sim.calls({ method: 'POST', path: /^\/\d+\/media$/ }).filter((c) => c.status === 200);
