// Input types of the GraphClient and the pure functions that turn them into Graph parameters.
// Kept apart from the transport so the parameter names (checked against Meta's docs) sit in one place.

// ---- messaging ------------------------------------------------------------------------------
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
// https://developers.facebook.com/docs/instagram-platform/private-replies

/** an IGSID, or a comment id for a private reply (one per comment, within 7 days) */
export type MessageRecipient = { id: string } | { commentId: string };

export type AttachmentType = 'image' | 'video' | 'audio' | 'file';

/** a button under a text; Instagram sends its payload back as message.quick_reply.payload */
export interface QuickReply {
  title: string;
  payload: string;
}

export type OutgoingMessage =
  | { text: string; quickReplies?: QuickReply[] }
  | { attachment: { type: AttachmentType; url: string } };

export interface SendMessageInput {
  recipient: MessageRecipient;
  message: OutgoingMessage;
  /** HUMAN_AGENT: only for messages a person wrote, up to 7 days after the customer's last message */
  tag?: 'HUMAN_AGENT';
}

export interface SendReactionInput {
  recipientId: string;
  /** the mid of the message being reacted to */
  messageId: string;
  /** Instagram supports 'love' */
  reaction?: string;
  /** true removes the reaction (sender_action unreact) */
  remove?: boolean;
}

export function sendMessageBody(input: SendMessageInput): Record<string, unknown> {
  const recipient =
    'commentId' in input.recipient ? { comment_id: input.recipient.commentId } : { id: input.recipient.id };
  const message =
    'text' in input.message
      ? {
          text: input.message.text,
          ...(input.message.quickReplies?.length && {
            quick_replies: input.message.quickReplies.map((q) => ({ content_type: 'text', ...q })),
          }),
        }
      : {
          attachment: { type: input.message.attachment.type, payload: { url: input.message.attachment.url } },
        };
  const body: Record<string, unknown> = { recipient, message };
  if (input.tag) {
    body.messaging_type = 'MESSAGE_TAG';
    body.tag = input.tag;
  }
  return body;
}

export function sendReactionBody(input: SendReactionInput): Record<string, unknown> {
  return input.remove
    ? {
        recipient: { id: input.recipientId },
        sender_action: 'unreact',
        payload: { message_id: input.messageId },
      }
    : {
        recipient: { id: input.recipientId },
        sender_action: 'react',
        payload: { message_id: input.messageId, reaction: input.reaction ?? 'love' },
      };
}

// ---- publishing -----------------------------------------------------------------------------
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing

export type ContainerInput =
  | { type: 'image'; imageUrl: string; caption?: string; altText?: string; isCarouselItem?: boolean }
  /** a video inside a carousel (stand-alone videos are published as reels) */
  | { type: 'video'; videoUrl: string; isCarouselItem: true }
  | {
      type: 'reels';
      videoUrl: string;
      caption?: string;
      coverUrl?: string;
      /** milliseconds into the video for the cover frame */
      thumbOffset?: number;
      shareToFeed?: boolean;
    }
  | { type: 'story'; imageUrl: string }
  | { type: 'story'; videoUrl: string }
  /** children: ids of 2–10 finished item containers */
  | { type: 'carousel'; children: string[]; caption?: string };

export function containerParams(input: ContainerInput): Record<string, string> {
  const p: Record<string, string | undefined> = {};
  switch (input.type) {
    case 'image':
      Object.assign(p, { image_url: input.imageUrl, caption: input.caption, alt_text: input.altText });
      if (input.isCarouselItem) p.is_carousel_item = 'true';
      break;
    case 'video':
      Object.assign(p, { media_type: 'VIDEO', video_url: input.videoUrl, is_carousel_item: 'true' });
      break;
    case 'reels':
      Object.assign(p, {
        media_type: 'REELS',
        video_url: input.videoUrl,
        caption: input.caption,
        cover_url: input.coverUrl,
      });
      if (input.thumbOffset !== undefined) p.thumb_offset = String(input.thumbOffset);
      if (input.shareToFeed !== undefined) p.share_to_feed = String(input.shareToFeed);
      break;
    case 'story':
      p.media_type = 'STORIES';
      if ('imageUrl' in input) p.image_url = input.imageUrl;
      else p.video_url = input.videoUrl;
      break;
    case 'carousel':
      Object.assign(p, {
        media_type: 'CAROUSEL',
        children: input.children.join(','),
        caption: input.caption,
      });
      break;
  }
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined));
}

// ---- insights -------------------------------------------------------------------------------
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/insights
// impressions/plays are deprecated: use views, reach, total_interactions…

export interface AccountInsightsQuery {
  metrics: string[];
  period: 'day' | 'week' | 'days_28' | 'month' | 'lifetime';
  metricType?: 'time_series' | 'total_value';
  since?: Date | number;
  until?: Date | number;
  breakdown?: string;
  timeframe?: string;
}

export interface MediaInsightsQuery {
  metrics: string[];
  period?: string;
  breakdown?: string;
}

/** Date or epoch milliseconds → the unix seconds Graph expects */
export function unixSeconds(t: Date | number | undefined): number | undefined {
  if (t === undefined) return undefined;
  return Math.floor((t instanceof Date ? t.getTime() : t) / 1000);
}

export function accountInsightsParams(q: AccountInsightsQuery): Record<string, string | number | undefined> {
  return {
    metric: q.metrics.join(','),
    period: q.period,
    metric_type: q.metricType,
    since: unixSeconds(q.since),
    until: unixSeconds(q.until),
    breakdown: q.breakdown,
    timeframe: q.timeframe,
  };
}

// ---- fields ---------------------------------------------------------------------------------

export const fields = {
  me: 'user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count',
  account:
    'id,user_id,username,name,biography,website,account_type,profile_picture_url,followers_count,follows_count,media_count',
  userProfile: 'name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user',
  message: 'id,created_time,from,to,message,attachments,reactions,shares,story,is_unsupported',
  conversation: 'id,updated_time,participants',
  mediaCore:
    'id,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,caption,timestamp,username,like_count,comments_count,is_comment_enabled',
  comment: 'id,text,timestamp,username,from,like_count,hidden,parent_id,media{id,media_product_type}',
} as const;

// children (carousel items) do not carry caption, counts or comment settings
const childFields = 'id,media_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username';
export const mediaFields = `${fields.mediaCore},owner,children{${childFields}}`;
export const conversationWithMessagesFields = `${fields.conversation},messages{${fields.message}}`;
