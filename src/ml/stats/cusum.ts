// Two-sided tabular CUSUM on standardized values ("Anomalia Machina" style: one small detector
// per account / sensor id). A series keeps its own running mean and variance; after
// `minInstances` values, S+ and S- accumulate deviations beyond a slack of k standard deviations
// and an alarm fires when either passes h standard deviations, after which both restart at 0.
// One step (cusumStep) serves both forms: KeyedCusum keeps all keys in one Float64Array slab
// indexed through a Map, so a million keys stay compact; Cusum is one series, the CUSUM
// aggregate's state (toJSON/fromJSON give the plain form its changelog stores).

export interface CusumOptions {
  /** Slack in standard deviations (the shift worth detecting is about 2k). Default 0.5. */
  k?: number;
  /** Decision threshold in standard deviations. Default 5. */
  h?: number;
  /** Values per key before alarms are possible. Default 30. */
  minInstances?: number;
}

export interface CusumResult {
  /** max(S+, S-) after this value (before an alarm's restart), in standard deviations. */
  score: number;
  alarm: boolean;
}

const STRIDE = 5; // n, mean, m2, sPlus, sMinus

/**
 * Scores `value` against the series at s[at..at+5) (n, mean, M2, S+, S-), then learns it into the
 * baseline (Welford); writes the score and alarm to `r`.
 */
export function cusumStep(
  s: Float64Array, at: number, value: number, k: number, h: number, minInstances: number, r: CusumResult,
): void {
  r.alarm = false;
  const n = s[at];
  if (n >= minInstances) {
    const sd = Math.sqrt(s[at + 2] / (n - 1));
    const z = sd > 0 ? (value - s[at + 1]) / sd : 0;
    s[at + 3] = Math.max(0, s[at + 3] + z - k);
    s[at + 4] = Math.max(0, s[at + 4] - z - k);
    r.score = Math.max(s[at + 3], s[at + 4]);
    if (r.score > h) {
      r.alarm = true;
      s[at + 3] = 0;
      s[at + 4] = 0;
    }
  } else {
    r.score = 0;
  }
  const n1 = n + 1;
  const d = value - s[at + 1];
  s[at + 1] += d / n1;
  s[at + 2] += d * (value - s[at + 1]);
  s[at] = n1;
}

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
      r.alarm = false;
      r.score = Math.max(s[at + 3], s[at + 4]);
      return r;
    }
    cusumStep(s, at, value, this.k, this.h, this.minInstances, r);
    return r;
  }

  /** Forgets one key (e.g. after an investigated alarm). */
  reset(key: string | number): void {
    const at = this.slot.get(key);
    if (at !== undefined) this.slab.fill(0, at, at + STRIDE);
  }
}

/** The plain form of one series: baseline [n, mean, M2], the sums, the latest score, alarms so far. */
export interface CusumJSON {
  baseline: [number, number, number];
  sPlus: number;
  sMinus: number;
  score: number;
  alarm: boolean;
  alarms: number;
}

/** One series, counting its alarms. */
export class Cusum {
  readonly k: number;
  readonly h: number;
  readonly minInstances: number;
  private readonly s = new Float64Array(STRIDE);
  /** The latest value's score and alarm (score 0, no alarm before any). */
  readonly latest: CusumResult = { score: 0, alarm: false };
  alarms = 0;

  constructor(opts: CusumOptions = {}) {
    this.k = opts.k ?? 0.5;
    this.h = opts.h ?? 5;
    this.minInstances = opts.minInstances ?? 30;
  }

  /** Values learnt into the baseline. */
  get count(): number { return this.s[0]; }

  /** Skips NaN; the returned object is `latest`. */
  update(value: number): CusumResult {
    if (Number.isNaN(value)) return this.latest;
    cusumStep(this.s, 0, value, this.k, this.h, this.minInstances, this.latest);
    if (this.latest.alarm) this.alarms++;
    return this.latest;
  }

  /**
   * a then b, for merged session windows. Not exact (the sums depend on the order and on the
   * baseline at each value): the baselines merge exactly (Chan et al.), the later series' sums and
   * latest score carry on, and alarms add up. Neither input changes.
   */
  static merged(a: Cusum, b: Cusum): Cusum {
    const later = b.count > 0 ? b : a;
    const out = new Cusum(a);
    const o = out.s, x = a.s, y = b.s;
    const na = x[0], nb = y[0];
    if (nb === 0) o.set(x.subarray(0, 3));
    else if (na === 0) o.set(y.subarray(0, 3));
    else {
      const n = na + nb;
      const d = y[1] - x[1];
      o[0] = n;
      o[1] = x[1] + d * nb / n;
      o[2] = x[2] + y[2] + d * d * na * nb / n;
    }
    o[3] = later.s[3];
    o[4] = later.s[4];
    out.latest.score = later.latest.score;
    out.latest.alarm = later.latest.alarm;
    out.alarms = a.alarms + b.alarms;
    return out;
  }

  toJSON(): CusumJSON {
    const s = this.s;
    return {
      baseline: [s[0], s[1], s[2]], sPlus: s[3], sMinus: s[4],
      score: this.latest.score, alarm: this.latest.alarm, alarms: this.alarms,
    };
  }

  static fromJSON(j: CusumJSON, opts: CusumOptions = {}): Cusum {
    if (j.baseline.length !== 3) throw new Error('CUSUM state: corrupt');
    const c = new Cusum(opts);
    c.s.set(j.baseline);
    c.s[3] = j.sPlus;
    c.s[4] = j.sMinus;
    c.latest.score = j.score;
    c.latest.alarm = j.alarm;
    c.alarms = j.alarms;
    return c;
  }
}
