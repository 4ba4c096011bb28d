import type { GraphAuth } from '../providers/instagram/graph-client.js';
import type { AutoPostRow } from './auto-post.repository.js';
import type { PublisherDeps } from './auto-post-publisher.js';

/**
 * Step 0, when a post falls due (or a held one gets its turn): what it publishes is decided now,
 * not when it was saved. A rotation swaps in the next product in stock (or skips the slot), the
 * template is rendered with today's price, and the media are checked for Meta to reach; the
 * result is stored on the post, so every later step (and a restart) uses the same media and text.
 */
export class AutoPostBegin {
  constructor(private readonly d: Pick<PublisherDeps, 'writer' | 'slots' | 'content' | 'settle'>) {}

  async run(post: AutoPostRow, auth: GraphAuth): Promise<AutoPostRow | null> {
    const w = this.d.writer;
    // a failed post retried after an unconfirmed publish keeps its containers: they are checked first
    if (post.container_id && post.publish_attempted_at)
      return w.save(post, { status: 'publishing' }, { wake: false });
    const slot = await this.d.slots.slotProduct(post);
    if (slot.skip) {
      const message = 'Every product of the rotation was out of stock at the time of this post';
      const skipped = await w.save(
        post,
        { status: 'skipped', error_code: 'out_of_stock', error_message: message, next_run_at: w.now() },
        { wake: false },
      );
      await this.d.settle.run(skipped, auth);
      return null;
    }
    const content = await this.d.content.resolve({ ...post, product_id: slot.productId });
    return w.save(
      post,
      {
        status: 'publishing',
        product_id: slot.productId,
        published_media: JSON.stringify(content.items),
        published_cover_url: content.coverUrl,
        published_caption: content.caption,
        error_code: null,
        error_message: null,
        attempts: 0,
        polls: 0,
        children: null,
        container_id: null,
        container_status: null,
        containers_created_at: null,
        publish_attempted_at: null,
      },
      { wake: false },
    );
  }
}
