import type { AutoPostMediaType } from '../db/auto-posts-schema.js';
import { errors } from '../errors.js';
import type { ContainerInput } from '../providers/instagram/graph-requests.js';
import { type MediaReach, reachableUrl } from './media-reach.js';

// What each post type publishes and the containers Meta needs for it:
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing
// image: one photo; carousel: 2–10 photos/videos (children first, then the album); reel: one video,
// optional cover and share-to-feed (stand-alone videos are published as reels); story: one photo or
// video, and stories carry no caption.

export interface MediaItem {
  type: 'image' | 'video';
  url: string;
}

export const CAROUSEL_MIN = 2;
export const CAROUSEL_MAX = 10;

const invalid = (message: string) =>
  errors.validation(`Invalid request: body.media: ${message}`, {
    issues: [{ path: 'body.media', message }],
  });

/**
 * The media a post publishes: its explicit list, or else its product's images (the first one, or
 * up to ten for a carousel). Throws validation_failed when the type cannot be built from them.
 */
export function postMedia(
  type: AutoPostMediaType,
  explicit: MediaItem[] | null,
  productImages: string[] | null,
): MediaItem[] {
  const fromProduct = explicit === null;
  const items = explicit ?? (productImages ?? []).map((url): MediaItem => ({ type: 'image', url }));
  if (items.length === 0) {
    throw invalid(
      productImages === null
        ? 'give media, or a product with images'
        : 'the product has no images; add one or give media',
    );
  }
  switch (type) {
    case 'image': {
      const first = items[0] as MediaItem;
      if ((!fromProduct && items.length !== 1) || first.type !== 'image')
        throw invalid('an image post has exactly one image (a video is published as a reel)');
      return [first];
    }
    case 'carousel': {
      const list = fromProduct ? items.slice(0, CAROUSEL_MAX) : items;
      if (list.length < CAROUSEL_MIN || list.length > CAROUSEL_MAX)
        throw invalid(`a carousel has ${CAROUSEL_MIN} to ${CAROUSEL_MAX} items (it has ${list.length})`);
      return list;
    }
    case 'reel': {
      if (fromProduct || items.length !== 1 || items[0]?.type !== 'video')
        throw invalid('a reel is one video: give media [{"type":"video","url":…}]');
      return items;
    }
    case 'story': {
      if (!fromProduct && items.length !== 1) throw invalid('a story is one image or one video');
      return [items[0] as MediaItem];
    }
  }
}

/** every URL Meta will download, made absolute, or the first one it cannot reach (media_not_public) */
export function reachableMedia(items: MediaItem[], coverUrl: string | null, reach: MediaReach) {
  return {
    items: items.map((m) => ({ ...m, url: reachableUrl(m.url, reach) })),
    coverUrl: coverUrl === null ? null : reachableUrl(coverUrl, reach),
  };
}

export interface ContainerPlan {
  /** carousel items, created (and finished) before the album */
  children: ContainerInput[];
  /** builds the container to publish, given the finished children's ids */
  main: (childIds: string[]) => ContainerInput;
}

export function containerPlan(
  type: AutoPostMediaType,
  items: MediaItem[],
  caption: string | null,
  reel: { coverUrl: string | null; shareToFeed: boolean },
): ContainerPlan {
  const text = caption || undefined;
  const first = items[0];
  if (!first) throw invalid('the post has no media');
  switch (type) {
    case 'carousel':
      return {
        children: items.map(
          (m): ContainerInput =>
            m.type === 'video'
              ? { type: 'video', videoUrl: m.url, isCarouselItem: true }
              : { type: 'image', imageUrl: m.url, isCarouselItem: true },
        ),
        main: (children) => ({ type: 'carousel', children, caption: text }),
      };
    case 'reel':
      return {
        children: [],
        main: () => ({
          type: 'reels',
          videoUrl: first.url,
          caption: text,
          coverUrl: reel.coverUrl ?? undefined,
          shareToFeed: reel.shareToFeed,
        }),
      };
    case 'story':
      return {
        children: [],
        main: () =>
          first.type === 'video'
            ? { type: 'story', videoUrl: first.url }
            : { type: 'story', imageUrl: first.url },
      };
    case 'image':
      return { children: [], main: () => ({ type: 'image', imageUrl: first.url, caption: text }) };
  }
}
