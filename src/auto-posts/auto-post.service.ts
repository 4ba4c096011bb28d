import { newId } from '../db/ids.js';
import type { AutoPostStatus } from '../db/schema.js';
import { errors } from '../errors.js';
import type { AutoPostPatch, AutoPostRepository, AutoPostRow } from './auto-post.repository.js';
import type { CreateAutoPost, PatchAutoPost } from './auto-post.schema.js';
import { type AutoPostInput, draftOf, invalid } from './auto-post-input.js';
import { emptyProgress, retryPatch } from './auto-post-progress.js';
import type { AutoPostScheduler } from './auto-post-scheduler.js';
import type { AutoPostWriter } from './auto-post-writer.js';

/** a post scheduled further back than this is refused (publish-now says what the user meant) */
const PAST_GRACE_MS = 5 * 60_000;

const notPending = (status: AutoPostStatus) =>
  errors.conflict(
    'auto_post_not_pending',
    `The post is ${status}; only a pending post can be changed, cancelled or rescheduled`,
    { status },
  );

/** how long a change waits for a run that still holds the post (a run's last write comes just before it lets go) */
const BUSY_WAIT_MS = 2_000;

const busy = () =>
  errors.conflict('auto_post_publishing', 'The post is being published right now; try again shortly');

/** The API side of auto-posts: create, change, cancel, publish now, delete. Publishing is a job. */
export class AutoPostService {
  constructor(
    private readonly posts: AutoPostRepository,
    private readonly input: AutoPostInput,
    private readonly scheduler: Pick<AutoPostScheduler, 'wake'>,
    private readonly writer: Pick<AutoPostWriter, 'announce'>,
    private readonly clock: () => number,
  ) {}

  async list(workspaceId: string, q: Parameters<AutoPostRepository['page']>[1] & { cursor?: string }) {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.posts.page(workspaceId, { ...q, after, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > q.limit && last
        ? Buffer.from(`${last.scheduled_at}~${last.id}`).toString('base64url')
        : null;
    return { items, nextCursor };
  }

  async get(workspaceId: string, id: string): Promise<AutoPostRow> {
    const row = await this.posts.find(workspaceId, id);
    if (!row) throw errors.notFound('Auto-post');
    return row;
  }

  async create(workspaceId: string, body: CreateAutoPost): Promise<AutoPostRow> {
    const now = this.clock();
    const scheduledAt = body.scheduledAt ?? new Date(now).toISOString();
    if (Date.parse(scheduledAt) < now - PAST_GRACE_MS)
      throw invalid('body.scheduledAt', 'is in the past; leave it out (or use publish-now) to post now');
    const draft = draftOf(undefined, { ...body, scheduledAt });
    const columns = await this.input.check(workspaceId, { ...draft, accountId: body.accountId });
    const at = new Date(now).toISOString();
    const row: AutoPostRow = {
      id: newId(now),
      workspace_id: workspaceId,
      series_id: null,
      ...columns,
      ...emptyProgress,
      status: 'pending',
      next_run_at: columns.scheduled_at,
      locked_until: null,
      created_at: at,
      updated_at: at,
    };
    await this.posts.insert(row);
    await this.scheduler.wake(row);
    this.writer.announce(row);
    return row;
  }

  async update(workspaceId: string, id: string, body: PatchAutoPost): Promise<AutoPostRow> {
    if (body.status === 'cancelled') return this.cancel(workspaceId, id);
    const current = await this.get(workspaceId, id);
    if (current.status !== 'pending') throw notPending(current.status);
    const columns = await this.input.check(workspaceId, draftOf(current, body));
    const patch = { ...columns, next_run_at: columns.scheduled_at };
    return this.change(workspaceId, current, ['pending'], patch);
  }

  /** while pending (or held for quota); a rotation goes on with its next slot */
  async cancel(workspaceId: string, id: string): Promise<AutoPostRow> {
    const current = await this.get(workspaceId, id);
    if (current.status !== 'pending' && current.status !== 'held') throw notPending(current.status);
    const now = new Date(this.clock()).toISOString();
    return this.change(workspaceId, current, ['pending', 'held'], {
      status: 'cancelled',
      error_code: null,
      error_message: null,
      next_run_at: current.series_id ? now : null,
    });
  }

  /** pending: now instead of later; held: check the quota again now; failed: try again */
  async publishNow(workspaceId: string, id: string): Promise<AutoPostRow> {
    const current = await this.get(workspaceId, id);
    const now = new Date(this.clock()).toISOString();
    switch (current.status) {
      case 'pending': {
        // a rotation's post keeps its slot, so the next slot stays where it was
        const scheduled_at = current.series_id ? current.scheduled_at : now;
        return this.change(workspaceId, current, ['pending'], { scheduled_at, next_run_at: now });
      }
      case 'held':
        return this.change(workspaceId, current, ['held'], { next_run_at: now });
      case 'failed':
        return this.change(workspaceId, current, ['failed'], { ...retryPatch(current), next_run_at: now });
      default:
        throw errors.conflict(
          'auto_post_not_pending',
          `The post is ${current.status}; only a pending, held or failed post can be published now`,
          { status: current.status },
        );
    }
  }

  /** anything but a post being published; the Instagram post itself (if any) stays */
  async remove(workspaceId: string, id: string): Promise<void> {
    const current = await this.get(workspaceId, id);
    const now = new Date(this.clock()).toISOString();
    const deletable: AutoPostStatus[] = ['pending', 'held', 'failed', 'cancelled', 'skipped', 'published'];
    if (!(await this.posts.deleteIf(workspaceId, id, deletable, now))) {
      throw busy();
    }
    this.writer.announce({ ...current, status: 'cancelled' });
  }

  private async change(
    workspaceId: string,
    current: AutoPostRow,
    from: AutoPostStatus[],
    patch: AutoPostPatch,
  ): Promise<AutoPostRow> {
    const waitUntil = Date.now() + BUSY_WAIT_MS;
    for (;;) {
      const now = new Date(this.clock()).toISOString();
      const updated = await this.posts.updateIf(workspaceId, current.id, from, now, {
        ...patch,
        updated_at: now,
      });
      if (updated) {
        await this.scheduler.wake(updated);
        this.writer.announce(updated);
        return updated;
      }
      // a run took it meanwhile (it became due, or another request changed it) ...
      const stored = await this.posts.find(workspaceId, current.id);
      if (!stored || !from.includes(stored.status)) throw notPending(stored?.status ?? current.status);
      // ... or a run is finishing with it: it has written its last step and releases the row next
      if (Date.now() >= waitUntil) throw busy();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const m = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)~([\w-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalid('querystring.cursor', 'not a cursor from this list');
  return { at: m[1] as string, id: m[2] as string };
}
