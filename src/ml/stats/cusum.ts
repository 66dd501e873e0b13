// Two-sided tabular CUSUM on standardized values, per key ("Anomalia Machina" style: one small
// detector per account / sensor id). Each key keeps its own running mean and variance; after
// `minInstances` values, S+ and S- accumulate deviations beyond a slack of k standard deviations
// and an alarm fires when either passes h standard deviations, after which both restart at 0.
// All keys live in one Float64Array slab indexed through a Map, so a million keys stay compact.

export interface CusumOptions {
  /** Slack in standard deviations (the shift worth detecting is about 2k). Default 0.5. */
  k?: number;
  /** Decision threshold in standard deviations. Default 5. */
  h?: number;
  /** Values per key before alarms are possible. Default 30. */
  minInstances?: number;
}

export interface CusumResult {
  /** max(S+, S-) after this value, in standard deviations. */
  score: number;
  alarm: boolean;
}

const STRIDE = 5; // n, mean, m2, sPlus, sMinus

export class KeyedCusum {
  readonly k: number;
  readonly h: number;
  readonly minInstances: number;
  private readonly slot = new Map<string | number, number>();
  private slab = new Float64Array(STRIDE * 64);
  private readonly result: CusumResult = { score: 0, alarm: false };

  constructor(opts: CusumOptions = {}) {
    this.k = opts.k ?? 0.5;
    this.h = opts.h ?? 5;
    this.minInstances = opts.minInstances ?? 30;
  }

  get keys(): number {
    return this.slot.size;
  }

  /**
   * Adds `value` for `key` and returns the updated statistic. The returned object is reused by
   * the next call (no allocation per value): copy what you keep.
   */
  update(key: string | number, value: number): CusumResult {
    const r = this.result;
    r.alarm = false;
    let at = this.slot.get(key);
    if (at === undefined) {
      at = this.slot.size * STRIDE;
      if (at + STRIDE > this.slab.length) {
        const grown = new Float64Array(this.slab.length * 2);
        grown.set(this.slab);
        this.slab = grown;
      }
      this.slot.set(key, at);
    }
    const s = this.slab;
    if (Number.isNaN(value)) {
      r.score = Math.max(s[at + 3], s[at + 4]);
      return r;
    }
    const n = s[at];
    if (n >= this.minInstances) {
      const sd = Math.sqrt(s[at + 2] / (n - 1));
      const z = sd > 0 ? (value - s[at + 1]) / sd : 0;
      s[at + 3] = Math.max(0, s[at + 3] + z - this.k);
      s[at + 4] = Math.max(0, s[at + 4] - z - this.k);
      r.score = Math.max(s[at + 3], s[at + 4]);
      if (r.score > this.h) {
        r.alarm = true;
        s[at + 3] = 0;
        s[at + 4] = 0;
      }
    } else {
      r.score = 0;
    }
    // Learn the value into the key's baseline (Welford).
    const n1 = n + 1;
    const d = value - s[at + 1];
    s[at + 1] += d / n1;
    s[at + 2] += d * (value - s[at + 1]);
    s[at] = n1;
    return r;
  }

  /** Forgets one key (e.g. after an investigated alarm). */
  reset(key: string | number): void {
    const at = this.slot.get(key);
    if (at !== undefined) this.slab.fill(0, at, at + STRIDE);
  }
}
