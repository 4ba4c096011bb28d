import type { SimContext } from './context.js';
import { resolveAccount } from './customer-events.js';
import type { SimMedia } from './types.js';
import type { WebhookDelivery } from './webhooks.js';

// The `story_insights` webhook: Meta sends a story's final metrics when it expires, in the
// entry[].changes[] shape, and a value under 5 arrives as -1 (too few viewers to show).
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples
// (shared/fixtures/webhooks-fb-login/story_insights.json). `impressions`, retired in v22, is not sent.

export interface StoryInsightsInput {
  /** the account (default: the first) */
  to?: string;
  /** an existing story; default: a new story posted 24 hours ago */
  mediaId?: string;
  reach?: number;
  replies?: number;
  exits?: number;
  tapsForward?: number;
  tapsBack?: number;
}

const masked = (v: number) => (v < 5 ? -1 : v);

export function storyInsights(
  sim: SimContext,
  input: StoryInsightsInput,
): { media: SimMedia; delivery: WebhookDelivery } {
  const account = resolveAccount(sim, input.to);
  const now = sim.clock();
  const media =
    (input.mediaId ? sim.state.media.get(input.mediaId) : undefined) ??
    sim.state.addMedia({
      accountId: account.userId,
      mediaType: 'IMAGE',
      productType: 'STORY',
      mediaUrl: `/__sim/img/story-${account.username}-${now}.svg`,
      timestamp: now - 24 * 3600_000,
      likeCount: 0,
      commentsEnabled: false,
      children: [],
      isCarouselChild: false,
    });
  const value = {
    media_id: media.id,
    exits: masked(input.exits ?? 3),
    replies: masked(input.replies ?? 0),
    reach: masked(input.reach ?? 44),
    taps_forward: masked(input.tapsForward ?? 12),
    taps_back: masked(input.tapsBack ?? 6),
  };
  const payload = {
    object: 'instagram',
    entry: [
      { id: account.userId, time: Math.floor(now / 1000), changes: [{ field: 'story_insights', value }] },
    ],
  };
  return { media, delivery: sim.webhooks.emit(account, 'story_insights', payload) };
}
