import { type GraphRequest, type Route, route, type SimContext } from './context.js';
import { GraphError, graphErrors } from './errors.js';
import { type NodeType, render } from './fields.js';
import { bool, list, str } from './http-io.js';
import type { ContainerStatus, SimAccount, SimContainer } from './types.js';

// Content publishing: POST /{ig-user-id}/media → container; GET /{container-id}?fields=status_code
// until FINISHED; POST /{ig-user-id}/media_publish {creation_id} exactly once; the 24 h quota.
// https://developers.facebook.com/docs/instagram-platform/content-publishing
// Error codes: shared/fixtures/graph-api/errors/TABLE_instagram_content_publishing_error_codes.doc.json

const DAY = 86_400_000;
const MEDIA_TYPES = ['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL'] as const;

export function containerStatus(sim: SimContext, c: SimContainer): ContainerStatus {
  if (c.publishedMediaId) return 'PUBLISHED';
  if (c.forced) return c.forced;
  const age = sim.clock() - c.createdAt;
  if (age >= DAY) return 'EXPIRED';
  return c.polls >= sim.settings.containerPolls && age >= sim.settings.containerProcessingMs
    ? 'FINISHED'
    : 'IN_PROGRESS';
}

const STATUS_TEXT: Record<ContainerStatus, string> = {
  IN_PROGRESS: 'In Progress',
  FINISHED: 'Finished',
  PUBLISHED: 'Published',
  EXPIRED: 'Expired',
  // fixture: container_status_ERROR.INFERRED.json
  ERROR: 'Error: Media upload has failed with error code 2207082',
};

function containerType(r: GraphRequest): NodeType<SimContainer> {
  return {
    name: 'ShadowIGMediaBuilder',
    defaults: ['id'],
    fields: {
      id: (c) => c.id,
      status_code: (c) => containerStatus(r.sim, c),
      status: (c) => STATUS_TEXT[containerStatus(r.sim, c)],
      media_type: (c) => c.mediaType,
    },
  };
}

const err = (code: number, subcode: number, message: string, userMsg?: string, userTitle?: string) =>
  new GraphError({ message, code, subcode, isTransient: false, userTitle, userMsg });
/** observed: publish_9007_2207027_media_not_ready.observed.json */
const notReady = () =>
  err(
    9007,
    2207027,
    'Media ID is not available',
    'The media is not ready to be published. Please wait a moment.',
    'Cannot publish',
  );

function createContainer(r: GraphRequest, account: SimAccount) {
  const p = r.req.params;
  const imageUrl = str(p.image_url);
  const videoUrl = str(p.video_url);
  const mediaType = (str(p.media_type) ?? (videoUrl ? 'VIDEO' : 'IMAGE')).toUpperCase();
  if (!MEDIA_TYPES.includes(mediaType as (typeof MEDIA_TYPES)[number])) {
    throw err(
      100,
      2207023,
      `(#100) The media type ${mediaType} is unknown.`,
      `The media type ${mediaType} is unknown.`,
    );
  }
  const caption = str(p.caption);
  if (caption && caption.length > 2200) {
    throw err(
      36004,
      2207010,
      'The caption is too long.',
      `The submitted image's caption was ${caption.length} characters long. The maximum number of characters permitted for a caption is 2200. Please submit media with a shorter caption.`,
    );
  }
  let children: string[] = [];
  if (mediaType === 'CAROUSEL') {
    children = list(p.children) ?? [];
    if (children.length < 2 || children.length > 10) {
      throw err(
        100,
        2207028,
        '(#100) Carousel must contain 2 to 10 items',
        "Your post won't work as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.",
      );
    }
    for (const id of children) {
      const child = r.sim.state.containers.get(id);
      if (!child || child.accountId !== account.userId || !child.isCarouselItem)
        throw graphErrors.param(`Invalid child container ${id}`);
      if (containerStatus(r.sim, child) !== 'FINISHED') throw notReady();
    }
  } else if (mediaType === 'IMAGE' || (mediaType === 'STORIES' && !videoUrl)) {
    if (!imageUrl) throw graphErrors.missingParam('image_url');
  } else if (!videoUrl) {
    throw graphErrors.missingParam('video_url');
  }
  const container = r.sim.state.addContainer({
    accountId: account.userId,
    mediaType: mediaType as SimContainer['mediaType'],
    imageUrl,
    videoUrl,
    caption,
    isCarouselItem: bool(p.is_carousel_item) ?? false,
    children,
    forced: r.sim.faults.takeContainerOutcome(),
  });
  return { id: container.id };
}

function publish(r: GraphRequest, account: SimAccount) {
  const state = r.sim.state;
  const creationId = str(r.req.params.creation_id);
  if (!creationId) throw graphErrors.missingParam('creation_id');
  const record = (ok: boolean, extra: { mediaId?: string; error?: GraphError }) =>
    state.publishCalls.push({
      at: r.sim.clock(),
      accountId: account.userId,
      creationId,
      ok,
      mediaId: extra.mediaId,
      error: extra.error && { code: extra.error.code, subcode: extra.error.subcode },
    });
  try {
    const mediaId = publishContainer(r, account, creationId);
    record(true, { mediaId });
    return { id: mediaId };
  } catch (e) {
    if (e instanceof GraphError) record(false, { error: e });
    throw e;
  }
}

function publishContainer(r: GraphRequest, account: SimAccount, creationId: string): string {
  const c = r.sim.state.containers.get(creationId);
  const gone = () =>
    err(
      24,
      2207008,
      'The media builder does not exist or has expired',
      `The media builder with creation id = ${creationId} does not exist or has been expired.`,
    );
  if (!c || c.accountId !== account.userId) throw gone();
  const status = containerStatus(r.sim, c);
  // INFERRED: a published container is consumed; Meta answers a second publish as for a missing builder.
  if (status === 'PUBLISHED' || status === 'EXPIRED') throw gone();
  if (status === 'ERROR')
    throw err(-1, 2207032, 'Create media fail', 'Create media fail, please try to re-create media');
  if (status === 'IN_PROGRESS') throw notReady();
  if (c.isCarouselItem) throw graphErrors.param('A carousel item can be published only inside a carousel');
  if (quotaUsage(r.sim, account.userId) >= r.sim.settings.publishingQuota) {
    throw err(
      9,
      2207042,
      'Application request limit reached',
      'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
    );
  }
  const media = materialize(r.sim, c);
  c.publishedMediaId = media;
  return media;
}

function materialize(sim: SimContext, c: SimContainer, isCarouselChild = false): string {
  const video = Boolean(c.videoUrl);
  const children = c.children.flatMap((id) => {
    const child = sim.state.containers.get(id);
    return child ? [materialize(sim, child, true)] : [];
  });
  const media = sim.state.addMedia({
    accountId: c.accountId,
    mediaType: c.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : video ? 'VIDEO' : 'IMAGE',
    productType:
      c.mediaType === 'STORIES'
        ? 'STORY'
        : c.mediaType === 'REELS' || (video && !isCarouselChild)
          ? 'REELS'
          : 'FEED',
    caption: isCarouselChild ? undefined : c.caption,
    mediaUrl: c.videoUrl ?? c.imageUrl ?? '',
    thumbnailUrl: video ? c.imageUrl : undefined,
    timestamp: sim.clock(),
    likeCount: 0,
    commentsEnabled: true,
    children,
    isCarouselChild,
  });
  return media.id;
}

function quotaUsage(sim: SimContext, accountId: string): number {
  const since = sim.clock() - DAY;
  return sim.state.publishCalls.filter((p) => p.ok && p.accountId === accountId && p.at > since).length;
}

export const publishingRoutes: Route[] = [
  route('user', 'POST', 'media', 'instagram_business_content_publish', createContainer),
  route('user', 'POST', 'media_publish', 'instagram_business_content_publish', publish),
  // Each status read counts as a poll: a new container answers IN_PROGRESS `containerPolls` times.
  route('container', 'GET', '', 'instagram_business_content_publish', (r, c) => {
    const body = render(containerType(r), c, r.fields);
    c.polls += 1;
    return body;
  }),
  // fixture: content_publishing_limit.doc.json; without `fields` only quota_usage is returned
  route('user', 'GET', 'content_publishing_limit', 'instagram_business_content_publish', (r, account) => {
    const wanted = new Set(r.fields?.map((f) => f.name) ?? ['quota_usage']);
    const item: Record<string, unknown> = {};
    if (wanted.has('quota_usage')) item.quota_usage = quotaUsage(r.sim, account.userId);
    if (wanted.has('config') || wanted.has('rate_limit_settings')) {
      item.config = { quota_total: r.sim.settings.publishingQuota, quota_duration: 86400 };
    }
    return { data: [item] };
  }),
];
