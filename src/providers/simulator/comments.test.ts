import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GraphCaller, graphCaller, shapeOf, startTestSimulator } from './testing.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));

describe('simulated comment moderation', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  let graph: GraphCaller;
  let mediaId: string;
  let userId: string;
  beforeEach(async () => {
    t = await startTestSimulator();
    const created = t.sim.createAccount({ username: 'acme.studio' });
    userId = created.account.userId;
    graph = graphCaller(t.sim, created.accessToken);
    mediaId = t.sim.state.addMedia({
      accountId: userId,
      mediaType: 'IMAGE',
      productType: 'FEED',
      mediaUrl: '/__sim/img/a.svg',
      timestamp: t.clock(),
      likeCount: 3,
      commentsEnabled: true,
      children: [],
      isCarouselChild: false,
    }).id;
  });
  afterEach(() => t.close());

  it("lists comments newest first with Meta's default fields, and replies under them", async () => {
    const first = t.sim.customerComments({ from: 'alice', text: 'This is awesome!' }).comment;
    t.clock.advance(1000);
    t.sim.customerComments({ from: 'bob', text: '*Sniff*' });
    const list = await graph.get<{ data: { text: string }[] }>(`/${mediaId}/comments`);
    expect(shapeOf({ data: list.body.data })).toEqual(shapeOf(fixture('media_comments.doc.json')));
    expect(list.body.data.map((c) => c.text)).toEqual(['*Sniff*', 'This is awesome!']);

    const reply = await graph.post<{ id: string }>(`/${first.id}/replies`, { message: 'Дякуємо!' }, 'form');
    expect(shapeOf(reply.body)).toEqual(shapeOf(fixture('comment_reply_create.doc.json')));
    const nested = await graph.post<{ id: string }>(
      `/${reply.body.id}/replies`,
      { message: 'reply to a reply' },
      'form',
    );
    const replies = await graph.get<{ data: { id: string }[] }>(`/${first.id}/replies`);
    expect(shapeOf({ data: replies.body.data })).toEqual(shapeOf(fixture('comment_replies.doc.json')));
    expect(replies.body.data.map((r) => r.id).sort()).toEqual([reply.body.id, nested.body.id].sort());
    const own = await graph.get(`/${reply.body.id}`, {
      fields: 'id,text,username,from,user,parent_id,media{id,media_product_type}',
    });
    expect(own.body).toMatchObject({
      username: 'acme.studio',
      user: { id: userId },
      parent_id: first.id,
      media: { id: mediaId, media_product_type: 'FEED' },
    });
    expect((await graph.get(`/${first.id}`, { fields: 'user' })).body).toEqual({ id: first.id });
    expect((await graph.get(`/${mediaId}`, { fields: 'comments_count' })).body.comments_count).toBe(4);
  });

  it('hides, unhides and deletes a comment with its replies', async () => {
    const { comment } = t.sim.customerComments({ from: 'troll', text: 'spam spam' });
    await graph.post(`/${comment.id}/replies`, { message: 'Please stop' }, 'form');
    expect((await graph.post(`/${comment.id}`, { hide: 'true' }, 'form')).body).toEqual({ success: true });
    expect((await graph.get(`/${comment.id}`, { fields: 'hidden' })).body).toEqual({
      hidden: true,
      id: comment.id,
    });
    await graph.post(`/${comment.id}`, { hide: false });
    expect(t.sim.state.comments.get(comment.id)?.hidden).toBe(false);
    expect((await graph.del(`/${comment.id}`)).body).toEqual({ success: true });
    expect(t.sim.state.commentsOf(mediaId)).toHaveLength(0);
    expect([...t.sim.state.comments.values()]).toHaveLength(0);
    expect((await graph.get(`/${comment.id}`)).body).toMatchObject({
      error: { code: 100, error_subcode: 33 },
    });
  });

  it('refuses comments where they are turned off', async () => {
    await graph.post(`/${mediaId}`, { comment_enabled: false });
    expect((await graph.post(`/${mediaId}/comments`, { message: 'hi' }, 'form')).body).toMatchObject({
      error: { code: 100 },
    });
    expect(() => t.sim.customerComments({ from: 'alice', text: 'hi', mediaId })).toThrow(/disabled/);
  });
});
