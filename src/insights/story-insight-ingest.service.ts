import { z } from 'zod';
import type { AccountRow } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import type { Logger } from '../logger.js';
import { idOf } from '../providers/instagram/webhook-parser.js';
import type { InboundEventConsumer } from '../webhooks/inbound-event-consumer.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import type { MediaInsightRepository, MediaInsightWrite } from './media-insight.repository.js';

// The `story_insights` webhook: a story's metrics, sent as it expires (story metrics are gone from
// Graph after 24 hours). A value under 5 arrives as -1 — too few viewers to show — and is stored
// as unknown, never as a number. `impressions`, retired in v22, is ignored.
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights#limitations

const count = z
  .unknown()
  .transform((v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null));

const storyValue = z.object({
  media_id: z.unknown().transform(idOf),
  reach: count.optional(),
  replies: count.optional(),
  exits: count.optional(),
  taps_forward: count.optional(),
  taps_back: count.optional(),
  views: count.optional(),
  shares: count.optional(),
  total_interactions: count.optional(),
});

/** a stored `story_insights` event → the row it writes; null when it names no media */
export function storyInsightOf(e: EventRow): Omit<MediaInsightWrite, 'workspace_id' | 'account_id'> | null {
  let payload: unknown;
  try {
    payload = JSON.parse(e.payload);
  } catch {
    return null;
  }
  // changes[i] ({field, value}) and the flat entry ({id, time, field, value}) both carry `value`
  const parsed = storyValue.safeParse((payload as { value?: unknown } | null)?.value);
  if (!parsed.success || !parsed.data.media_id) return null;
  const v = parsed.data;
  const raw = (payload as { value: { reach?: unknown } }).value;
  return {
    ig_media_id: v.media_id as string,
    media_product_type: 'STORY',
    media_timestamp: e.occurred_at,
    // reach -1: the story was seen by fewer than 5 accounts
    status: raw.reach === -1 ? 'not_enough_viewers' : 'ok',
    source: 'webhook',
    ...{ views: v.views ?? null, reach: v.reach ?? null, likes: null, comments: null, saved: null },
    ...{
      shares: v.shares ?? null,
      total_interactions: v.total_interactions ?? null,
      replies: v.replies ?? null,
    },
    avg_watch_time_ms: null,
    ...{ taps_forward: v.taps_forward ?? null, taps_back: v.taps_back ?? null, exits: v.exits ?? null },
    observed_at: e.occurred_at,
    next_refresh_at: null,
    last_error: null,
  };
}

/** Stores story insights from webhooks; idempotent (a replay writes the same), older events lose. */
export class StoryInsightIngest implements InboundEventConsumer {
  readonly name = 'story-insights';

  constructor(
    private readonly repo: MediaInsightRepository,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async handle(events: EventRow[], account: AccountRow): Promise<void> {
    const at = new Date(this.clock()).toISOString();
    for (const e of events) {
      if (e.kind !== 'story_insights') continue;
      const row = storyInsightOf(e);
      if (!row) {
        this.log.warn({ eventId: e.id }, 'story insights event without a media id skipped');
        continue;
      }
      await this.repo.saveWebhook(
        newId(),
        { ...row, workspace_id: account.workspace_id, account_id: account.id },
        at,
      );
    }
  }
}
