/**
 * Collects writes that arrive in the same event-loop turn and commits them in one transaction.
 * With SQLite in WAL + synchronous=FULL every commit is an fsync; one commit for a whole burst
 * of deliveries instead of one each is what lets ingestion keep up under load while still
 * answering 200 only after the delivery is durable.
 */
export class CommitBatcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (items: T[]) => Promise<R[]>,
    /** told about each committed batch, after its callers were answered */
    private readonly committed: (items: T[], results: R[]) => void = () => {},
    private readonly maxBatch = 500,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.schedule());
      }
    });
  }

  /** resolves when everything added so far is committed (shutdown) */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled) {
      await this.flushing;
      await new Promise((r) => setImmediate(r));
    }
    await this.flushing;
  }

  // One flush at a time: items arriving during a commit wait for the next one, which then
  // carries all of them.
  private schedule(): void {
    this.flushing = this.flushing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const items = batch.map((p) => p.item);
        const results = await this.commit(items);
        for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
        this.committed(items, results);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
  }
}
