import type { AccountRow } from '../accounts/account.repository.js';
import { newId } from '../db/ids.js';
import type { Media } from '../providers/instagram/graph-media-schemas.js';
import { toIsoTime } from '../providers/instagram/webhook-parser.js';
import type { PostRow } from './post.repository.js';
import { type MediaFields, mediaFields } from './post.schema.js';

export interface PagePlan {
  inserts: PostRow[];
  updates: { id: string; patch: Partial<PostRow> }[];
  /** rows whose gallery-visible fields changed (URLs aside: Meta signs them anew) */
  changed: number;
  /**
   * Whether the next page could still hold something an incremental run must see: a new media,
   * a post young enough for its counts to move, or a comment count that moved (new comments to
   * read). A page with none of these ends an incremental run.
   */
  worthNextPage: boolean;
}

// Compared to tell "changed" from "touched"; media_url/thumbnail_url differ on every read.
const compared: (keyof MediaFields)[] = [
  'media_type',
  'media_product_type',
  'caption',
  'permalink',
  'timestamp',
  'like_count',
  'comments_count',
  'children',
];

/** what one Graph page of media does to the stored posts (pure: ids and times come in) */
export function planPage(
  account: Pick<AccountRow, 'id' | 'workspace_id'>,
  items: Media[],
  stored: Map<string, PostRow>,
  now: string,
  recentSince: string,
): PagePlan {
  const plan: PagePlan = { inserts: [], updates: [], changed: 0, worthNextPage: false };
  for (const m of items) {
    // Meta always sends timestamp; without one the media sorts as published at the sync.
    const fields = mediaFields(m, toIsoTime(m.timestamp) ?? now);
    const old = stored.get(m.id);
    if (fields.timestamp >= recentSince) plan.worthNextPage = true;
    if (!old) {
      plan.worthNextPage = true;
      plan.inserts.push({
        id: newId(Date.parse(now)),
        workspace_id: account.workspace_id,
        account_id: account.id,
        ig_media_id: m.id,
        ...fields,
        comments_synced_count: null,
        synced_at: now,
        created_at: now,
        updated_at: now,
      });
      continue;
    }
    if (old.comments_count !== fields.comments_count) plan.worthNextPage = true;
    const changed = compared.some((k) => old[k] !== fields[k]);
    if (changed) plan.changed++;
    plan.updates.push({
      id: old.id,
      patch: { ...fields, synced_at: now, ...(changed ? { updated_at: now } : {}) },
    });
  }
  return plan;
}
