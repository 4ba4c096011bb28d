import type { MessageKey } from '../../i18n/en.js';
import type { AttachmentView, MessageView, OutgoingAttachmentType, ReplyTo } from './types.js';

// How each kind of Instagram attachment is drawn. Media play inline; shared posts, reels and
// stories become cards with a link; what Instagram does not let an API show gets a note.
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples#messages

export type Part =
  | { kind: 'image' | 'video' | 'audio'; src: string }
  | { kind: 'file'; href: string }
  | { kind: 'card'; label: MessageKey; href: string | null; media: 'image' | 'video' | null }
  | { kind: 'note'; label: MessageKey };

const cards: Record<string, MessageKey> = {
  share: 'inbox.card.share',
  ig_reel: 'inbox.card.reel',
  reel: 'inbox.card.reel',
  ig_post: 'inbox.card.post',
  story: 'inbox.card.story',
  ig_story: 'inbox.card.story',
  story_mention: 'inbox.card.storyMention',
};

/** image, video or audio judged by the MIME type first, then by Instagram's attachment type */
export function mediaOf(a: Pick<AttachmentView, 'type' | 'mimeType'>): 'image' | 'video' | 'audio' | null {
  const major = a.mimeType?.split('/')[0];
  if (major === 'image' || major === 'video' || major === 'audio') return major;
  if (a.type === 'image' || a.type === 'video' || a.type === 'audio') return a.type;
  return null;
}

export function attachmentPart(a: AttachmentView): Part {
  const href = a.url ?? a.sourceUrl;
  if (a.type === 'ephemeral') return { kind: 'note', label: 'inbox.part.ephemeral' };
  const card = cards[a.type];
  if (card) {
    const media = mediaOf(a);
    return { kind: 'card', label: card, href, media: media === 'audio' ? null : (media ?? 'image') };
  }
  if (a.type === 'unsupported_type') return { kind: 'note', label: 'inbox.part.unsupported' };
  if (!href) return { kind: 'note', label: 'inbox.part.expired' };
  const media = mediaOf(a);
  if (media) return { kind: media, src: href };
  // 'media' is a photo or a video; a picture that fails to load falls back to a link.
  if (a.type === 'media') return { kind: 'image', src: href };
  return { kind: 'file', href };
}

/** The story a customer answered, if this message is a story reply. */
export function storyOf(replyTo: ReplyTo | null): { url: string | null } | null {
  return replyTo && 'story' in replyTo ? { url: replyTo.story.url } : null;
}

/** The text of the message this one answers, found in the reply itself or among the shown ones. */
export function quotedText(
  replyTo: ReplyTo | null,
  shown: readonly MessageView[],
): string | null | undefined {
  if (!replyTo || 'story' in replyTo) return undefined;
  // A private reply quotes the comment it answers.
  if ('comment' in replyTo) return replyTo.comment.text;
  if (replyTo.text) return replyTo.text;
  const target = shown.find((m) => m.id === replyTo.messageId || m.externalId === replyTo.mid);
  return target?.text ?? null;
}

/** The emoji to draw for a reaction: the one Instagram sent, else ours for its name. */
export function reactionEmoji(r: { reaction: string; emoji: string | null }): string {
  if (r.emoji) return r.emoji;
  return r.reaction === 'love' ? '❤️' : r.reaction;
}

export const hasBusinessLove = (m: Pick<MessageView, 'reactions'>) =>
  m.reactions.some((r) => r.actor === 'business' && r.reaction === 'love');

/** What an uploaded file is sent as: Instagram takes image, video, audio or file. */
export function outgoingTypeOf(mimeType: string): OutgoingAttachmentType {
  const major = mimeType.split('/')[0];
  return major === 'image' || major === 'video' || major === 'audio' ? major : 'file';
}
