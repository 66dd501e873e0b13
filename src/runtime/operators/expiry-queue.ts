// Keys by the time they were put, oldest first (a binary min-heap on parallel arrays: no object
// per entry), so expiring what is older than a bound costs O(log n) per expired entry and
// nothing when nothing is due.

export class ExpiryQueue<K> {
  private readonly times: number[] = [];
  private readonly keys: K[] = [];

  get size(): number { return this.times.length; }

  push(time: number, key: K): void {
    const { times, keys } = this;
    let i = times.length;
    times.push(time);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
  }

  /** Removes the entries older than `bound`, calling `expire` with each one's key. */
  popOlderThan(bound: number, expire: (key: K) => void): void {
    while (this.times.length > 0 && this.times[0] < bound) expire(this.pop());
  }

  clear(): void {
    this.times.length = 0;
    this.keys.length = 0;
  }

  private pop(): K {
    const { times, keys } = this;
    const top = keys[0];
    const lastTime = times.pop()!;
    const lastKey = keys.pop()!;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && times[child + 1] < times[child]) child++;
        if (times[child] >= lastTime) break;
        times[i] = times[child];
        keys[i] = keys[child];
        i = child;
      }
      times[i] = lastTime;
      keys[i] = lastKey;
    }
    return top;
  }
}
