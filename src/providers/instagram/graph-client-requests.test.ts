import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphStub,
  graphFixture,
  makeGraphClient,
  startGraphStub,
  TEST_TOKEN,
} from '../../../test/support/graph-stub-server.js';
import type { GraphAuth } from './graph-client.js';
import type { ContainerInput, SendMessageInput } from './graph-requests.js';

// The request shapes the client sends for each variant of messaging, publishing and moderation
// (parameter names as in Meta's Instagram-Login reference).

const IG = '17841405309211844';
const IGSID = '6983345578376412';
const auth: GraphAuth = { accessToken: TEST_TOKEN, igUserId: IG };

let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());

const last = () => stub.requests.at(-1)!;

describe('sendMessage / sendReaction', () => {
  const variants: Array<[string, SendMessageInput, unknown]> = [
    [
      'image attachment by URL',
      {
        recipient: { id: IGSID },
        message: { attachment: { type: 'image', url: 'https://cdn.example/a.jpg' } },
      },
      {
        recipient: { id: IGSID },
        message: { attachment: { type: 'image', payload: { url: 'https://cdn.example/a.jpg' } } },
      },
    ],
    [
      'private reply to a comment',
      { recipient: { commentId: '17870913679156914' }, message: { text: 'Sent you the price list' } },
      { recipient: { comment_id: '17870913679156914' }, message: { text: 'Sent you the price list' } },
    ],
    [
      'HUMAN_AGENT tag',
      { recipient: { id: IGSID }, message: { text: 'Sorry for the wait' }, tag: 'HUMAN_AGENT' },
      {
        recipient: { id: IGSID },
        message: { text: 'Sorry for the wait' },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
      },
    ],
  ];

  it.each(variants)('%s', async (_name, input, body) => {
    stub.on('POST', `/v23.0/${IG}/messages`, { body: graphFixture('send_message.doc.json') });
    const { client } = makeGraphClient(stub);
    await client.sendMessage(auth, input);
    expect(last().json).toEqual(body);
  });

  it('reacts and unreacts with sender_action; the answer carries only recipient_id', async () => {
    stub.on('POST', `/v23.0/${IG}/messages`, { body: { recipient_id: IGSID } });
    const { client } = makeGraphClient(stub);
    const r = await client.sendReaction(auth, { recipientId: IGSID, messageId: 'mid.1' });
    expect(last().json).toEqual({
      recipient: { id: IGSID },
      sender_action: 'react',
      payload: { message_id: 'mid.1', reaction: 'love' },
    });
    expect(r).toEqual({ recipientId: IGSID, messageId: null });
    await client.sendReaction(auth, { recipientId: IGSID, messageId: 'mid.1', remove: true });
    expect(last().json).toEqual({
      recipient: { id: IGSID },
      sender_action: 'unreact',
      payload: { message_id: 'mid.1' },
    });
  });
});

describe('createContainer', () => {
  const variants: Array<[ContainerInput, Record<string, string>]> = [
    [
      { type: 'image', imageUrl: 'https://cdn.example/1.jpg', isCarouselItem: true, altText: 'red mug' },
      { image_url: 'https://cdn.example/1.jpg', is_carousel_item: 'true', alt_text: 'red mug' },
    ],
    [
      { type: 'video', videoUrl: 'https://cdn.example/2.mp4', isCarouselItem: true },
      { media_type: 'VIDEO', video_url: 'https://cdn.example/2.mp4', is_carousel_item: 'true' },
    ],
    [
      {
        type: 'reels',
        videoUrl: 'https://cdn.example/r.mp4',
        caption: 'c',
        thumbOffset: 1500,
        shareToFeed: true,
      },
      {
        media_type: 'REELS',
        video_url: 'https://cdn.example/r.mp4',
        caption: 'c',
        thumb_offset: '1500',
        share_to_feed: 'true',
      },
    ],
    [
      { type: 'story', imageUrl: 'https://cdn.example/s.jpg' },
      { media_type: 'STORIES', image_url: 'https://cdn.example/s.jpg' },
    ],
    [
      { type: 'story', videoUrl: 'https://cdn.example/s.mp4' },
      { media_type: 'STORIES', video_url: 'https://cdn.example/s.mp4' },
    ],
    [
      { type: 'carousel', children: ['111', '222', '333'], caption: 'Set of 3' },
      { media_type: 'CAROUSEL', children: '111,222,333', caption: 'Set of 3' },
    ],
  ];

  it.each(variants)('%o', async (input, form) => {
    stub.on('POST', `/v23.0/${IG}/media`, { body: graphFixture('media_container_create.doc.json') });
    const { client } = makeGraphClient(stub);
    expect(await client.createContainer(auth, input)).toEqual({ id: '17889455560051444' });
    expect(last().form).toEqual(form);
  });
});

describe('profile, subscriptions and moderation', () => {
  it('gets a customer profile by IGSID with the documented fields', async () => {
    // fields from the User Profile API reference (no captured body in the fixtures)
    stub.on('GET', `/v23.0/${IGSID}`, {
      body: {
        name: 'Jane Doe',
        username: 'jane.doe.designs',
        profile_pic: 'https://cdn.example/p.jpg',
        follower_count: 1200,
        is_user_follow_business: true,
        is_business_follow_user: false,
        id: IGSID,
      },
    });
    const { client } = makeGraphClient(stub);
    const p = await client.getUserProfile(auth, IGSID);
    expect(last().query.fields).toBe(
      'name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user',
    );
    expect(p).toEqual({
      id: IGSID,
      name: 'Jane Doe',
      username: 'jane.doe.designs',
      profilePic: 'https://cdn.example/p.jpg',
      followerCount: 1200,
      isUserFollowBusiness: true,
      isBusinessFollowUser: false,
    });
  });

  it('lists and deletes the webhook subscription', async () => {
    stub.on('GET', '/v23.0/me/subscribed_apps', {
      body: {
        data: [{ id: '990011223344', name: 'Relaydesk', subscribed_fields: ['messages', 'comments'] }],
      },
    });
    stub.on('DELETE', '/v23.0/me/subscribed_apps', {
      body: graphFixture('subscribed_apps_success.doc.json'),
    });
    const { client } = makeGraphClient(stub);
    expect(await client.getSubscribedApps({ accessToken: TEST_TOKEN })).toEqual([
      { appId: '990011223344', name: 'Relaydesk', subscribedFields: ['messages', 'comments'] },
    ]);
    expect(await client.unsubscribeApp({ accessToken: TEST_TOKEN })).toBe(true);
    expect(last().method).toBe('DELETE');
  });

  it('hides, unhides and deletes a comment', async () => {
    stub.on('POST', '/v23.0/1787', { body: { success: true } });
    stub.on('DELETE', '/v23.0/1787', { body: { success: true } });
    const { client } = makeGraphClient(stub);
    expect(await client.setCommentHidden(auth, '1787', true)).toBe(true);
    expect(last().form).toEqual({ hide: 'true' });
    await client.setCommentHidden(auth, '1787', false);
    expect(last().form).toEqual({ hide: 'false' });
    expect(await client.deleteComment(auth, '1787')).toBe(true);
    expect(last().method).toBe('DELETE');
  });

  it('escapes ids in paths', async () => {
    stub.on('GET', '/v23.0/a%2Fb', { body: graphFixture('media_fields.doc.json') });
    const { client } = makeGraphClient(stub);
    await client.getMedia(auth, 'a/b');
    expect(last().path).toBe('/v23.0/a%2Fb');
  });
});
