// The running mean of per-row values over the whole stream or over the last `window` rows (a
// ring buffer with a running sum). Every additive prequential metric is one of these.

export class MeanTracker {
  private sum = 0;
  private n = 0;
  private readonly ring: Float64Array | undefined;
  private head = 0;

  /** window = 0: whole stream; otherwise the last `window` values. */
  constructor(readonly window = 0) {
    if (!(window >= 0 && Number.isInteger(window))) throw new Error('window must be a non-negative integer');
    this.ring = window > 0 ? new Float64Array(window) : undefined;
  }

  add(v: number): void {
    const ring = this.ring;
    if (!ring) {
      this.sum += v;
      this.n++;
      return;
    }
    if (this.n === ring.length) this.sum -= ring[this.head];
    else this.n++;
    ring[this.head] = v;
    this.sum += v;
    this.head = (this.head + 1) % ring.length;
    // Re-add from scratch once per lap so rounding in the running sum cannot drift.
    if (this.head === 0) {
      let s = 0;
      for (let i = 0; i < this.n; i++) s += ring[i];
      this.sum = s;
    }
  }

  get count(): number { return this.n; }
  get mean(): number { return this.n === 0 ? NaN : this.sum / this.n; }

  reset(): void {
    this.sum = 0;
    this.n = 0;
    this.head = 0;
  }
}
