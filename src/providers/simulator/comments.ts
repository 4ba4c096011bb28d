import { type GraphRequest, graphTime, type Route, route, type SimContext } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { type NodeType, render } from './fields.js';
import { bool, str } from './http-io.js';
import { paginate } from './paging.js';
import type { SimAccount, SimComment, SimMedia } from './types.js';
import { commentPayload } from './webhook-payloads.js';

// Comment moderation: list, reply, hide, delete.
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/comment-moderation

export function commentType(r: GraphRequest): NodeType<SimComment> {
  const state = r.sim.state;
  return {
    name: 'Comment',
    // fixture: media_comments.doc.json lists timestamp, text, id
    defaults: ['timestamp', 'text', 'id'],
    fields: {
      id: (c) => c.id,
      text: (c) => c.text,
      timestamp: (c) => graphTime(c.timestamp),
      username: (c) => c.fromUsername,
      from: (c) => ({ id: c.fromId, username: c.fromUsername }),
      hidden: (c) => c.hidden,
      like_count: (c) => c.likeCount,
      media: (c) => ({ id: c.mediaId, media_product_type: state.media.get(c.mediaId)?.productType }),
      parent_id: (c) => c.parentId,
      // only present on the account's own comments
      user: (c) => (c.fromId === r.account.userId ? { id: c.fromId } : undefined),
      replies: (c, spec) => ({
        data: state
          .commentsOf(c.mediaId, c.id)
          .slice(0, spec.limit ?? 25)
          .map((x) => render(commentType(r), x, spec.sub ?? null)),
      }),
    },
  };
}

/** adds a comment and sends the `comments` webhook (Meta sends it for the account's own replies too) */
export function addComment(
  sim: SimContext,
  account: SimAccount,
  media: SimMedia,
  input: { fromId: string; fromUsername: string; text: string; parentId?: string; timestamp?: number },
): SimComment {
  const comment = sim.state.addComment({
    mediaId: media.id,
    accountId: account.userId,
    parentId: input.parentId,
    fromId: input.fromId,
    fromUsername: input.fromUsername,
    text: input.text,
    timestamp: input.timestamp ?? sim.clock(),
    hidden: false,
    likeCount: 0,
  });
  sim.webhooks.emit(account, 'comments', commentPayload(sim, account, comment, media));
  return comment;
}

function ownComment(r: GraphRequest, media: SimMedia, parentId?: string) {
  const text = str(r.req.params.message);
  if (!text) throw graphErrors.missingParam('message');
  if (!media.commentsEnabled) {
    throw new GraphError({ message: '(#100) Comments are disabled for this media', code: 100 });
  }
  const a = r.account;
  return {
    id: addComment(r.sim, a, media, { fromId: a.userId, fromUsername: a.username, text, parentId }).id,
  };
}

const mediaOf = (r: GraphRequest, c: SimComment) => r.sim.state.media.get(c.mediaId) as SimMedia;

export const commentRoutes: Route[] = [
  route('media', 'GET', 'comments', 'instagram_business_manage_comments', (r, m) =>
    paginate(r.sim.state.commentsOf(m.id), r.req.query, r.link, (c) => render(commentType(r), c, r.fields)),
  ),
  route('media', 'POST', 'comments', 'instagram_business_manage_comments', (r, m) => ownComment(r, m)),
  route('comment', 'GET', '', 'instagram_business_manage_comments', (r, c) =>
    render(commentType(r), c, r.fields),
  ),
  route('comment', 'GET', 'replies', 'instagram_business_manage_comments', (r, c) =>
    paginate(r.sim.state.commentsOf(c.mediaId, c.id), r.req.query, r.link, (x) =>
      render(commentType(r), x, r.fields),
    ),
  ),
  // Replies are only one level deep: a reply to a reply lands on its top-level comment.
  route('comment', 'POST', 'replies', 'instagram_business_manage_comments', (r, c) =>
    ownComment(r, mediaOf(r, c), c.parentId ?? c.id),
  ),
  route('comment', 'POST', '', 'instagram_business_manage_comments', (r, c) => {
    const hide = bool(r.req.params.hide);
    if (hide === undefined) throw graphErrors.missingParam('hide');
    c.hidden = hide;
    return { success: true };
  }),
  route('comment', 'DELETE', '', 'instagram_business_manage_comments', (r, c) => {
    for (const x of [...r.sim.state.comments.values()])
      if (x.id === c.id || x.parentId === c.id) r.sim.state.comments.delete(x.id);
    return { success: true };
  }),
];
