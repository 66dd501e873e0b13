// ADWIN (Bifet & Gavaldà 2007), the adaptive sliding window that HAT and ARF use to watch their
// error rates. The window is an exponential histogram: row r holds up to maxBuckets + 1 buckets
// of 2^r values each (total and variance), kept in flat typed arrays so updates allocate only
// when the window doubles past its rows. Defaults are River's: delta 0.002, clock 32,
// max_buckets 5, min_window_length 5, grace_period 10. (src/ml/drift/ may hold a shared ADWIN
// later; this one lives with the trees so they do not depend on work in progress.)
import type { FloatReader, FloatWriter } from './float-io.js';

const MAX_BUCKETS = 5;
const ROW = MAX_BUCKETS + 1;
const CLOCK = 32;
const MIN_WINDOW = 5;
const GRACE = 10;

export class Adwin {
  /** Bucket totals and variances; row r, slot j (0 = oldest in the row) at r * ROW + j. */
  private totals = new Float64Array(4 * ROW);
  private variances = new Float64Array(4 * ROW);
  private sizes = new Int32Array(4);
  private rows = 0;
  width = 0;
  total = 0;
  /** Sum of squared deviations over the window. */
  private variance = 0;
  private tick = 0;
  detections = 0;

  constructor(readonly delta = 0.002) {}

  /** Mean of the window (the error rate when fed 0/1 mistakes). */
  get estimation(): number {
    return this.width > 0 ? this.total / this.width : 0;
  }

  /** Adds a value; true when a change was detected (and the window shrank). */
  update(v: number): boolean {
    this.insert(v);
    return this.detect();
  }

  private insert(v: number): void {
    if (this.rows === 0) this.rows = 1;
    this.push(0, v, 0);
    this.width += 1;
    if (this.width > 1) {
      const d = v - this.total / (this.width - 1);
      this.variance += ((this.width - 1) * d * d) / this.width;
    }
    this.total += v;
    // Compress: two oldest buckets of a full row merge into one of the next row.
    for (let r = 0; r < this.rows && this.sizes[r] === ROW; r++) {
      const o = r * ROW;
      const n = 2 ** r;
      const d = this.totals[o] / n - this.totals[o + 1] / n;
      const t = this.totals[o] + this.totals[o + 1];
      const va = this.variances[o] + this.variances[o + 1] + (n * n * d * d) / (2 * n);
      this.shift(r, 2);
      if (r + 1 === this.rows) this.addRow();
      this.push(r + 1, t, va);
    }
  }

  private addRow(): void {
    if (this.rows === this.sizes.length) {
      const cap = this.sizes.length * 2;
      const t = new Float64Array(cap * ROW);
      t.set(this.totals);
      const va = new Float64Array(cap * ROW);
      va.set(this.variances);
      const s = new Int32Array(cap);
      s.set(this.sizes);
      this.totals = t;
      this.variances = va;
      this.sizes = s;
    }
    this.sizes[this.rows] = 0;
    this.rows++;
  }

  private push(r: number, t: number, v: number): void {
    const i = r * ROW + this.sizes[r]++;
    this.totals[i] = t;
    this.variances[i] = v;
  }

  private shift(r: number, k: number): void {
    const o = r * ROW;
    const n = this.sizes[r];
    for (let j = k; j < n; j++) {
      this.totals[o + j - k] = this.totals[o + j];
      this.variances[o + j - k] = this.variances[o + j];
    }
    this.sizes[r] = n - k;
  }

  /** Drops the oldest bucket. */
  private dropOldest(): void {
    const r = this.rows - 1;
    const n = 2 ** r;
    const u = this.totals[r * ROW];
    const v = this.variances[r * ROW];
    this.width -= n;
    this.total -= u;
    if (this.width > 0) {
      const d = u / n - this.total / this.width;
      this.variance -= v + (n * this.width * d * d) / (n + this.width);
    } else {
      this.variance = 0;
    }
    if (this.variance < 0) this.variance = 0;
    this.shift(r, 1);
    if (this.sizes[r] === 0) this.rows--;
  }

  private detect(): boolean {
    this.tick++;
    if (this.tick % CLOCK !== 0 || this.width <= GRACE) return false;
    let changed = false;
    let again = true;
    while (again) {
      again = false;
      let n0 = 0;
      let u0 = 0;
      let n1 = this.width;
      let u1 = this.total;
      // Every cut between buckets, oldest first: W0 = older part, W1 = newer part.
      scan: for (let r = this.rows - 1; r >= 0; r--) {
        const n2 = 2 ** r;
        for (let j = 0; j < this.sizes[r]; j++) {
          const u2 = this.totals[r * ROW + j];
          n0 += n2;
          n1 -= n2;
          u0 += u2;
          u1 -= u2;
          if (n1 <= 0) break scan;
          if (n0 >= MIN_WINDOW && n1 >= MIN_WINDOW && this.cut(n0, n1, u0 / n0 - u1 / n1)) {
            changed = true;
            again = this.width > 0;
            this.dropOldest();
            break scan;
          }
        }
      }
    }
    if (changed) this.detections++;
    return changed;
  }

  private cut(n0: number, n1: number, diff: number): boolean {
    const dd = Math.log((2 * Math.log(this.width)) / this.delta);
    const m = 1 / (n0 - MIN_WINDOW + 1) + 1 / (n1 - MIN_WINDOW + 1);
    const eps = Math.sqrt(2 * m * (this.variance / this.width) * dd) + (2 / 3) * dd * m;
    return Math.abs(diff) > eps;
  }

  write(w: FloatWriter): void {
    w.num(this.rows);
    w.arr(this.sizes.subarray(0, this.rows));
    w.arr(this.totals.subarray(0, this.rows * ROW));
    w.arr(this.variances.subarray(0, this.rows * ROW));
    w.num(this.width);
    w.num(this.total);
    w.num(this.variance);
    w.num(this.tick);
    w.num(this.detections);
  }

  static read(r: FloatReader, delta: number): Adwin {
    const a = new Adwin(delta);
    const rows = r.int();
    const sizes = r.i32();
    const totals = r.f64();
    const variances = r.f64();
    const cap = Math.max(4, rows);
    a.sizes = new Int32Array(cap);
    a.sizes.set(sizes);
    a.totals = new Float64Array(cap * ROW);
    a.totals.set(totals);
    a.variances = new Float64Array(cap * ROW);
    a.variances.set(variances);
    a.rows = rows;
    a.width = r.num();
    a.total = r.num();
    a.variance = r.num();
    a.tick = r.num();
    a.detections = r.num();
    return a;
  }

  stateBytes(): number {
    return 64 + this.totals.byteLength + this.variances.byteLength + this.sizes.byteLength;
  }
}
