// A small async queue: producers push, one consumer iterates; close() ends it. Unbounded, but a
// producer can ask for room (a push query pauses while its consumer lags, see room()). Items are
// taken from a moving head (Array.shift copies the array: quadratic on a long queue). A paused
// producer resumes once the consumer took half of what it allowed, not at the first item taken:
// otherwise a full queue wakes its producer for every row, to add one row and pause again.
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private closed = false;
  private failure: unknown;
  private roomWaiters: (() => void)[] = [];
  /** Paused producers resume once no more than this many items wait (half the last room() asked). */
  private resumeAt = 0;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) { const w = this.waiting; this.waiting = undefined; w({ value: item, done: false }); }
    else this.items.push(item);
  }

  /** undefined while fewer than `max` items wait; else resolves once the consumer took some, or on close. */
  room(max: number): Promise<void> | undefined {
    if (this.size < max || this.closed) return undefined;
    this.resumeAt = max >> 1;
    return new Promise((r) => { this.roomWaiters.push(r); });
  }

  private wakeProducers(): void {
    const ws = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of ws) w();
  }

  close(err?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = err;
    this.wakeProducers();
    if (this.waiting) { const w = this.waiting; this.waiting = undefined; w({ value: undefined as never, done: true }); }
  }

  get isClosed(): boolean { return this.closed; }

  /** Items waiting for the consumer. */
  get size(): number { return this.items.length - this.head; }

  /** The next item (the queue must not be empty); the taken half is dropped once it is most of it. */
  private take(): T {
    const value = this.items[this.head] as T;
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) { this.items = []; this.head = 0; }
    else if (this.head >= 1024 && this.head * 2 >= this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
    return value;
  }

  /**
   * Up to `max` items that wait now, taken at once (none: an empty array; then await the
   * iterator, which also tells the end). Not while an iterator's next() is pending.
   */
  takeReady(max: number): T[] {
    const n = Math.min(max, this.size);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = this.take();
    if (n > 0 && this.roomWaiters.length > 0 && this.size <= this.resumeAt) this.wakeProducers();
    return out;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.size > 0) {
          const value = this.take();
          if (this.roomWaiters.length > 0 && this.size <= this.resumeAt) this.wakeProducers();
          return Promise.resolve({ value, done: false });
        }
        if (this.closed) {
          if (this.failure) return Promise.reject(this.failure);
          return Promise.resolve({ value: undefined as never, done: true });
        }
        return new Promise((resolve) => { this.waiting = resolve; });
      },
    };
  }
}
