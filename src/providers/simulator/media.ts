import { absolute, type GraphRequest, graphTime, type Route, route } from './context.js';
import { GraphError } from './errors.js';
import { type NodeType, render } from './fields.js';
import { bool } from './http-io.js';
import { paginate } from './paging.js';
import type { SimMedia } from './types.js';

// Published media: GET /{ig-user-id}/media (and /stories), GET /{media-id}, /{media-id}/children,
// POST /{media-id}?comment_enabled=, DELETE /{media-id}.
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media

export function mediaType(r: GraphRequest): NodeType<SimMedia> {
  const state = r.sim.state;
  const account = (m: SimMedia) => state.accounts.get(m.accountId);
  return {
    name: 'Media',
    defaults: ['id'],
    fields: {
      id: (m) => m.id,
      caption: (m) => m.caption,
      media_type: (m) => m.mediaType,
      media_product_type: (m) => m.productType,
      media_url: (m) => absolute(r.sim, m.mediaUrl),
      thumbnail_url: (m) => (m.thumbnailUrl ? absolute(r.sim, m.thumbnailUrl) : undefined),
      permalink: (m) =>
        `https://www.instagram.com/${m.productType === 'REELS' ? 'reel' : 'p'}/${m.shortcode}/`,
      shortcode: (m) => m.shortcode,
      timestamp: (m) => graphTime(m.timestamp),
      username: (m) => account(m)?.username ?? state.customers.get(m.accountId)?.username,
      owner: (m) => ({ id: m.accountId }),
      like_count: (m) => m.likeCount,
      comments_count: (m) => [...state.comments.values()].filter((c) => c.mediaId === m.id).length,
      is_comment_enabled: (m) => m.commentsEnabled,
      is_shared_to_feed: (m) => (m.productType === 'REELS' ? true : undefined),
      children: (m, spec) =>
        m.children.length
          ? {
              data: m.children
                .flatMap((id) => state.media.get(id) ?? [])
                .map((c) => render(mediaType(r), c, spec.sub ?? null)),
            }
          : undefined,
    },
  };
}

const listMedia = (story: boolean) => (r: GraphRequest) =>
  paginate(r.sim.state.mediaOf(r.account.userId, story ? 'STORY' : undefined), r.req.query, r.link, (m) =>
    render(mediaType(r), m, r.fields),
  );

export const mediaRoutes: Route[] = [
  route('user', 'GET', 'media', 'instagram_business_basic', listMedia(false)),
  route('user', 'GET', 'stories', 'instagram_business_basic', listMedia(true)),
  route('media', 'GET', '', 'instagram_business_basic', (r, m) => render(mediaType(r), m, r.fields)),
  route('media', 'GET', 'children', 'instagram_business_basic', (r, m) => ({
    data: m.children
      .flatMap((id) => r.sim.state.media.get(id) ?? [])
      .map((c) => render(mediaType(r), c, r.fields)),
  })),
  // fixture: media_comment_enabled_update.doc.json
  route('media', 'POST', '', 'instagram_business_manage_comments', (r, m) => {
    const enabled = bool(r.req.params.comment_enabled);
    if (enabled === undefined)
      throw new GraphError({ message: '(#100) The parameter comment_enabled is required', code: 100 });
    m.commentsEnabled = enabled;
    return { success: true };
  }),
  // fixtures: media_delete_success.doc.json, ig_media_delete_-1_2207073_not_supported.doc.json
  route('media', 'DELETE', '', 'instagram_business_content_publish', (r, m) => {
    if (m.productType === 'STORY' || m.productType === 'AD') {
      throw new GraphError({
        message: 'Fatal',
        code: -1,
        subcode: 2207073,
        isTransient: false,
        userTitle: 'Media Type Not Supported',
        userMsg: 'The media type is not supported for this endpoint',
      });
    }
    for (const id of [m.id, ...m.children]) r.sim.state.media.delete(id);
    for (const c of [...r.sim.state.comments.values()])
      if (c.mediaId === m.id) r.sim.state.comments.delete(c.id);
    return { success: true, deleted_id: m.id };
  }),
];
