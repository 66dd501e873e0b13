// The queue between a push query and its client: every row once, in order, however long the
// queue grows and however pushes and reads interleave.
import { describe, it, expect } from 'vitest';
import { AsyncQueue } from '../../src/engine/async-queue.js';
import { pushRowBatches } from '../../src/engine/push-row-batches.js';
import type { PushRows } from '../../src/engine/statement-result.js';

describe('AsyncQueue', () => {
  it('hands out 100,000 queued rows once each, in order, with pushes in between', async () => {
    const q = new AsyncQueue<number>();
    for (let i = 0; i < 100_000; i++) q.push(i);
    const it = q[Symbol.asyncIterator]();
    const seen: number[] = [];
    let next = 100_000;
    for (let i = 0; i < 150_000; i++) {
      if (i % 3 === 0) q.push(next++);
      const r = await it.next();
      seen.push(r.value as number);
    }
    expect(q.size).toBe(next - 150_000);
    expect(seen.every((v, i) => v === i)).toBe(true);
  });

  it('drains what is queued after close, then ends; a waiting reader is woken by a push', async () => {
    const q = new AsyncQueue<string>();
    const it = q[Symbol.asyncIterator]();
    const waiting = it.next();
    q.push('a');
    expect(await waiting).toEqual({ value: 'a', done: false });
    q.push('b'); q.push('c'); q.close();
    expect([await it.next(), await it.next(), await it.next()]).toEqual([
      { value: 'b', done: false }, { value: 'c', done: false }, { value: undefined, done: true }]);
  });

  it('asks a producer to wait while max rows are queued, and lets it go once the reader took half of them', async () => {
    const q = new AsyncQueue<number>();
    for (let i = 0; i < 4; i++) q.push(i);
    const wait = q.room(4);
    expect(wait).toBeInstanceOf(Promise);
    let released = false;
    void wait!.then(() => { released = true; });
    const it = q[Symbol.asyncIterator]();
    await it.next();
    await Promise.resolve();
    // Not at the first row taken: the producer would add one row and wait again, row after row.
    expect(released).toBe(false);
    expect(await it.next()).toEqual({ value: 1, done: false });
    await Promise.resolve();
    expect(released).toBe(true);
    expect(q.room(4)).toBeUndefined();
  });

  it('takes the rows that wait at once, in order with the iterator, and lets a paused producer go', async () => {
    const q = new AsyncQueue<number>();
    for (let i = 0; i < 10; i++) q.push(i);
    const wait = q.room(10);
    let released = false;
    void wait!.then(() => { released = true; });
    const it = q[Symbol.asyncIterator]();
    expect((await it.next()).value).toBe(0);
    expect(q.takeReady(3)).toEqual([1, 2, 3]);
    await Promise.resolve();
    expect(released).toBe(false); // 6 wait: more than half of 10
    expect(q.takeReady(100)).toEqual([4, 5, 6, 7, 8, 9]);
    await Promise.resolve();
    expect(released).toBe(true);
    expect(q.takeReady(5)).toEqual([]); // none wait: an empty batch
    q.push(10);
    q.close();
    expect(await it.next()).toEqual({ value: 10, done: false });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });
});

describe('pushRowBatches', () => {
  const rowsOf = (q: AsyncQueue<unknown[]>): PushRows => ({
    [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](), cancel: async () => q.close(), buffered: () => q.size,
    takeReady: (max) => q.takeReady(max),
  });

  it('gives every row once, in order: a backlog in batches, rows arriving later one by one, then ends', async () => {
    const q = new AsyncQueue<unknown[]>();
    for (let i = 0; i < 3000; i++) q.push([i]);
    const batches: number[][] = [];
    const reading = (async () => {
      for await (const b of pushRowBatches(rowsOf(q))) batches.push(b.map((r) => r[0] as number));
    })();
    await new Promise((r) => setTimeout(r, 10));
    for (let i = 3000; i < 3005; i++) { q.push([i]); await new Promise((r) => setTimeout(r, 1)); }
    q.close();
    await reading;
    expect(batches.flat()).toEqual(Array.from({ length: 3005 }, (_, i) => i));
    expect(batches.slice(0, 3).map((b) => b.length)).toEqual([1024, 1024, 952]); // the backlog, at most 1024 a batch
    expect(batches.slice(3).every((b) => b.length === 1)).toBe(true);
  });

  it('ends with the failure the queue was closed with', async () => {
    const q = new AsyncQueue<unknown[]>();
    q.push([1]);
    q.close(new Error('query failed'));
    const seen: unknown[] = [];
    await expect((async () => { for await (const b of pushRowBatches(rowsOf(q))) seen.push(...b); })()).rejects.toThrow('query failed');
    expect(seen).toEqual([[1]]);
  });
});

