// A small unbounded async queue: producers push, one consumer iterates; close() ends it.
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private closed = false;
  private failure: unknown;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) { const w = this.waiting; this.waiting = undefined; w({ value: item, done: false }); }
    else this.items.push(item);
  }

  close(err?: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.failure = err;
    if (this.waiting) { const w = this.waiting; this.waiting = undefined; w({ value: undefined as never, done: true }); }
  }

  get isClosed(): boolean { return this.closed; }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.closed) {
          if (this.failure) return Promise.reject(this.failure);
          return Promise.resolve({ value: undefined as never, done: true });
        }
        return new Promise((resolve) => { this.waiting = resolve; });
      },
    };
  }
}
