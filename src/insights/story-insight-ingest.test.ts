import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMetaDelivery } from '../providers/instagram/webhook-parser.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import { storyInsightOf } from './story-insight-ingest.service.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), 'utf8'));

/** a delivery as the webhook pipeline stores its events */
function stored(body: unknown): EventRow[] {
  const parsed = parseMetaDelivery(Array.isArray(body) ? body[0] : body, '2026-01-15T12:00:00.000Z');
  return parsed.events.map((e, seq) => ({
    ...{ id: `e${seq}`, delivery_id: 'd1', seq, source: 'meta', kind: e.kind, field: e.field },
    ...{ external_account_id: e.accountExternalId, account_id: 'a1', workspace_id: 'w1' },
    ...{ event_key: `k${seq}`, external_id: e.externalId, sender_id: e.senderId, occurred_at: e.occurredAt },
    ...{
      payload: JSON.stringify(e.payload),
      status: 'pending',
      error: null,
      processed_at: null,
      created_at: '',
    },
  }));
}

describe('story_insights webhooks', () => {
  it.each(['webhooks-fb-login/story_insights.json', 'restfb/wh-story_insights.json'])('reads %s', (path) => {
    const [event] = stored(fixture(path));
    const row = storyInsightOf(event as EventRow);
    const value = fixture(path);
    const v = (Array.isArray(value) ? value[0] : value).entry[0].changes[0].value;
    expect(row).toMatchObject({
      ig_media_id: v.media_id,
      media_product_type: 'STORY',
      source: 'webhook',
      status: 'ok',
      reach: v.reach,
      replies: v.replies,
      exits: v.exits,
      taps_forward: v.taps_forward,
      taps_back: v.taps_back,
      // retired in v22: not kept, and never mistaken for views
      views: null,
    });
    expect(row?.observed_at).toBe(event?.occurred_at);
  });

  it('stores -1 (fewer than 5) as unknown, and a reach under 5 as "not enough viewers"', () => {
    const body = {
      object: 'instagram',
      entry: [
        {
          id: '17841405309211844',
          time: 1768478400,
          changes: [
            {
              field: 'story_insights',
              value: {
                media_id: '18023345989012587',
                reach: -1,
                replies: -1,
                exits: 0,
                taps_forward: 9,
                taps_back: -1,
              },
            },
          ],
        },
      ],
    };
    const row = storyInsightOf(stored(body)[0] as EventRow);
    expect(row).toMatchObject({ status: 'not_enough_viewers', reach: null, replies: null, taps_back: null });
    // 0 is a value Meta gave, not an unknown
    expect(row).toMatchObject({ exits: 0, taps_forward: 9 });
  });

  it('skips an event that names no media', () => {
    const body = {
      object: 'instagram',
      entry: [{ id: '1', time: 1, changes: [{ field: 'story_insights', value: { reach: 9 } }] }],
    };
    expect(stored(body).map((e) => storyInsightOf(e))).toEqual([null]);
  });
});
