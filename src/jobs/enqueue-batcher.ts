import type { NewJobRow } from './sql-job.repository.js';

interface Pending {
  row: NewJobRow;
  resolve: (id: string) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for enqueues: everything enqueued in one event-loop turn becomes one transaction,
 * and while that commits the next turns pile up into the following one. Webhook ingestion enqueues
 * a job per delivery at thousands a second; one fsync per batch instead of per job keeps up.
 */
export class EnqueueBatcher {
  private pending: Pending[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly insert: (rows: NewJobRow[]) => Promise<string[]>,
    /** told about each committed batch (wakes the worker); its errors never reach the callers */
    private readonly onCommitted: (rows: NewJobRow[]) => void,
  ) {}

  add(row: NewJobRow): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      this.schedule();
    });
  }

  /** commits what is pending now and resolves when nothing is left in flight */
  async drain(): Promise<void> {
    while (this.inFlight || this.pending.length > 0) {
      if (!this.inFlight) this.flush();
      await this.inFlight;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = this.commit(batch).finally(() => {
      this.inFlight = null;
      if (this.pending.length > 0) this.schedule();
    });
  }

  private async commit(batch: Pending[]): Promise<void> {
    let ids: string[];
    try {
      ids = await this.insert(batch.map((p) => p.row));
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    for (const [i, p] of batch.entries()) p.resolve(ids[i] ?? p.row.id);
    try {
      this.onCommitted(batch.map((p) => p.row));
    } catch {
      // a failed wake-up only delays the jobs until the next poll
    }
  }
}
