import { type ExpressionBuilder, type OnConflictDatabase, type OnConflictTables, sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, MediaInsightTable } from '../db/schema.js';

export type MediaInsightRow = MediaInsightTable;

/** what a Graph read or a webhook says about one media */
export type MediaInsightWrite = Omit<MediaInsightRow, 'id' | 'created_at' | 'updated_at'>;

export type RankMetric = (typeof metricColumns)[number] | 'engagement';

export interface TopQuery {
  metric: RankMetric;
  /** ISO times, `to` exclusive */
  from: string;
  to: string;
  limit: number;
  productType?: string | undefined;
}

/** a ranked media with what its post (if synced) shows */
export type TopRow = MediaInsightRow & {
  post_id: string | null;
  media_type: string | null;
  caption: string | null;
  permalink: string | null;
  media_url: string | null;
  thumbnail_url: string | null;
};

/** a synced post whose insights are due */
export interface DuePost {
  id: string;
  ig_media_id: string;
  media_product_type: string | null;
  timestamp: string;
}

const metricColumns = [
  'views',
  'reach',
  'likes',
  'comments',
  'saved',
  'shares',
  'total_interactions',
  'replies',
  'avg_watch_time_ms',
  'taps_forward',
  'taps_back',
  'exits',
] as const;

type UpdateBuilder = ExpressionBuilder<
  OnConflictDatabase<Database, 'media_insights'>,
  OnConflictTables<'media_insights'>
>;

/** the newest measurement's values, keeping a known value where this one has none */
function latest(eb: UpdateBuilder, w: MediaInsightWrite, at: string) {
  return {
    ...Object.fromEntries(
      metricColumns.map((c) => [c, eb.fn.coalesce(eb.ref(`excluded.${c}`), eb.ref(`media_insights.${c}`))]),
    ),
    status: w.status,
    source: w.source,
    observed_at: w.observed_at,
    updated_at: at,
  };
}

/** Media insights. Each write keeps the newest measurement; a value Meta no longer gives stays known. */
export class MediaInsightRepository {
  constructor(private readonly db: Db) {}

  /**
   * The account's synced posts never read or due again, never-read first. Stories are not in the
   * media edge (they come by webhook); posts older than `oldest` are past Meta's 2-year retention.
   */
  duePosts(accountId: string, now: string, oldest: string, limit: number): Promise<DuePost[]> {
    return this.db
      .selectFrom('posts as p')
      .leftJoin('media_insights as mi', (j) =>
        j.onRef('mi.account_id', '=', 'p.account_id').onRef('mi.ig_media_id', '=', 'p.ig_media_id'),
      )
      .select(['p.id', 'p.ig_media_id', 'p.media_product_type', 'p.timestamp'])
      .where('p.account_id', '=', accountId)
      .where('p.timestamp', '>=', oldest)
      .where((eb) =>
        eb.or([eb('p.media_product_type', 'is', null), eb('p.media_product_type', '!=', 'STORY')]),
      )
      .where((eb) =>
        eb.or([
          eb('mi.id', 'is', null),
          eb.and([eb('mi.next_refresh_at', 'is not', null), eb('mi.next_refresh_at', '<=', now)]),
        ]),
      )
      .orderBy(sql`coalesce(mi.next_refresh_at, '')`)
      .orderBy('p.timestamp', 'desc')
      .limit(limit)
      .execute();
  }

  /** a Graph read: the latest values win, except where Meta gave none this time */
  async saveRead(id: string, w: MediaInsightWrite, at: string): Promise<void> {
    await this.db
      .insertInto('media_insights')
      .values({ id, ...w, created_at: at, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['account_id', 'ig_media_id']).doUpdateSet((eb) => ({
          ...latest(eb, w, at),
          media_product_type: w.media_product_type,
          media_timestamp: w.media_timestamp,
          next_refresh_at: w.next_refresh_at,
          last_error: w.last_error,
        })),
      )
      .execute();
  }

  /**
   * A story_insights webhook: Meta may deliver late, twice or out of order, so an event older than
   * the stored measurement changes nothing.
   */
  async saveWebhook(id: string, w: MediaInsightWrite, at: string): Promise<void> {
    await this.db
      .insertInto('media_insights')
      .values({ id, ...w, created_at: at, updated_at: at })
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'ig_media_id'])
          .doUpdateSet((eb) => latest(eb, w, at))
          .where('media_insights.observed_at', '<=', w.observed_at),
      )
      .execute();
  }

  /**
   * The account's media published in [from, to) ranked by `metric` (a column, or engagement: total
   * interactions per account reached); media without a value for it are not ranked. Stories count
   * without a synced post (they come by webhook); other media only while their post exists.
   */
  top(accountId: string, q: TopQuery): Promise<TopRow[]> {
    const score =
      q.metric === 'engagement'
        ? sql<number | null>`case when mi.reach > 0 then mi.total_interactions * 1.0 / mi.reach end`
        : sql<number | null>`${sql.ref(`mi.${q.metric}`)}`;
    let query = this.db
      .selectFrom('media_insights as mi')
      .leftJoin('posts as p', (j) =>
        j.onRef('p.account_id', '=', 'mi.account_id').onRef('p.ig_media_id', '=', 'mi.ig_media_id'),
      )
      .selectAll('mi')
      .select([
        'p.id as post_id',
        'p.media_type',
        'p.caption',
        'p.permalink',
        'p.media_url',
        'p.thumbnail_url',
      ])
      .where('mi.account_id', '=', accountId)
      .where('mi.media_timestamp', '>=', q.from)
      .where('mi.media_timestamp', '<', q.to)
      .where((eb) => eb.or([eb('p.id', 'is not', null), eb('mi.media_product_type', '=', 'STORY')]))
      .where(score, 'is not', null);
    if (q.productType) query = query.where('mi.media_product_type', '=', q.productType);
    return query.orderBy(score, 'desc').orderBy('mi.media_timestamp', 'desc').limit(q.limit).execute();
  }

  find(accountId: string, igMediaId: string): Promise<MediaInsightRow | undefined> {
    return this.db
      .selectFrom('media_insights')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('ig_media_id', '=', igMediaId)
      .executeTakeFirst();
  }
}
