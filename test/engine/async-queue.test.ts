// The queue between a push query and its client: every row once, in order, however long the
// queue grows and however pushes and reads interleave.
import { describe, it, expect } from 'vitest';
import { AsyncQueue } from '../../src/engine/async-queue.js';

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
});
