import { commentType } from './comments.js';
import type { GraphRequest, Route, SimContext } from './context.js';
import { route } from './context.js';
import { graphErrors } from './errors.js';
import { type FieldSpec, render } from './fields.js';
import { str } from './http-io.js';
import { mediaType } from './media.js';
import type { SimAccount, SimComment, SimMedia } from './types.js';

// @mentions of the account in other people's captions and comments: the `mentions` webhook,
// GET /{ig-user-id}?fields=mentioned_media.media_id(…){…} / mentioned_comment.comment_id(…){…},
// POST /{ig-user-id}/mentions to answer. Such media belongs to the customer, not the account.
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/mentions

function mentioned(r: GraphRequest, text: string | undefined) {
  return (text ?? '').toLowerCase().includes(`@${r.account.username.toLowerCase()}`);
}

/** fields of the User node that look up a mention by id */
export function mentionFields(r: GraphRequest) {
  return {
    mentioned_media: (_a: SimAccount, spec: FieldSpec) => {
      const media = r.sim.state.media.get(spec.args?.media_id ?? '');
      if (!media || !mentioned(r, media.caption))
        throw graphErrors.unsupported('GET', spec.args?.media_id ?? '');
      return render(mediaType(r), media, spec.sub ?? null);
    },
    mentioned_comment: (_a: SimAccount, spec: FieldSpec) => {
      const comment = r.sim.state.comments.get(spec.args?.comment_id ?? '');
      if (!comment || !mentioned(r, comment.text))
        throw graphErrors.unsupported('GET', spec.args?.comment_id ?? '');
      return render(commentType(r), comment, spec.sub ?? null);
    },
  };
}

export const mentionRoutes: Route[] = [
  route('user', 'POST', 'mentions', 'instagram_business_manage_comments', (r, account) => {
    const media = r.sim.state.media.get(str(r.req.params.media_id) ?? '');
    if (!media) throw graphErrors.missingParam('media_id');
    const message = str(r.req.params.message);
    if (!message) throw graphErrors.missingParam('message');
    const commentId = str(r.req.params.comment_id);
    const parent = commentId ? r.sim.state.comments.get(commentId) : undefined;
    if (commentId ? !parent || !mentioned(r, parent.text) : !mentioned(r, media.caption)) {
      throw graphErrors.unsupported('POST', commentId ?? media.id);
    }
    const reply = r.sim.state.addComment({
      mediaId: media.id,
      accountId: media.accountId,
      parentId: parent ? (parent.parentId ?? parent.id) : undefined,
      fromId: account.userId,
      fromUsername: account.username,
      text: message,
      timestamp: r.sim.clock(),
      hidden: false,
      likeCount: 0,
    });
    return { id: reply.id };
  }),
];

/** the `mentions` delivery (shared/fixtures/webhooks-fb-login/mentions_*.json) */
export function mentionPayload(account: SimAccount, now: number, media: SimMedia, comment?: SimComment) {
  const value = comment ? { comment_id: comment.id, media_id: media.id } : { media_id: media.id };
  return {
    object: 'instagram',
    entry: [{ id: account.userId, time: Math.floor(now / 1000), changes: [{ field: 'mentions', value }] }],
  };
}

export function addMentionMedia(sim: SimContext, ownerIgsid: string, caption: string): SimMedia {
  return sim.state.addMedia({
    accountId: ownerIgsid,
    mediaType: 'IMAGE',
    productType: 'FEED',
    caption,
    mediaUrl: `/__sim/img/media-mention-${sim.state.media.size + 1}.svg`,
    timestamp: sim.clock(),
    likeCount: 0,
    commentsEnabled: true,
    children: [],
    isCarouselChild: false,
  });
}
