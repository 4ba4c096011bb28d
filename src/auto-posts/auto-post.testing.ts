import type { AutoPostRow } from './auto-post.repository.js';
import { emptyProgress } from './auto-post-progress.js';

/** for tests: an image post of workspace ws1, account acc1, scheduled (and due) at `at` */
export function autoPostRow(at: number, over: Partial<AutoPostRow> = {}): AutoPostRow {
  const iso = new Date(at).toISOString();
  return {
    ...{ id: 'p1', workspace_id: 'ws1', account_id: 'acc1', product_id: null, series_id: null },
    ...{ media_type: 'image', media: null, cover_url: null, share_to_feed: 1, caption: 'x' },
    ...{ caption_template: null, caption_template_id: null, locale: 'en-US', first_comment: null },
    ...{ scheduled_at: iso, status: 'pending', ...emptyProgress, next_run_at: iso },
    ...{ locked_until: null, created_at: iso, updated_at: iso },
    ...over,
  };
}
