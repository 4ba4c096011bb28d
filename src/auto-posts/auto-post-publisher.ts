import type { AccountRepository, AccountRow } from '../accounts/account.repository.js';
import type { AccountService } from '../accounts/account.service.js';
import type { Logger } from '../logger.js';
import type { GraphAuth, GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { AutoPostRepository, AutoPostRow } from './auto-post.repository.js';
import { AutoPostBegin } from './auto-post-begin.js';
import type { AutoPostContainers } from './auto-post-containers.js';
import type { AutoPostContent } from './auto-post-content.js';
import { publishOutcome } from './auto-post-failure.js';
import { AutoPostPublishStep } from './auto-post-publish-step.js';
import type { AutoPostSettle } from './auto-post-settle.js';
import type { AutoPostTransitions } from './auto-post-transitions.js';
import type { AutoPostWriter } from './auto-post-writer.js';

/** how long one run owns its post (a crashed run's post is free again after this) */
const LEASE_MS = 5 * 60_000;
/** a queue on another clock may start a wake this much early; later than that, the wake is stale */
const EARLY_MS = 1_000;
const TERMINAL = new Set(['published', 'failed', 'cancelled', 'skipped']);

/** what a rotation decides for its post when the slot is due */
export interface SlotProducts {
  /** the product to post (the planned one, or the next in stock); skip: every product is out of stock */
  slotProduct(post: AutoPostRow): Promise<{ productId: string | null; skip: boolean }>;
}

export interface PublisherDeps {
  posts: Pick<AutoPostRepository, 'claim' | 'release' | 'findById' | 'mediaTaken'>;
  accounts: Pick<AccountRepository, 'findById'>;
  accountService: Pick<AccountService, 'tokenRejected'>;
  graph: GraphClient;
  secrets: Pick<Secrets, 'decrypt'>;
  content: Pick<AutoPostContent, 'resolve'>;
  containers: AutoPostContainers;
  transitions: AutoPostTransitions;
  settle: Pick<AutoPostSettle, 'run'>;
  writer: AutoPostWriter;
  slots: SlotProducts;
  clock: () => number;
  log: Logger;
}

/**
 * The `publish-post` job: takes the post (one run at a time), then moves it one step along
 * pending → containers → status FINISHED → media_publish → published, each step committed before
 * the next. Whatever stopped a run (crash, restart, lost job), the next one reads where it was.
 */
export class AutoPostPublisher {
  private readonly begin: AutoPostBegin;
  private readonly publishStep: AutoPostPublishStep;

  constructor(private readonly d: PublisherDeps) {
    this.begin = new AutoPostBegin(d);
    this.publishStep = new AutoPostPublishStep(d);
  }

  async run(autoPostId: string): Promise<void> {
    const now = this.d.clock();
    const post = await this.d.posts.claim(
      autoPostId,
      new Date(now).toISOString(),
      new Date(now + LEASE_MS).toISOString(),
    );
    if (!post) {
      // Another run holds it. If this wake is due, that run may be the one that enqueued it (the
      // key is ours now, so it cannot be enqueued again): fail, and the queue retries shortly.
      const held = await this.d.posts.findById(autoPostId);
      if (held?.next_run_at && Date.parse(held.next_run_at) <= now + EARLY_MS)
        throw new Error(`auto-post ${autoPostId} is busy with another run; retrying`);
      return;
    }
    try {
      if (!post.next_run_at || Date.parse(post.next_run_at) > now + EARLY_MS) return;
      await this.advance(post);
    } finally {
      await this.d.posts.release(autoPostId);
    }
  }

  private async advance(post: AutoPostRow): Promise<void> {
    const account = await this.d.accounts.findById(post.account_id);
    const auth = this.authOf(account);
    if (TERMINAL.has(post.status)) return this.d.settle.run(post, auth);
    if (!account || !auth) {
      const message =
        'The Instagram account of this post is disconnected or its token was refused; reconnect it';
      return this.d.transitions.fail(post, 'account_unavailable', message, null);
    }
    try {
      await this.step(post, auth);
    } catch (err) {
      await this.failure(post.id, account, auth, err);
    }
  }

  private async step(post: AutoPostRow, auth: GraphAuth): Promise<void> {
    let p = post;
    if (p.status === 'pending' || p.status === 'held') {
      const begun = await this.begin.run(p, auth);
      if (!begun) return;
      p = begun;
    }
    if (!p.container_id) return this.d.containers.build(p, auth);
    return this.publishStep.run(p, auth);
  }

  private async failure(id: string, account: AccountRow, auth: GraphAuth, err: unknown): Promise<void> {
    const o = publishOutcome(err);
    // the failed step may have committed writes: decide on the row as stored
    const post = await this.d.posts.findById(id);
    if (!post) return;
    const t = this.d.transitions;
    switch (o.kind) {
      case 'fail':
        if (o.tokenRejected) await this.d.accountService.tokenRejected(account, o.message);
        return t.fail(post, o.code, o.message, o.tokenRejected ? null : auth);
      case 'retry':
        this.d.log.warn(
          { autoPostId: id, code: o.code, attempt: post.attempts + 1 },
          'publishing step failed; retrying',
        );
        return t.retry(post, o.code, o.message, auth);
      case 'hold':
        return t.hold(post, o.message);
      case 'not_ready':
        return t.pollLater(post, auth);
    }
  }

  private authOf(account: AccountRow | undefined): GraphAuth | null {
    if (account?.provider !== 'instagram' || !account.access_token_enc) return null;
    if (account.status === 'disconnected' || account.status === 'token_expired') return null;
    return { accessToken: this.d.secrets.decrypt(account.access_token_enc), igUserId: account.external_id };
  }
}
