import { describe, expect, it } from 'vitest';
import { EnqueueBatcher } from './enqueue-batcher.js';
import type { NewJobRow } from './sql-job.repository.js';

const row = (id: string) => ({ id }) as NewJobRow;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('EnqueueBatcher', () => {
  it('commits every enqueue of one event-loop turn in one insert', async () => {
    const calls: string[][] = [];
    const committed: string[][] = [];
    const b = new EnqueueBatcher(
      async (rows) => {
        calls.push(rows.map((r) => r.id));
        return rows.map((r) => `db-${r.id}`);
      },
      (rows) => committed.push(rows.map((r) => r.id)),
    );
    const ids = await Promise.all(['a', 'b', 'c'].map((id) => b.add(row(id))));
    expect(ids).toEqual(['db-a', 'db-b', 'db-c']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(committed).toEqual([['a', 'b', 'c']]);
  });

  it('gathers what arrives during a commit into the next one', async () => {
    const calls: string[][] = [];
    const slow = deferred();
    const b = new EnqueueBatcher(
      async (rows) => {
        calls.push(rows.map((r) => r.id));
        if (calls.length === 1) await slow.promise;
        return rows.map((r) => r.id);
      },
      () => {},
    );
    const first = b.add(row('a'));
    await new Promise((r) => setImmediate(r));
    const later = [b.add(row('b')), b.add(row('c'))];
    await new Promise((r) => setImmediate(r));
    const more = b.add(row('d'));
    slow.resolve();
    await Promise.all([first, ...later, more]);
    expect(calls).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('rejects every enqueue of a failed batch and keeps working', async () => {
    let fail = true;
    const b = new EnqueueBatcher(
      async (rows) => {
        if (fail) throw new Error('disk full');
        return rows.map((r) => r.id);
      },
      () => {
        throw new Error('a failing wake-up never reaches the caller');
      },
    );
    const results = await Promise.allSettled([b.add(row('a')), b.add(row('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await b.add(row('c'))).toBe('c');
  });

  it('drain() commits what is pending before it resolves', async () => {
    const calls: string[][] = [];
    const b = new EnqueueBatcher(
      async (rows) => {
        calls.push(rows.map((r) => r.id));
        return rows.map((r) => r.id);
      },
      () => {},
    );
    const p = b.add(row('a'));
    await b.drain();
    expect(calls).toEqual([['a']]);
    await p;
  });
});
