import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { type GraphAuth, GraphClient } from '../instagram/graph-client.js';
import { startTestSimulator } from './testing.js';

// The GraphClient must work against Meta and the simulator unchanged: drive it end to end here.
describe('GraphClient against the simulator', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let client: GraphClient;
  let auth: GraphAuth;
  beforeEach(async () => {
    t = await startTestSimulator({ appId: '990001', appSecret: 'compat-secret' });
    const seed = t.sim.seedDemo();
    auth = { accessToken: seed.accessToken, igUserId: seed.account.userId };
    const { graphUrl, apiVersion, tokenUrl } = t.sim.endpoints();
    client = new GraphClient({
      graphUrl,
      apiVersion,
      oauthTokenUrl: tokenUrl,
      appId: '990001',
      appSecret: 'compat-secret',
      timeoutMs: 2_000,
      logger: createLogger('silent'),
      clock: t.clock,
    });
  });
  afterEach(() => t.close());

  it('reads the account, media, comments, conversations and insights', async () => {
    const me = await client.me(auth);
    expect(me.userId).toBe(auth.igUserId);
    expect(me.id).not.toBe(me.userId);
    expect((await client.getAccount(auth)).username).toBe('vesna.atelier');

    const page = await client.listMedia(auth, { limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.after).not.toBeNull();
    const carousel = (await client.listMedia(auth, { limit: 12 })).items.find(
      (m) => m.mediaType === 'CAROUSEL_ALBUM',
    );
    expect(carousel?.children.length).toBe(3);

    const first = page.items[0]?.id ?? '';
    const comments = await client.listComments(auth, first);
    expect(comments.items.length).toBeGreaterThan(0);
    const comment = await client.getComment(auth, comments.items[0]?.id ?? '');
    expect(comment.id).toBe(comments.items[0]?.id);

    const conversations = await client.listConversations(auth, { withMessages: true });
    expect(conversations.items.length).toBe(4);
    const thread = await client.getConversationMessages(auth, conversations.items[0]?.id ?? '');
    expect(thread.id).toBe(conversations.items[0]?.id);

    const insights = await client.getAccountInsights(auth, {
      metrics: ['reach', 'views'],
      period: 'day',
      metricType: 'total_value',
    });
    expect(insights.map((i) => i.name)).toEqual(['reach', 'views']);
    await expect(
      client.getAccountInsights(auth, { metrics: ['impressions'], period: 'day' }),
    ).rejects.toMatchObject({ kind: 'bad_request' });
  });

  it('sends within the window, is refused outside it, and publishes a container once', async () => {
    const { customer } = t.sim.customerSends({ from: 'alice', text: 'Привіт' });
    const sent = await client.sendMessage(auth, {
      recipient: { id: customer.igsid },
      message: { text: 'Вітаю!' },
    });
    expect(sent).toBeTruthy();
    t.clock.advance(25 * 3600_000);
    await expect(
      client.sendMessage(auth, { recipient: { id: customer.igsid }, message: { text: 'late' } }),
    ).rejects.toMatchObject({ kind: 'outside_window' });

    const { id } = await client.createContainer(auth, {
      type: 'image',
      imageUrl: 'https://cdn.example/x.jpg',
      caption: 'Нова сукня',
    });
    expect((await client.getContainerStatus(auth, id)).statusCode).toBe('IN_PROGRESS');
    expect((await client.getContainerStatus(auth, id)).statusCode).toBe('FINISHED');
    const published = await client.publishContainer(auth, id);
    expect(t.sim.state.media.get(published.id)?.caption).toBe('Нова сукня');
    await expect(client.publishContainer(auth, id)).rejects.toBeTruthy();
    expect((await client.getPublishingLimit(auth)).quotaUsage).toBe(1);
  });

  it('completes Instagram Login: code → short-lived → long-lived → refreshed', async () => {
    const redirect = 'https://relaydesk.example/api/v1/oauth/instagram/callback';
    const authorize = new URL(t.sim.endpoints().authorizeUrl);
    authorize.search = new URLSearchParams({
      client_id: '990001',
      redirect_uri: redirect,
      response_type: 'code',
      state: 's1',
    }).toString();
    const location = (await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '';
    const code = new URL(location).searchParams.get('code') ?? '';
    const short = await client.exchangeCode(`${code}#_`, redirect);
    const account = t.sim.state.findAccount('vesna.atelier');
    expect(short.userId).toBe(account?.appScopedId);
    const long = await client.exchangeForLongLivedToken(short.accessToken);
    expect(long.expiresInSec).toBe(5_184_000);
    await expect(client.refreshLongLivedToken(long.accessToken)).rejects.toBeTruthy();
    t.clock.advance(25 * 3600_000);
    const refreshed = await client.refreshLongLivedToken(long.accessToken);
    expect((await client.me({ accessToken: refreshed.accessToken })).username).toBe('vesna.atelier');
  });

  it("maps simulated token and rate-limit failures to the client's error kinds", async () => {
    t.sim.faults.rateLimit({ scope: 'account' });
    await expect(client.me(auth)).rejects.toMatchObject({ kind: 'rate_limited' });
    const other = t.sim.createAccount();
    t.sim.faults.revokeToken(other.accessToken);
    await expect(
      client.me({ accessToken: other.accessToken, igUserId: other.account.userId }),
    ).rejects.toMatchObject({ kind: 'token_invalid' });
  });
});
