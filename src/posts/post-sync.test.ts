import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import { CommentRepository } from '../comments/comment.repository.js';
import { CommentSyncService } from '../comments/comment-sync.service.js';
import { createLogger } from '../logger.js';
import type { Simulator } from '../providers/simulator/index.js';
import { simEnv, startTestSimulator } from '../providers/simulator/testing.js';
import type { SimAccount, SimMedia } from '../providers/simulator/types.js';
import { PostRepository } from './post.repository.js';
import type { PostView } from './post.schema.js';
import { PostSyncService } from './post-sync.service.js';

// Media sync against the simulator over real HTTP on both databases, with pages of three so that
// paging and the incremental stop rule show. The simulator records every Graph call it answers.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(dialects)('media sync on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let now = Date.UTC(2026, 0, 15, 12, 0, 0);
  const clock = () => now;
  let sync: PostSyncService;
  let shop: { sim: SimAccount; id: string; token: string };
  const media: Record<string, SimMedia> = {};

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock }));
    t = await createTestApp(dialect, simEnv(sim), { clock, worker: false });
    const s = t.app.services;
    const posts = new PostRepository(t.app.database.db);
    const comments = new CommentSyncService(new CommentRepository(t.app.database.db), posts, s.graph, clock);
    sync = new PostSyncService({
      ...{ posts, accounts: s.accounts, accountService: s.accountService, graph: s.graph },
      ...{ secrets: s.secrets, comments, bus: s.bus, log: createLogger('silent'), clock, pageSize: 3 },
    });
    const { account, accessToken } = sim.createAccount({ username: 'linen.gallery' });
    const res = await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
    shop = { sim: account, id: res.body.id, token: accessToken };
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  let token = '';
  async function api(method: 'GET' | 'POST', url: string, payload?: object) {
    // the test clock moves by days: a login token (12 h) is taken again when it would have expired
    if (!token || now - tokenAt > 6 * HOUR) {
      const login = await t.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: t.admin });
      [token, tokenAt] = [login.json().accessToken, now];
    }
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, body: res.json() };
  }
  let tokenAt = 0;
  function addPost(name: string, ageMs: number, extra: Partial<SimMedia> = {}): SimMedia {
    const m = sim.state.addMedia({
      ...{ accountId: shop.sim.userId, mediaType: 'IMAGE', productType: 'FEED', caption: name },
      ...{ mediaUrl: `/__sim/img/${name}.svg`, timestamp: now - ageMs, likeCount: 1, commentsEnabled: true },
      ...{ children: [], isCarouselChild: false },
      ...extra,
    });
    media[name] = m;
    return m;
  }
  const mine = () => sim.calls().filter((c) => c.accountId === shop.sim.userId);
  async function allPosts(): Promise<PostView[]> {
    const out: PostView[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const { body } = await api('GET', `/api/v1/posts?accountId=${shop.id}&limit=3${cursor}`);
      out.push(...body.items);
      if (!body.nextCursor) return out;
      cursor = `&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    throw new Error('the cursor never ended');
  }
  const byIg = async (ig: string) => (await allPosts()).find((p) => p.igMediaId === ig) as PostView;

  let firstRunCalls = 0;

  it('imports every media on the first run, paged, with carousel children, reels and comments', async () => {
    for (let i = 0; i < 5; i++) addPost(`post${i}`, (30 + i) * DAY);
    addPost('reel', 25 * DAY, {
      mediaType: 'VIDEO',
      productType: 'REELS',
      mediaUrl: '/__sim/img/reel.mp4',
      thumbnailUrl: '/__sim/img/reel-cover.svg',
    });
    const kids = [1, 2, 3].map((n) => addPost(`slide${n}`, 20 * DAY, { isCarouselChild: true }));
    addPost('album', 20 * DAY, { mediaType: 'CAROUSEL_ALBUM', children: kids.map((k) => k.id) });
    const question = sim.customerComments({ from: 'olga', text: 'Price?', mediaId: media.album?.id });
    sim.customerComments({ from: 'ivan', text: 'Same question', parentId: question.comment.id });
    sim.customerComments({ from: 'ivan', text: 'Lovely', mediaId: media.post0?.id });

    const progress: number[] = [];
    const live: unknown[] = [];
    const stop = t.app.services.bus.subscribe((await api('GET', '/api/v1/me')).body.workspace.id, (e) => {
      if (e.type === 'posts.sync_progress') live.push(e.data);
    });
    const job = { id: 'job-1', progress: async (p: number) => void progress.push(p) };
    const r = await sync.syncAccount(shop.id, job);
    stop();
    expect(r).toMatchObject({ mode: 'full', pages: 3, seen: 7, created: 7, removed: 0, truncated: false });
    expect(r).toMatchObject({ commentPosts: 2, commentsImported: 3 });
    // 7 media in pages of 3, out of the 7 Meta counts (90 % for the media, the rest for comments)
    expect(progress).toEqual([38, 77, 90, 100]);
    expect(live).toEqual(progress.map((p) => ({ accountId: shop.id, jobId: 'job-1', progress: p })));
    firstRunCalls = mine().length;

    const list = await allPosts();
    expect(list.map((p) => p.caption)).toEqual([
      'album',
      'reel',
      'post0',
      'post1',
      'post2',
      'post3',
      'post4',
    ]);
    const album = list[0] as PostView;
    expect(album).toMatchObject({ mediaType: 'CAROUSEL_ALBUM', mediaProductType: 'FEED', commentsCount: 2 });
    expect(album.children.map((c) => c.igMediaId)).toEqual(kids.map((k) => k.id));
    expect(album.children[0]?.mediaUrl).toMatch(new RegExp(`^${sim.url}/__sim/img/`));
    expect(list[1]).toMatchObject({
      mediaType: 'VIDEO',
      mediaProductType: 'REELS',
      thumbnailUrl: `${sim.url}/__sim/img/reel-cover.svg`,
      permalink: expect.stringContaining('/reel/'),
      timestamp: new Date(now - 25 * DAY).toISOString(),
    });
    const recent = await api('GET', '/api/v1/posts/recent?limit=2');
    expect(recent.body.items.map((p: PostView) => p.caption)).toEqual(['album', 'reel']);
    expect((await api('GET', `/api/v1/posts/${album.id}`)).body).toEqual(album);
    const thread = (await api('GET', `/api/v1/media/${album.id}/comments`)).body.items;
    expect(thread).toMatchObject([{ text: 'Price?', from: { username: 'olga' }, postId: album.id }]);
    expect(thread[0].replies).toMatchObject([
      { text: 'Same question', parentIgCommentId: question.comment.id },
    ]);
  });

  it('then reads only the pages that can have changed, refreshing the counts it sees', async () => {
    now += 2 * HOUR;
    sim.clearCalls();
    addPost('fresh', HOUR);
    sim.customerComments({ from: 'olga', text: 'New!', mediaId: media.fresh?.id });
    if (media.album) media.album.likeCount = 99;
    const r = await sync.syncAccount(shop.id);
    // page 1 holds a new post, page 2 only old, known, unchanged ones: the walk stops there
    expect(r).toMatchObject({
      mode: 'incremental',
      pages: 2,
      created: 1,
      commentPosts: 1,
      commentsImported: 1,
    });
    expect(mine().length).toBeLessThan(firstRunCalls);
    expect(
      mine()
        .filter((c) => c.path.endsWith('/comments'))
        .map((c) => c.path),
    ).toEqual([`/${media.fresh?.id}/comments`]);
    expect(await byIg(media.album?.id ?? '')).toMatchObject({ likeCount: 99 });
  });

  it('reads the comments of an older post once Meta counts new ones', async () => {
    now += 2 * HOUR;
    sim.clearCalls();
    sim.customerComments({ from: 'maria', text: 'Still available?', mediaId: media.reel?.id });
    const r = await sync.syncAccount(shop.id);
    expect(r).toMatchObject({ mode: 'incremental', commentPosts: 1, commentsImported: 1 });
    expect(
      mine()
        .filter((c) => c.path.endsWith('/comments'))
        .map((c) => c.path),
    ).toEqual([`/${media.reel?.id}/comments`]);
  });

  it('walks everything again a day later and drops media deleted on Instagram', async () => {
    now += DAY;
    const gone = await byIg(media.post4?.id ?? '');
    sim.state.media.delete(media.post4?.id ?? '');
    const r = await sync.syncAccount(shop.id);
    expect(r).toMatchObject({ mode: 'full', removed: 1, created: 0 });
    expect((await api('GET', `/api/v1/posts/${gone.id}`)).status).toBe(404);
    expect(await allPosts()).toHaveLength(7);
  });

  it('starts a sync job on demand, once per account at a time; Chatrace has no media', async () => {
    const first = await api('POST', `/api/v1/accounts/${shop.id}/sync-media`);
    const again = await api('POST', `/api/v1/accounts/${shop.id}/sync-media`);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect(await t.app.queue.get(first.body.jobId)).toMatchObject({
      name: 'sync-media',
      payload: { accountId: shop.id },
    });
    expect(await t.app.services.posts.enqueueAll()).toBe(1);
    const pending = (await t.app.queue.list('waiting', 100)).filter((j) => j.name === 'sync-media');
    expect(pending).toHaveLength(1);

    const me = (await api('GET', '/api/v1/me')).body;
    const chatrace = await t.app.services.accounts.create({
      ...{ workspace_id: me.workspace.id, provider: 'chatrace', external_id: '555' },
    });
    const refused = await api('POST', `/api/v1/accounts/${chatrace.id}/sync-media`);
    expect([refused.status, refused.body.error]).toEqual([409, 'media_sync_unavailable']);
    expect((await api('POST', '/api/v1/accounts/nope/sync-media')).status).toBe(404);
    const state = (await api('GET', `/api/v1/accounts/${shop.id}/sync-media`)).body;
    expect(state).toMatchObject({ lastResult: { mode: 'full', removed: 1 } });
  });

  it('marks the account token_expired when Meta refuses the token, and does not retry', async () => {
    sim.faults.revokeToken(shop.token);
    const r = await sync.syncAccount(shop.id);
    expect(r.errorKind).toBe('token_invalid');
    const row = await t.app.services.accounts.findById(shop.id);
    expect(row?.status).toBe('token_expired');
    const refused = await api('POST', `/api/v1/accounts/${shop.id}/sync-media`);
    expect([refused.status, refused.body.error]).toEqual([409, 'media_sync_unavailable']);
  });
});
