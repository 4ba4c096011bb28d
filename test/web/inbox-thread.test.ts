import { describe, expect, it } from 'vitest';
import { dictionaries, type TFunction, translate } from '../../web/src/i18n/core.js';
import {
  attachmentPart,
  hasBusinessLove,
  outgoingTypeOf,
  quotedText,
  reactionEmoji,
  storyOf,
} from '../../web/src/pages/inbox/message-parts.js';
import { isPending, senderNote, statusMark } from '../../web/src/pages/inbox/message-status.js';
import { dayKey, groupByDay, mergeMessages } from '../../web/src/pages/inbox/thread.js';
import { clockTime, dayLabel, formatDuration, shortTime } from '../../web/src/pages/inbox/time.js';
import type { AttachmentView, MessageView } from '../../web/src/pages/inbox/types.js';

// The thread's pure logic: pages merged, days grouped, every attachment kind drawn, delivery ticks.

const tIn =
  (lang: 'en' | 'ru' | 'uk'): TFunction =>
  (key, vars) =>
    translate(dictionaries[lang], key, vars);
const t = tIn('en');
const utc = { locale: 'en', timeZone: 'UTC' };
const now = Date.parse('2026-11-22T12:00:00Z');

function msg(id: string, createdAt: string, over: Partial<MessageView> = {}): MessageView {
  return {
    id,
    conversationId: 'c1',
    externalId: `mid.${id}`,
    direction: 'inbound',
    kind: 'text',
    text: `text ${id}`,
    attachments: [],
    replyTo: null,
    quickReplyPayload: null,
    quickReplies: [],
    postback: null,
    referral: null,
    reactions: [],
    status: 'received',
    error: null,
    sentBy: 'customer',
    sentByUserId: null,
    tag: null,
    editCount: 0,
    isDeleted: false,
    createdAt,
    updatedAt: createdAt,
    ...over,
  };
}
const att = (type: string, over: Partial<AttachmentView> = {}): AttachmentView => ({
  type,
  url: `https://files.example/${type}`,
  sourceUrl: null,
  attachmentId: null,
  mimeType: null,
  ...over,
});

describe('thread pages', () => {
  it('merges overlapping newest-first pages into one oldest-first list, the fetched copy winning', () => {
    const shown = [msg('a', '2026-11-22T09:00:00Z'), msg('b', '2026-11-22T10:00:00Z', { status: 'queued' })];
    const fetched = [
      msg('c', '2026-11-22T11:00:00Z'),
      msg('b', '2026-11-22T10:00:00Z', { status: 'sent', direction: 'outbound' }),
    ];
    const merged = mergeMessages(shown, fetched);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(merged[1]?.status).toBe('sent');
  });

  it('groups by calendar day in the reader’s time zone', () => {
    const list = [
      msg('a', '2026-11-21T21:30:00Z'),
      msg('b', '2026-11-21T22:30:00Z'),
      msg('c', '2026-11-22T08:00:00Z'),
    ];
    expect(groupByDay(list, 'UTC').map((g) => [g.day, g.messages.length])).toEqual([
      ['2026-11-21', 2],
      ['2026-11-22', 1],
    ]);
    // In Kyiv (UTC+2) 22:30 UTC is already the next day.
    expect(groupByDay(list, 'Europe/Kyiv').map((g) => [g.day, g.messages.length])).toEqual([
      ['2026-11-21', 1],
      ['2026-11-22', 2],
    ]);
    expect(dayKey('2026-01-01T00:30:00Z', 'America/New_York')).toBe('2025-12-31');
  });
});

describe('times as an operator reads them', () => {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const MIN = 60_000;

  it('shortens list times from "now" to a date', () => {
    expect(shortTime(t, utc, ago(20_000), now)).toBe('now');
    expect(shortTime(t, utc, ago(5 * MIN), now)).toBe('5 min');
    expect(shortTime(t, utc, '2026-11-22T09:05:00Z', now)).toBe('09:05 AM');
    expect(shortTime(tIn('uk'), { ...utc, locale: 'uk' }, '2026-11-21T23:00:00Z', now)).toBe('Учора');
    expect(shortTime(t, utc, '2026-11-18T10:00:00Z', now)).toBe('Wed');
    expect(shortTime(t, utc, '2026-10-02T10:00:00Z', now)).toBe('Oct 2');
    expect(shortTime(t, utc, '2025-10-02T10:00:00Z', now)).toBe('Oct 2, 2025');
    expect(shortTime(t, utc, null, now)).toBe('');
  });

  it('labels days Today, Yesterday, a weekday this week, then a date', () => {
    expect(dayLabel(t, utc, '2026-11-22', now)).toBe('Today');
    expect(dayLabel(tIn('ru'), { ...utc, locale: 'ru' }, '2026-11-21', now)).toBe('Вчера');
    expect(dayLabel(t, utc, '2026-11-18', now)).toBe('Wednesday, November 18');
    expect(dayLabel(tIn('uk'), { ...utc, locale: 'uk' }, '2026-10-02', now)).toBe('2 жовтня');
    expect(dayLabel(t, utc, '2025-10-02', now)).toBe('October 2, 2025');
    expect(clockTime({ locale: 'ru', timeZone: 'UTC' }, '2026-11-22T14:05:00Z')).toBe('14:05');
  });

  it('words durations with abbreviations in every language', () => {
    const H = 60 * MIN;
    expect(formatDuration(t, 3 * H + 12 * MIN + 59_000)).toBe('3 h 12 min');
    expect(formatDuration(tIn('ru'), 3 * H + 12 * MIN)).toBe('3 ч 12 мин');
    expect(formatDuration(tIn('uk'), 3 * H + 12 * MIN)).toBe('3 год 12 хв');
    expect(formatDuration(t, 2 * H)).toBe('2 h');
    expect(formatDuration(t, 47 * MIN)).toBe('47 min');
    expect(formatDuration(t, 30_000)).toBe('less than a minute');
    expect(formatDuration(tIn('uk'), 6 * 24 * H + 5 * H)).toBe('6 дн. 5 год');
  });
});

describe('message parts', () => {
  it('plays media inline, by MIME type first', () => {
    expect(attachmentPart(att('image'))).toEqual({ kind: 'image', src: 'https://files.example/image' });
    expect(attachmentPart(att('video'))).toMatchObject({ kind: 'video' });
    expect(attachmentPart(att('audio'))).toMatchObject({ kind: 'audio' });
    expect(attachmentPart(att('file', { mimeType: 'image/png' }))).toMatchObject({ kind: 'image' });
    expect(attachmentPart(att('file', { mimeType: 'application/pdf' }))).toEqual({
      kind: 'file',
      href: 'https://files.example/file',
    });
    // Meta's URL when there is no stored copy.
    expect(attachmentPart(att('image', { url: null, sourceUrl: 'https://cdn.example/x' }))).toEqual({
      kind: 'image',
      src: 'https://cdn.example/x',
    });
  });

  it('turns shares, reels, posts and stories into cards with a link', () => {
    expect(attachmentPart(att('share'))).toEqual({
      kind: 'card',
      label: 'inbox.card.share',
      href: 'https://files.example/share',
      media: 'image',
    });
    expect(attachmentPart(att('ig_reel', { mimeType: 'video/mp4' }))).toMatchObject({
      label: 'inbox.card.reel',
      media: 'video',
    });
    expect(attachmentPart(att('reel'))).toMatchObject({ label: 'inbox.card.reel' });
    expect(attachmentPart(att('ig_post'))).toMatchObject({ label: 'inbox.card.post' });
    expect(attachmentPart(att('ig_story'))).toMatchObject({ label: 'inbox.card.story' });
    expect(attachmentPart(att('story_mention', { url: null }))).toEqual({
      kind: 'card',
      label: 'inbox.card.storyMention',
      href: null,
      media: 'image',
    });
  });

  it('explains what cannot be shown', () => {
    expect(attachmentPart(att('ephemeral'))).toEqual({ kind: 'note', label: 'inbox.part.ephemeral' });
    expect(attachmentPart(att('unsupported_type'))).toEqual({
      kind: 'note',
      label: 'inbox.part.unsupported',
    });
    expect(attachmentPart(att('image', { url: null }))).toEqual({
      kind: 'note',
      label: 'inbox.part.expired',
    });
    expect(attachmentPart(att('media'))).toMatchObject({ kind: 'image' });
  });

  it('finds the story or the message a reply answers', () => {
    const story = { story: { id: 's1', url: 'https://cdn.example/story.jpg' } };
    expect(storyOf(story)).toEqual({ url: 'https://cdn.example/story.jpg' });
    expect(storyOf({ mid: 'x', messageId: null, text: null })).toBeNull();
    const shown = [msg('a', '2026-11-22T09:00:00Z', { text: 'Сукня є в S?' })];
    expect(quotedText({ mid: 'mid.a', messageId: null, text: null }, shown)).toBe('Сукня є в S?');
    expect(quotedText({ mid: 'x', messageId: 'a', text: null }, shown)).toBe('Сукня є в S?');
    expect(quotedText({ mid: 'x', messageId: null, text: 'quoted' }, [])).toBe('quoted');
    expect(quotedText({ mid: 'gone', messageId: null, text: null }, shown)).toBeNull();
    expect(quotedText(story, shown)).toBeUndefined();
    expect(quotedText(null, shown)).toBeUndefined();
  });

  it('draws reactions and knows whether we already loved a message', () => {
    expect(reactionEmoji({ reaction: 'love', emoji: null })).toBe('❤️');
    expect(reactionEmoji({ reaction: 'other', emoji: '😂' })).toBe('😂');
    const m = msg('a', '2026-11-22T09:00:00Z', {
      reactions: [{ actor: 'customer', reaction: 'love', emoji: '❤️' }],
    });
    expect(hasBusinessLove(m)).toBe(false);
    expect(hasBusinessLove({ reactions: [{ actor: 'business', reaction: 'love', emoji: null }] })).toBe(true);
  });

  it('sends an upload as the type Instagram expects', () => {
    expect(outgoingTypeOf('image/jpeg')).toBe('image');
    expect(outgoingTypeOf('video/mp4')).toBe('video');
    expect(outgoingTypeOf('audio/mpeg')).toBe('audio');
    expect(outgoingTypeOf('application/pdf')).toBe('file');
    expect(outgoingTypeOf('')).toBe('file');
  });
});

describe('delivery status', () => {
  const out = (status: MessageView['status']) => ({ direction: 'outbound' as const, status });

  it('draws a clock, one tick, two ticks or a warning', () => {
    expect(statusMark(out('queued'))).toMatchObject({ symbol: 'clock', label: 'inbox.status.queued' });
    expect(statusMark(out('sending'))).toMatchObject({ symbol: 'clock', tone: 'muted' });
    expect(statusMark(out('sent'))).toMatchObject({ symbol: '✓', tone: 'ok' });
    expect(statusMark(out('read'))).toMatchObject({ symbol: '✓✓', tone: 'read' });
    expect(statusMark(out('failed'))).toMatchObject({ tone: 'bad', label: 'inbox.status.failed' });
    expect(statusMark({ direction: 'inbound', status: 'received' })).toBeNull();
    expect([isPending(out('queued')), isPending(out('sending')), isPending(out('sent'))]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('names senders other than a person in the dashboard', () => {
    expect(senderNote({ direction: 'outbound', sentBy: 'instagram_app' })).toBe('inbox.sentBy.instagram_app');
    expect(senderNote({ direction: 'outbound', sentBy: 'automation' })).toBe('inbox.sentBy.automation');
    expect(senderNote({ direction: 'outbound', sentBy: 'user' })).toBeNull();
    expect(senderNote({ direction: 'inbound', sentBy: 'customer' })).toBeNull();
  });
});
