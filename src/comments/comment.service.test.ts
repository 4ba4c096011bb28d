import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { dialects } from '../../test/support/db.js';
import type { WorkspaceEvent } from '../events/event-bus.js';
import type { Simulator } from '../providers/simulator/index.js';
import { simEnv, startTestSimulator } from '../providers/simulator/testing.js';
import type { SimAccount, SimComment } from '../providers/simulator/types.js';

// Comment moderation over HTTP against the simulator on both databases: every action must be
// visible in the simulator's state (what Instagram would show) and in our rows.

interface Thread {
  id: string;
  igCommentId: string;
  text: string;
  hidden: boolean;
  fromSelf: boolean;
  replies: { id: string; text: string; igCommentId: string; parentIgCommentId: string }[];
}

describe.each(dialects)('comment moderation on %s', (dialect) => {
  let t: TestApp;
  let sim: Simulator;
  let stopSim: () => Promise<void>;
  let shop: { sim: SimAccount; id: string; token: string };
  let postId = '';
  let question: SimComment;
  const live: WorkspaceEvent[] = [];

  beforeAll(async () => {
    ({ sim, close: stopSim } = await startTestSimulator({ clock: () => Date.now() }));
    t = await createTestApp(dialect, simEnv(sim), { worker: false });
    const { account, accessToken } = sim.createAccount({ username: 'linen.comments' });
    const connected = await api('POST', '/api/v1/accounts', { provider: 'instagram', accessToken });
    shop = { sim: account, id: connected.body.id, token: accessToken };
    t.app.services.bus.subscribe((await api('GET', '/api/v1/me')).body.workspace.id, (e) => live.push(e));
    const media = sim.state.addMedia({
      ...{ accountId: account.userId, mediaType: 'IMAGE', productType: 'FEED', caption: 'Linen dress' },
      ...{ mediaUrl: '/__sim/img/dress.svg', timestamp: Date.now() - 3_600_000, likeCount: 3 },
      ...{ commentsEnabled: true, children: [], isCarouselChild: false },
    });
    question = sim.customerComments({ from: 'olga', text: 'Size M?', mediaId: media.id }).comment;
    await t.app.services.postSync.syncAccount(shop.id);
    postId = (await api('GET', '/api/v1/posts')).body.items[0].id;
  });
  afterAll(async () => {
    await t.close();
    await stopSim();
  });

  async function api(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, token = t.token) {
    const res = await t.app.http.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  }
  const thread = async (): Promise<Thread[]> =>
    (await api('GET', `/api/v1/media/${postId}/comments`)).body.items;

  it('replies publicly: on Instagram under the comment, and stored at once as our own', async () => {
    const [comment] = await thread();
    expect(comment).toMatchObject({ igCommentId: question.id, text: 'Size M?', fromSelf: false });
    const res = await api('POST', `/api/v1/comments/${comment?.id}/reply`, { message: 'Yes, M is in stock' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fromSelf: true, parentIgCommentId: question.id, postId });
    expect(sim.state.comments.get(res.body.igCommentId)).toMatchObject({
      parentId: question.id,
      fromId: shop.sim.userId,
      text: 'Yes, M is in stock',
    });
    expect((await thread())[0]?.replies.map((r) => r.text)).toEqual(['Yes, M is in stock']);
    expect(live.some((e) => e.type === 'comment.created')).toBe(true);

    // Meta sends the `comments` webhook for our own reply too: it finds the stored row
    const echo = sim.webhooks.deliveries().find((d) => d.body.includes(res.body.igCommentId));
    expect((await t.postMeta(echo?.body ?? '')).statusCode).toBe(200);
    await t.app.services.ingest.drain();
    const ids = await t.app.database.db.selectFrom('webhook_events').select('id').execute();
    await t.app.services.events.processDeliveries(ids.map((r) => r.id));
    expect((await thread())[0]?.replies).toHaveLength(1);
    const sent = await t.app.database.db.selectFrom('outbound_deliveries').select('id').execute();
    expect(sent).toHaveLength(0);

    // a reply to a reply lands under the top-level comment (Instagram nests one level)
    const again = await api('POST', `/api/v1/comments/${res.body.id}/reply`, { message: 'Ships tomorrow' });
    expect(again.body.parentIgCommentId).toBe(question.id);
    expect(sim.state.comments.get(again.body.igCommentId)?.parentId).toBe(question.id);
  });

  it('hides and unhides, in the simulator and in the list', async () => {
    const [comment] = await thread();
    const hidden = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true });
    expect([hidden.status, hidden.body.hidden]).toEqual([200, true]);
    expect(sim.state.comments.get(question.id)?.hidden).toBe(true);
    expect((await thread())[0]?.hidden).toBe(true);
    const shown = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: false });
    expect(shown.body.hidden).toBe(false);
    expect(sim.state.comments.get(question.id)?.hidden).toBe(false);
    // the seed's call without a body hides; /unhide is the other way
    const bare = await api('POST', `/api/v1/comments/${comment?.id}/hide`);
    expect([bare.status, bare.body.hidden, sim.state.comments.get(question.id)?.hidden]).toEqual([
      200,
      true,
      true,
    ]);
    const unhidden = await api('POST', `/api/v1/comments/${comment?.id}/unhide`);
    expect([unhidden.status, unhidden.body.hidden]).toEqual([200, false]);
    expect(sim.state.comments.get(question.id)?.hidden).toBe(false);
    expect(live.filter((e) => e.type === 'comment.updated')).toHaveLength(4);
  });

  it('refuses invalid input with stable codes', async () => {
    const [comment] = await thread();
    const empty = await api('POST', `/api/v1/comments/${comment?.id}/reply`, { message: '  ' });
    const long = await api('POST', `/api/v1/comments/${comment?.id}/reply`, { message: 'x'.repeat(2201) });
    const notBool = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: 'yes' });
    expect([empty.body.error, long.body.error, notBool.body.error]).toEqual(
      Array(3).fill('validation_failed'),
    );
    expect((await api('POST', '/api/v1/comments/nope/hide', { hidden: true })).status).toBe(404);
    expect((await api('GET', '/api/v1/media/nope/comments')).status).toBe(404);
  });

  it('says when Instagram did not answer, and changes nothing of ours', async () => {
    const [comment] = await thread();
    sim.faults.serverError(1, 500, { path: `^/${question.id}$`, method: 'POST' });
    const res = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true });
    expect([res.status, res.body.error]).toEqual([502, 'provider_unavailable']);
    expect(res.body.message).toMatch(/hide the comment may not have happened/);
    expect((await thread())[0]?.hidden).toBe(false);
  });

  it('deletes with its replies; acting on it afterwards says it is gone', async () => {
    const [comment] = await thread();
    const res = await api('DELETE', `/api/v1/comments/${comment?.id}`);
    expect(res.status).toBe(204);
    expect(sim.state.comments.has(question.id)).toBe(false);
    expect([...sim.state.comments.values()].filter((c) => c.parentId === question.id)).toEqual([]);
    expect(await thread()).toEqual([]);
    const after = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true });
    expect([after.status, after.body.error]).toEqual([409, 'comment_gone']);
  });

  it('marks a comment deleted on Instagram when Meta no longer knows it', async () => {
    // Sync reads a post's comments when Meta's count moved (one deleted above, two new here).
    const gone = sim.customerComments({ from: 'ivan', text: 'Wow', mediaId: question.mediaId }).comment;
    sim.customerComments({ from: 'olga', text: 'Nice', mediaId: question.mediaId });
    await t.app.services.postSync.syncAccount(shop.id);
    const comment = (await thread()).find((c) => c.igCommentId === gone.id);
    expect(comment?.text).toBe('Wow');
    sim.state.comments.delete(gone.id);
    const res = await api('POST', `/api/v1/comments/${comment?.id}/reply`, { message: 'Thanks!' });
    expect([res.status, res.body.error]).toEqual([409, 'comment_gone']);
    expect((await thread()).map((c) => c.text)).toEqual(['Nice']);
  });

  it("is invisible to another workspace's users", async () => {
    const other = { email: 'b@other.example', password: 'another password' };
    await t.app.services.auth.createUser({ ...other, role: 'owner' });
    const login = await t.app.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: other });
    const token = login.json().accessToken;
    const [comment] = await thread();
    expect((await api('GET', '/api/v1/posts', undefined, token)).body.items).toEqual([]);
    expect((await api('GET', '/api/v1/posts/recent', undefined, token)).body.items).toEqual([]);
    const refused = [
      await api('GET', `/api/v1/posts/${postId}`, undefined, token),
      await api('GET', `/api/v1/media/${postId}/comments`, undefined, token),
      await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true }, token),
      await api('POST', `/api/v1/comments/${comment?.id}/reply`, { message: 'hi' }, token),
      await api('DELETE', `/api/v1/comments/${comment?.id}`, undefined, token),
      await api('POST', `/api/v1/accounts/${shop.id}/sync-media`, undefined, token),
    ];
    expect(refused.map((r) => r.status)).toEqual(Array(6).fill(404));
    expect(sim.state.comments.get(comment?.igCommentId ?? '')?.hidden).toBe(false);
  });

  it('marks the account token_expired when Meta refuses the token', async () => {
    const [comment] = await thread();
    sim.faults.revokeToken(shop.token);
    const res = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true });
    expect([res.status, res.body.error]).toEqual([422, 'token_invalid']);
    expect((await t.app.services.accounts.findById(shop.id))?.status).toBe('token_expired');
    const next = await api('POST', `/api/v1/comments/${comment?.id}/hide`, { hidden: true });
    expect([next.status, next.body.error]).toEqual([409, 'comment_action_unavailable']);
  });
});
