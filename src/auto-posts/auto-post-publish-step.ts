import type { GraphAuth } from '../providers/instagram/graph-client.js';
import type { AutoPostRow } from './auto-post.repository.js';
import { publishOutcome } from './auto-post-failure.js';
import type { PublisherDeps } from './auto-post-publisher.js';

/** Meta's quota when content_publishing_limit leaves config out: 100 API-published posts per 24 h */
const DEFAULT_QUOTA = 100;
/** how far back a publish whose answer was lost may appear in the account's media */
const LOOKBACK_MS = 60_000;

/**
 * Step 2: the container exists. Exactly once: the container's status_code is read before every
 * media_publish (PUBLISHED means an earlier call went through), publish_attempted_at is committed
 * before the call, and after an answer that never came the account's newest media are searched
 * for the post before media_publish is tried again. Meta answers a second publish of a container
 * with 2207008, but a duplicate post is what this avoids, not an error.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing
 */
export class AutoPostPublishStep {
  constructor(
    private readonly d: Pick<PublisherDeps, 'graph' | 'posts' | 'containers' | 'transitions' | 'writer'>,
  ) {}

  async run(post: AutoPostRow, auth: GraphAuth): Promise<void> {
    const t = this.d.transitions;
    const { state, post: p } = await this.d.containers.check(post, auth);
    switch (state) {
      case 'ERROR':
      case 'EXPIRED':
        return;
      case 'IN_PROGRESS':
        return t.pollLater(p, auth);
      case 'PUBLISHED':
        return t.published(p, await this.findPublished(p, auth), auth);
      case 'FINISHED':
        break;
    }
    if (p.publish_attempted_at) {
      const found = await this.findPublished(p, auth);
      if (found) return t.published(p, found, auth);
    }
    // https://developers.facebook.com/docs/instagram-platform/content-publishing#rate-limit
    const limit = await this.d.graph.getPublishingLimit(auth);
    const total = limit.quotaTotal ?? DEFAULT_QUOTA;
    if (limit.quotaUsage >= total) {
      return t.hold(
        p,
        `Instagram allows ${total} posts through its API per 24 hours and this account has published ${limit.quotaUsage}`,
      );
    }
    const attempted = await this.d.writer.save(
      p,
      { publish_attempted_at: this.d.writer.now() },
      { wake: false },
    );
    let mediaId: string;
    try {
      mediaId = (await this.d.graph.publishContainer(auth, attempted.container_id as string)).id;
    } catch (err) {
      const o = publishOutcome(err);
      // a refusal means nothing was published; only a lost answer leaves the outcome open
      if (o.kind !== 'retry' || !o.outcomeUnknown)
        await this.d.writer.save(attempted, { publish_attempted_at: null }, { wake: false });
      throw err;
    }
    await t.published(attempted, mediaId, auth);
  }

  /**
   * Our post among the account's newest media: published after the attempt began, with the
   * caption we sent, and not already another auto-post's. Stories are not listed by /media, so
   * a story found PUBLISHED is recorded without its id.
   */
  private async findPublished(p: AutoPostRow, auth: GraphAuth): Promise<string | null> {
    const since = Date.parse(p.publish_attempted_at ?? p.containers_created_at ?? p.updated_at) - LOOKBACK_MS;
    const caption = (p.published_caption ?? '').trim();
    const page = await this.d.graph.listMedia(auth, { limit: 25 });
    for (const m of page.items) {
      const at = m.timestamp ? Date.parse(m.timestamp) : 0;
      if (at < since || (m.caption ?? '').trim() !== caption) continue;
      if (!(await this.d.posts.mediaTaken(p.account_id, m.id))) return m.id;
    }
    return null;
  }
}
