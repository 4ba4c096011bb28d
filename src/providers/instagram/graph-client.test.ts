import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphStub,
  graphFixture,
  graphFixtureNames,
  makeGraphClient,
  type StubRequest,
  startGraphStub,
  TEST_TOKEN,
} from '../../../test/support/graph-stub-server.js';
import type { GraphAuth, GraphClient } from './graph-client.js';

// Every success body in test/fixtures/graph-api/ is served by a local stub and parsed by the
// method that would receive it; the request the client made is checked against Meta's docs.

const IG = '17841405309211844';
const IGSID = '6983345578376412';
const auth: GraphAuth = { accessToken: TEST_TOKEN, igUserId: IG };
const v = (p: string) => `/v23.0${p}`;

interface Case {
  fixture: string;
  route: [string, string];
  call: (c: GraphClient) => Promise<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: results are checked field by field
  check: (result: any, req: StubRequest) => void;
}

const containerStatus = (fixture: string, code: string): Case => ({
  fixture,
  route: ['GET', v('/17889615691921648')],
  call: (c) => c.getContainerStatus(auth, '17889615691921648'),
  check: (r, req) => {
    expect(req.query.fields).toBe('id,status_code,status');
    expect(r.statusCode).toBe(code);
    expect(r.id).toBe('17889615691921648');
  },
});

const getMessageCase = (fixture: string, check: Case['check']): Case => ({
  fixture,
  route: ['GET', v('/mid-1')],
  call: (c) => c.getMessage(auth, 'mid-1'),
  check,
});

const cases: Case[] = [
  {
    fixture: 'comment_replies.doc.json',
    route: ['GET', v('/17870913679156914/replies')],
    call: (c) => c.listReplies(auth, '17870913679156914'),
    check: (r, req) => {
      expect(req.query.fields).toContain('text');
      expect(r.items.map((i: { id: string }) => i.id)).toEqual(['17871618799146774', '17887288333072596']);
      expect(r.items[1].text).toBe("It's me. Trust me.");
      expect(r.after).toBeNull();
    },
  },
  {
    fixture: 'comment_reply_create.doc.json',
    route: ['POST', v('/17870913679156914/replies')],
    call: (c) => c.replyToComment(auth, '17870913679156914', 'Thanks! 🙌'),
    check: (r, req) => {
      expect(req.form).toEqual({ message: 'Thanks! 🙌' });
      expect(r).toEqual({ id: '17873440459141021' });
    },
  },
  containerStatus('container_status_EXPIRED.INFERRED.json', 'EXPIRED'),
  containerStatus('container_status_FINISHED.doc.json', 'FINISHED'),
  containerStatus('container_status_IN_PROGRESS.INFERRED.json', 'IN_PROGRESS'),
  containerStatus('container_status_PUBLISHED.INFERRED.json', 'PUBLISHED'),
  containerStatus('restfb_container.json', 'FINISHED'),
  containerStatus('restfb_container_no_copyright.json', 'IN_PROGRESS'),
  {
    ...containerStatus('container_status_ERROR.INFERRED.json', 'ERROR'),
    check: (r) => {
      expect(r.statusCode).toBe('ERROR');
      expect(r.errorSubcode).toBe(2207082);
      expect(r.errorMessage).toBe('Instagram could not publish the media (error 2207082)');
    },
  },
  {
    fixture: 'content_publishing_limit.doc.json',
    route: ['GET', v(`/${IG}/content_publishing_limit`)],
    call: (c) => c.getPublishingLimit(auth),
    check: (r, req) => {
      expect(req.query.fields).toBe('quota_usage,config');
      expect(r).toEqual({ quotaUsage: 2, quotaTotal: 50, quotaDurationSec: 86400 });
    },
  },
  {
    fixture: 'restfb_content_publishing_limit.json',
    route: ['GET', v(`/${IG}/content_publishing_limit`)],
    call: (c) => c.getPublishingLimit(auth),
    check: (r) => expect(r.quotaTotal).toBe(25),
  },
  {
    fixture: 'conversation_messages.doc.json',
    route: ['GET', v('/thread-1')],
    call: (c) => c.getConversationMessages(auth, 'thread-1'),
    check: (r, req) => {
      expect(req.query.fields).toMatch(/^id,messages\{.*created_time.*\}$/);
      expect(r.messages).toHaveLength(3);
      expect(r.messages[0].createdTime).toBe('2025-06-03T12:25:18+0000');
      expect(r.id).toMatch(/^aWdf/);
    },
  },
  {
    fixture: 'restfb_v10_instagram-conversation.json',
    route: ['GET', v('/thread-1')],
    call: (c) => c.getConversationMessages(auth, 'thread-1'),
    check: (r) => {
      expect(r.participants).toHaveLength(2);
      expect(r.participants[0]).toEqual({ id: '<IGSID>', username: '<IG_USER_NAME>', userId: '<IGID>' });
      expect(r.messages).toEqual([]);
    },
  },
  {
    fixture: 'conversations_find_by_user.doc.json',
    route: ['GET', v(`/${IG}/conversations`)],
    call: (c) => c.listConversations(auth, { userId: IGSID }),
    check: (r, req) => {
      expect(req.query).toMatchObject({ platform: 'instagram', user_id: IGSID });
      expect(r.items).toHaveLength(1);
    },
  },
  {
    fixture: 'conversations_list.doc.json',
    route: ['GET', v(`/${IG}/conversations`)],
    call: (c) => c.listConversations(auth, { withMessages: true, limit: 25 }),
    check: (r, req) => {
      expect(req.query.platform).toBe('instagram');
      expect(req.query.limit).toBe('25');
      expect(req.query.fields).toContain('messages{id,created_time,from,to,message');
      expect(r.items.map((i: { updatedTime: string }) => i.updatedTime)).toEqual([
        '2025-06-03T12:25:18+0000',
        '2025-06-02T08:01:44+0000',
      ]);
    },
  },
  {
    fixture: 'ig_user_fields.doc.json',
    route: ['GET', v(`/${IG}`)],
    call: (c) => c.getAccount(auth),
    check: (r) => {
      expect(r).toMatchObject({
        id: '17841405822304914',
        username: 'metricsaurus',
        biography: 'Dino data crunching app',
      });
      expect(r.website).toBe('http://www.metricsaurus.com/');
    },
  },
  {
    fixture: 'restfb_user.json',
    route: ['GET', v(`/${IG}`)],
    call: (c) => c.getAccount(auth),
    check: (r) =>
      expect(r).toMatchObject({ igId: '9876543', followersCount: 10, followsCount: 15, mediaCount: 2 }),
  },
  {
    fixture: 'insights_account_reach_total_value.doc.json',
    route: ['GET', v(`/${IG}/insights`)],
    call: (c) =>
      c.getAccountInsights(auth, {
        metrics: ['reach'],
        period: 'day',
        metricType: 'total_value',
        breakdown: 'media_product_type',
        since: new Date('2026-02-01T00:00:00Z'),
        until: Date.parse('2026-02-02T00:00:00Z'),
      }),
    check: (r, req) => {
      expect(req.query).toEqual({
        metric: 'reach',
        period: 'day',
        metric_type: 'total_value',
        breakdown: 'media_product_type',
        since: '1769904000',
        until: '1769990400',
      });
      expect(r[0].totalValue.value).toBe(224);
      expect(r[0].totalValue.breakdowns[0].results[1]).toEqual({ dimensionValues: ['POST'], value: 124 });
    },
  },
  {
    fixture: 'insights_account_time_series_legacy.doc.json',
    route: ['GET', v(`/${IG}/insights`)],
    call: (c) => c.getAccountInsights(auth, { metrics: ['reach', 'profile_views'], period: 'day' }),
    check: (r, req) => {
      expect(req.query).toEqual({ metric: 'reach,profile_views', period: 'day' });
      expect(r.map((i: { name: string }) => i.name)).toEqual(['impressions', 'reach', 'profile_views']);
      expect(r[1].values).toEqual([
        { value: 12, endTime: '2018-01-11T08:00:00+0000' },
        { value: 12, endTime: '2018-01-12T08:00:00+0000' },
      ]);
      expect(r[1].totalValue).toBeNull();
    },
  },
  {
    fixture: 'insights_media_legacy.doc.json',
    route: ['GET', v('/17918920912340654/insights')],
    call: (c) => c.getMediaInsights(auth, '17918920912340654', { metrics: ['reach', 'total_interactions'] }),
    check: (r, req) => {
      expect(req.query).toEqual({ metric: 'reach,total_interactions' });
      expect(r.find((i: { name: string }) => i.name === 'reach').values[0]).toEqual({
        value: 13,
        endTime: null,
      });
    },
  },
  {
    fixture: 'me_extended_fields.INFERRED.json',
    route: ['GET', v('/me')],
    call: (c) => c.me({ accessToken: TEST_TOKEN }),
    check: (r, req) => {
      expect(req.query.fields).toBe(
        'user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count',
      );
      expect(r).toEqual({
        id: '9723511834410258',
        userId: IG,
        username: 'acme.studio',
        name: null,
        accountType: 'BUSINESS',
        profilePictureUrl: 'https://scontent.cdninstagram.com/v/t51.2885-19/acme_studio_profile.jpg',
        followersCount: 1284,
        followsCount: null,
        mediaCount: 147,
      });
    },
  },
  {
    fixture: 'me_user_id_username.doc.json',
    route: ['GET', v('/me')],
    call: (c) => c.me({ accessToken: TEST_TOKEN }),
    check: (r) => expect(r).toMatchObject({ userId: IG, username: 'acme.studio', id: null }),
  },
  {
    fixture: 'media_comment_create.doc.json',
    route: ['POST', v('/17918920912340654/comments')],
    call: (c) => c.createComment(auth, '17918920912340654', 'New drop on Friday'),
    check: (r, req) => {
      expect(req.form).toEqual({ message: 'New drop on Friday' });
      expect(r.id).toBe('17870913679156914');
    },
  },
  {
    fixture: 'media_comment_enabled_update.doc.json',
    route: ['POST', v('/17918920912340654')],
    call: (c) => c.setCommentsEnabled(auth, '17918920912340654', false),
    check: (r, req) => {
      expect(req.form).toEqual({ comment_enabled: 'false' });
      expect(r).toBe(true);
    },
  },
  {
    fixture: 'media_comments.doc.json',
    route: ['GET', v('/17918920912340654/comments')],
    call: (c) => c.listComments(auth, '17918920912340654', { limit: 50 }),
    check: (r, req) => {
      expect(req.query.limit).toBe('50');
      expect(r.items[0]).toMatchObject({ id: '17870913679156914', text: 'This is awesome!', replies: [] });
    },
  },
  {
    fixture: 'restfb_comment.json',
    route: ['GET', v('/123456789')],
    call: (c) => c.getComment(auth, '123456789'),
    check: (r) => {
      expect(r).toMatchObject({
        id: '123456789',
        text: 'Great!',
        hidden: false,
        fromId: '98765432123',
        mediaId: '987654321',
      });
      expect(r.replies).toEqual([expect.objectContaining({ id: '1234567891', text: 'yeah' })]);
    },
  },
  {
    fixture: 'media_container_create.doc.json',
    route: ['POST', v(`/${IG}/media`)],
    call: (c) =>
      c.createContainer(auth, { type: 'image', imageUrl: 'https://cdn.example/p.jpg', caption: 'Hi #new' }),
    check: (r, req) => {
      expect(req.form).toEqual({ image_url: 'https://cdn.example/p.jpg', caption: 'Hi #new' });
      expect(r.id).toBe('17889455560051444');
    },
  },
  {
    fixture: 'media_delete_success.doc.json',
    route: ['DELETE', v('/17918920912340654')],
    call: (c) => c.deleteMedia(auth, '17918920912340654'),
    check: (r) => expect(r).toEqual({ success: true, deletedId: '17918920912340654' }),
  },
  {
    fixture: 'media_fields.doc.json',
    route: ['GET', v('/17918920912340654')],
    call: (c) => c.getMedia(auth, '17918920912340654'),
    check: (r, req) => {
      expect(req.query.fields).toContain('children{');
      expect(r).toMatchObject({
        id: '17918920912340654',
        mediaType: 'IMAGE',
        ownerId: IG,
        children: [],
        caption: null,
      });
    },
  },
  {
    fixture: 'restfb_media-carousel.json',
    route: ['GET', v('/123456789')],
    call: (c) => c.getMedia(auth, '123456789'),
    check: (r) => {
      expect(r.mediaType).toBe('CAROUSEL_ALBUM');
      expect(r.children.map((m: { mediaUrl: string }) => m.mediaUrl)).toEqual([
        '<media url 1>',
        '<media url 2>',
      ]);
      expect(r.isCommentEnabled).toBe(true);
    },
  },
  {
    fixture: 'restfb_media-image.json',
    route: ['GET', v('/123456789')],
    call: (c) => c.getMedia(auth, '123456789'),
    check: (r) =>
      expect(r).toMatchObject({ caption: 'a great picture', commentsCount: 1, igId: '123456789777' }),
  },
  {
    fixture: 'media_list_paging.doc.json',
    route: ['GET', v(`/${IG}/media`)],
    call: (c) => c.listMedia(auth),
    check: (r) => {
      expect(r.items).toHaveLength(6);
      // cursors without `next`: Meta's sign of the last page
      expect(r.after).toBeNull();
    },
  },
  {
    fixture: 'media_publish.doc.json',
    route: ['POST', v(`/${IG}/media_publish`)],
    call: (c) => c.publishContainer(auth, '17889455560051444'),
    check: (r, req) => {
      expect(req.form).toEqual({ creation_id: '17889455560051444' });
      expect(r.id).toBe('17920238422030506');
    },
  },
  {
    fixture: 'mentioned_comment.doc.json',
    route: ['GET', v(`/${IG}`)],
    call: (c) => c.getMentionedComment(auth, '17894227972186120'),
    check: (r, req) => {
      expect(req.query.fields).toMatch(/^mentioned_comment\.comment_id\(17894227972186120\)\{/);
      expect(r).toMatchObject({ id: '17894227972186120', text: '@bluebottle challenge?' });
    },
  },
  {
    fixture: 'mentioned_media.doc.json',
    route: ['GET', v(`/${IG}`)],
    call: (c) => c.getMentionedMedia(auth, '17918195224117851'),
    check: (r, req) => {
      expect(req.query.fields).toMatch(/^mentioned_media\.media_id\(17918195224117851\)\{/);
      expect(r).toMatchObject({ id: '17918195224117851', caption: '@bluebottle There can be only one!' });
    },
  },
  {
    fixture: 'restfb_mentioned-media.json',
    route: ['GET', v(`/${IG}`)],
    call: (c) => c.getMentionedMedia(auth, '17873440459141021'),
    check: (r) => expect(r.caption).toBe('metricsaurus headquarters!'),
  },
  {
    fixture: 'mentions_reply_create.doc.json',
    route: ['POST', v(`/${IG}/mentions`)],
    call: (c) =>
      c.replyToMention(auth, {
        mediaId: '17918195224117851',
        commentId: '17894227972186120',
        message: 'Yes!',
      }),
    check: (r, req) => {
      expect(req.form).toEqual({
        media_id: '17918195224117851',
        comment_id: '17894227972186120',
        message: 'Yes!',
      });
      expect(r.id).toBe('17911496353086895');
    },
  },
  getMessageCase('message_fields.doc.json', (r, req) => {
    expect(req.query.fields).toContain('id,created_time,from,to,message');
    expect(r).toMatchObject({ text: 'Hi Kitty!', from: { id: IGSID, username: 'jane.doe.designs' } });
    expect(r.to).toEqual([{ id: IG, username: 'acme.studio', userId: null }]);
  }),
  getMessageCase('story_mention_message_fields.doc.json', (r) => {
    expect(r.story.mention.id).toBe('17952683714873429');
    expect(r.text).toBeNull();
  }),
  getMessageCase('restfb_v10_instagram-message-story.json', (r) => {
    expect(r.story.replyTo.id).toBe('18074819347285670');
    expect(r.text).toBe('Nice shot !👍🏼');
  }),
  getMessageCase('restfb_v10_instagram-message.json', (r) => {
    expect(r.isUnsupported).toBe(true);
    expect(r.attachments[0]).toMatchObject({
      imageUrl: '<CDN_URL>',
      videoUrl: '<CDN_URL>',
      fileUrl: '<CDN_URL>',
    });
    expect(r.reactions[0].reaction).toBe('love');
    expect(r.shares[0].link).toBe('<URL>');
  }),
  {
    fixture: 'send_message.doc.json',
    route: ['POST', v(`/${IG}/messages`)],
    call: (c) => c.sendMessage(auth, { recipient: { id: IGSID }, message: { text: 'Hello 👋' } }),
    check: (r, req) => {
      expect(req.json).toEqual({ recipient: { id: IGSID }, message: { text: 'Hello 👋' } });
      expect(req.headers['content-type']).toBe('application/json');
      expect(r.recipientId).toBe(IGSID);
      expect(r.messageId).toMatch(/^aWdf/);
    },
  },
  {
    fixture: 'self_message_send.doc.json',
    route: ['POST', v(`/${IG}/messages`)],
    call: (c) => c.sendMessage(auth, { recipient: { id: IG }, message: { text: 'note to self' } }),
    check: (r) => expect(r).toEqual({ recipientId: null, messageId: expect.stringMatching(/^aWdf/) }),
  },
  {
    fixture: 'subscribed_apps_success.doc.json',
    route: ['POST', v('/me/subscribed_apps')],
    call: (c) => c.subscribeApp({ accessToken: TEST_TOKEN }, ['messages', 'comments', 'message_reactions']),
    check: (r, req) => {
      expect(req.form).toEqual({ subscribed_fields: 'messages,comments,message_reactions' });
      expect(r).toBe(true);
    },
  },
];

let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());

describe('GraphClient against every success fixture', () => {
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    stub.on(c.route[0], c.route[1], { body: graphFixture(c.fixture) });
    const { client } = makeGraphClient(stub);
    const before = stub.requests.length;
    const result = await c.call(client);
    expect(stub.requests).toHaveLength(before + 1);
    const req = stub.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(req.query.access_token).toBeUndefined();
    c.check(result, req);
  });

  it('covers every non-OAuth body in the fixtures folder (OAuth ones: oauth.test.ts)', () => {
    const covered = new Set(cases.map((c) => c.fixture));
    const oauth = ['oauth_short_lived_token.doc.json', 'oauth_long_lived_token_exchange.doc.json'];
    oauth.push('oauth_long_lived_token_refresh.doc.json', 'restfb_accesstoken.json');
    const missing = graphFixtureNames().filter((f) => !covered.has(f) && !oauth.includes(f));
    expect(missing).toEqual([]);
  });
});
