import type { Db } from '../db/database.js';
import type { CommentRow } from './comment.repository.js';

/** keyset cursor of a post's comments: newest first by Meta's timestamp, ties broken by our id */
export const commentCursor = (c: Pick<CommentRow, 'timestamp' | 'id'>) => `${c.timestamp}|${c.id}`;

/** The moderation list: a post's top-level comments, a page at a time, and their replies. */
export class CommentThreadRepository {
  constructor(private readonly db: Db) {}

  listTopLevel(accountId: string, igMediaId: string, cursor: string | undefined, limit: number) {
    let q = this.db
      .selectFrom('comments')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('ig_media_id', '=', igMediaId)
      .where('parent_ig_comment_id', 'is', null)
      .where('deleted', '=', 0);
    if (cursor) {
      // a row-value comparison is one range scan of comments_media_time_idx on both databases
      const [at = '', id = ''] = cursor.split('|');
      q = q.where((eb) => eb(eb.refTuple('timestamp', 'id'), '<', eb.tuple(at, id)));
    }
    return q
      .orderBy('timestamp', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  repliesOf(accountId: string, parentIds: string[]): Promise<CommentRow[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('comments')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('parent_ig_comment_id', 'in', parentIds)
      .where('deleted', '=', 0)
      .orderBy('timestamp', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }
}
