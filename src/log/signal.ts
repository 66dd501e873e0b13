// Wakes waiting pollers. A waiter re-checks its own condition after each wake-up, so one signal
// for the whole log is enough (simpler than per-partition waiters, and produce stays O(1)).

export class Signal {
  private waiters = new Set<() => void>();

  /** Resolves on the next notifyAll(), or after `ms` milliseconds. */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  notifyAll(): void {
    if (this.waiters.size === 0) return;
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }
}
