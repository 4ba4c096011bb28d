import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { AutoPostRow } from './auto-post.repository.js';
import { containerErrorMessage, EXPIRED_MESSAGE } from './auto-post-failure.js';
import { containerPlan, type MediaItem } from './auto-post-media.js';
import type { AutoPostTransitions } from './auto-post-transitions.js';
import type { AutoPostWriter } from './auto-post-writer.js';

// Step 1 of publishing: the containers. A carousel's items are created one by one, each id
// committed before the next call, so a restart continues with the missing ones; the album is
// created once every item is FINISHED (Meta refuses unfinished children with 2207027).
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing#carousel-posts
// A container created twice (a lost answer) is harmless: unused containers expire after 24 h.

export type ContainerState = 'FINISHED' | 'IN_PROGRESS' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export class AutoPostContainers {
  constructor(
    private readonly graph: Pick<GraphClient, 'createContainer' | 'getContainerStatus'>,
    private readonly w: AutoPostWriter,
    private readonly t: AutoPostTransitions,
  ) {}

  /** creates what is missing; ends waiting for Meta to process (the next run polls) */
  async build(post: AutoPostRow, auth: GraphAuth): Promise<void> {
    const items = JSON.parse(post.published_media ?? '[]') as MediaItem[];
    const plan = containerPlan(post.media_type, items, post.published_caption, {
      coverUrl: post.published_cover_url,
      shareToFeed: post.share_to_feed === 1,
    });
    let p = post;
    const children = JSON.parse(p.children ?? '[]') as string[];
    if (plan.children.length > 0) {
      for (let i = children.length; i < plan.children.length; i++) {
        const created = await this.graph.createContainer(auth, plan.children[i] as (typeof plan.children)[0]);
        children.push(created.id);
        p = await this.w.save(
          p,
          {
            children: JSON.stringify(children),
            containers_created_at: p.containers_created_at ?? this.w.now(),
          },
          { wake: false },
        );
      }
      const states = await Promise.all(children.map((id) => this.graph.getContainerStatus(auth, id)));
      const broken = states.find((s) => s.statusCode === 'ERROR' || s.statusCode === 'EXPIRED');
      if (broken?.statusCode === 'ERROR')
        return this.t.fail(
          p,
          'container_error',
          `A carousel item failed: ${containerErrorMessage(broken)}`,
          auth,
        );
      if (broken) return this.t.fail(p, 'container_expired', EXPIRED_MESSAGE, auth);
      if (states.some((s) => s.statusCode !== 'FINISHED')) return this.t.pollLater(p, auth);
    }
    const main = await this.graph.createContainer(auth, plan.main(children));
    p = await this.w.save(
      p,
      {
        container_id: main.id,
        container_status: 'IN_PROGRESS',
        containers_created_at: p.containers_created_at ?? this.w.now(),
        polls: 0,
      },
      { wake: false },
    );
    await this.t.pollLater(p, auth);
  }

  /** the container's status_code, recorded on the post; ERROR/EXPIRED end the post here */
  async check(post: AutoPostRow, auth: GraphAuth): Promise<{ state: ContainerState; post: AutoPostRow }> {
    const status = await this.graph.getContainerStatus(auth, post.container_id as string);
    const p =
      status.statusCode === post.container_status
        ? post
        : await this.w.save(post, { container_status: status.statusCode }, { wake: false });
    if (status.statusCode === 'ERROR')
      await this.t.fail(p, 'container_error', containerErrorMessage(status), auth);
    if (status.statusCode === 'EXPIRED') await this.t.fail(p, 'container_expired', EXPIRED_MESSAGE, auth);
    return { state: status.statusCode, post: p };
  }
}
