import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Media } from '../providers/instagram/graph-media-schemas.js';
import type { AutoPostRow } from './auto-post.repository.js';
import { toAutoPostView } from './auto-post.schema.js';
import type { AutoPostWriter } from './auto-post-writer.js';

/** what a finished rotation post asks of its series: the next slot's post */
export interface SeriesNext {
  materializeNext(post: AutoPostRow): Promise<void>;
}

/** the gallery (src/posts): a media we published is shown at once, not at the next sync */
export interface Gallery {
  recordMedia(account: { id: string; workspace_id: string }, media: Media): Promise<void>;
}

/**
 * Everything after a post reached its end (published, failed, skipped, cancelled), in a form that
 * is safe to run again after a crash: the permalink is read until known, the first comment is
 * marked before it is posted (so it is posted at most once), the webhook event is keyed by the
 * post, and a series slot gets one post however often it is materialized. next_run_at = null last.
 */
export class AutoPostSettle {
  constructor(
    private readonly w: AutoPostWriter,
    private readonly graph: Pick<GraphClient, 'getMedia' | 'createComment'>,
    private readonly bus: Pick<EventBus, 'toWebhooks'>,
    private readonly series: SeriesNext,
    private readonly gallery: Gallery,
    private readonly log: Logger,
  ) {}

  async run(post: AutoPostRow, auth: GraphAuth | null): Promise<void> {
    let p = post;
    if (p.status === 'published' && auth && p.ig_media_id) {
      const mediaId = p.ig_media_id;
      if (!p.permalink) p = await this.readBack(p, auth, mediaId);
      if (p.first_comment && !p.first_comment_at) p = await this.firstComment(p, auth, mediaId);
    }
    if (p.status === 'published') {
      await this.bus.toWebhooks(p.workspace_id, {
        type: 'post.published',
        data: toAutoPostView(p),
        eventId: `post:${p.id}`,
      });
    }
    if (p.series_id) await this.series.materializeNext(p);
    await this.w.save(p, { next_run_at: null }, { wake: false });
  }

  /**
   * media_publish answers only the id: the permalink (and what the gallery shows) are fields of
   * the published media, read once.
   */
  private async readBack(p: AutoPostRow, auth: GraphAuth, mediaId: string): Promise<AutoPostRow> {
    try {
      const media = await this.graph.getMedia(auth, mediaId);
      await this.gallery.recordMedia({ id: p.account_id, workspace_id: p.workspace_id }, media);
      return media.permalink ? await this.w.save(p, { permalink: media.permalink }, { wake: false }) : p;
    } catch (err) {
      // not worth failing a published post for: the gallery's media sync fills it in later
      this.log.warn(
        { autoPostId: p.id, err: (err as Error).message },
        'permalink of a published post unknown',
      );
      return p;
    }
  }

  // https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/comment-moderation
  private async firstComment(p: AutoPostRow, auth: GraphAuth, mediaId: string): Promise<AutoPostRow> {
    const marked = await this.w.save(p, { first_comment_at: this.w.now() }, { wake: false });
    try {
      const comment = await this.graph.createComment(auth, mediaId, p.first_comment as string);
      return await this.w.save(marked, { first_comment_id: comment.id }, { wake: false });
    } catch (err) {
      const message = `The post is published, but its first comment was not posted: ${(err as Error).message}`;
      return this.w.save(
        marked,
        { error_code: 'first_comment_failed', error_message: message },
        { wake: false },
      );
    }
  }
}
