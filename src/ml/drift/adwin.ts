// ADWIN (Bifet & Gavaldà, 2007) as in MOA and River: a variable-length window kept as an
// exponential histogram of buckets (at most MAX_BUCKETS per size 2^i), checked every `clock`
// values for a cut W0 | W1 whose means differ by more than the Hoeffding-style bound ε_cut at
// confidence `delta`. On a cut the oldest buckets are dropped until no cut remains, so the window
// shrinks to the data since the change. Defaults follow River: delta 0.002, clock 32,
// min_window_length 5, grace_period 10. The rows grow on demand (4 to start), so the many ADWINs
// of the tree models (one per HAT node, two per ARF member) stay small. This is the one ADWIN:
// the drift wrappers use it through DriftDetector (toArray/fromArray), the trees through
// write/read on their float streams, the DRIFT_ADWIN aggregate through toJSON/fromJSON.
import type { FloatReader, FloatWriter } from '../trees/float-io.js';
import type { DriftDetector } from './drift-detector.js';

const MAX_BUCKETS = 5;
const ROW = MAX_BUCKETS + 1;
const MAX_ROWS = 64; // 2^64 values: never reached
const START_ROWS = 4;
/** POW2[i] = 2^i, the size of row i's buckets (a table: `2 ** row` is a call to pow per use). */
const POW2 = Float64Array.from({ length: MAX_ROWS + 1 }, (_, i) => 2 ** i);

export interface AdwinOptions {
  delta?: number;
  clock?: number;
  minWindowLength?: number;
  gracePeriod?: number;
}

/** The plain form the DRIFT_ADWIN aggregate's changelog stores. */
export interface AdwinJSON {
  /** totals[i][j]: sum of the j-th oldest bucket of 2^i values; variances[i][j] its squared deviations. */
  totals: number[][];
  variances: number[][];
  total: number;
  variance: number;
  width: number;
  tick: number;
  detections: number;
}

export class Adwin implements DriftDetector {
  readonly delta: number;
  readonly clock: number;
  readonly minWindowLength: number;
  readonly gracePeriod: number;
  readonly warning = false;

  // Row i holds buckets of 2^i values, oldest first: totals and variances (sum of squared deviations).
  private totals = new Float64Array(START_ROWS * ROW);
  private variances = new Float64Array(START_ROWS * ROW);
  private sizes = new Int32Array(START_ROWS);
  private rows = 1;
  private total = 0;
  private variance = 0;
  private widthN = 0;
  private tick = 0;
  detections = 0;

  constructor(opts: AdwinOptions = {}) {
    this.delta = opts.delta ?? 0.002;
    this.clock = opts.clock ?? 32;
    this.minWindowLength = opts.minWindowLength ?? 5;
    this.gracePeriod = opts.gracePeriod ?? 10;
  }

  get width(): number { return this.widthN; }
  /** Values seen since the start (or the last reset). */
  get updates(): number { return this.tick; }
  /** Mean of the current window. */
  get estimation(): number { return this.widthN > 0 ? this.total / this.widthN : 0; }

  update(value: number): boolean {
    if (Number.isNaN(value)) return false;
    this.insert(value);
    return this.detectChange();
  }

  private insert(value: number): void {
    this.push(0, value, 0);
    this.widthN++;
    if (this.widthN > 1) {
      const d = value - this.total / (this.widthN - 1);
      this.variance += ((this.widthN - 1) * d * d) / this.widthN;
    }
    this.total += value;
    this.compress();
  }

  private push(row: number, total: number, variance: number): void {
    const at = row * ROW + this.sizes[row];
    this.totals[at] = total;
    this.variances[at] = variance;
    this.sizes[row]++;
  }

  /** Drops the first `k` (oldest) buckets of a row. */
  private shift(row: number, k: number): void {
    const base = row * ROW;
    const n = this.sizes[row];
    for (let i = k; i < n; i++) {
      this.totals[base + i - k] = this.totals[base + i];
      this.variances[base + i - k] = this.variances[base + i];
    }
    this.sizes[row] = n - k;
  }

  private compress(): void {
    for (let row = 0; row < this.rows; row++) {
      if (this.sizes[row] <= MAX_BUCKETS) break;
      if (row + 1 === this.rows) {
        if (this.rows === MAX_ROWS) break;
        this.addRow();
      }
      const n = POW2[row];
      const base = row * ROW;
      const t1 = this.totals[base], t2 = this.totals[base + 1];
      const d = t1 / n - t2 / n;
      const v = this.variances[base] + this.variances[base + 1] + (n * n * d * d) / (2 * n);
      this.push(row + 1, t1 + t2, v);
      this.shift(row, 2);
    }
  }

  private addRow(): void {
    if (this.rows === this.sizes.length) this.grow(Math.min(MAX_ROWS, this.sizes.length * 2));
    this.sizes[this.rows++] = 0;
  }

  /** Reallocates to `cap` rows, keeping the buckets. */
  private grow(cap: number): void {
    const t = new Float64Array(cap * ROW);
    t.set(this.totals.subarray(0, Math.min(this.totals.length, cap * ROW)));
    const va = new Float64Array(cap * ROW);
    va.set(this.variances.subarray(0, Math.min(this.variances.length, cap * ROW)));
    const s = new Int32Array(cap);
    s.set(this.sizes.subarray(0, Math.min(this.sizes.length, cap)));
    this.totals = t;
    this.variances = va;
    this.sizes = s;
  }

  /** Removes the oldest bucket; returns its size. */
  private deleteOldest(): number {
    const row = this.rows - 1;
    const n = POW2[row];
    const base = row * ROW;
    const u = this.totals[base];
    const v = this.variances[base];
    const mu = u / n;
    this.widthN -= n;
    this.total -= u;
    const muWindow = this.widthN > 0 ? this.total / this.widthN : 0;
    this.variance -= v + (n * this.widthN * (mu - muWindow) * (mu - muWindow)) / (n + this.widthN);
    if (this.variance < 0) this.variance = 0;
    this.shift(row, 1);
    if (this.sizes[row] === 0 && this.rows > 1) this.rows--;
    return n;
  }

  private detectChange(): boolean {
    let change = false;
    this.tick++;
    if (this.tick % this.clock !== 0 || this.widthN <= this.gracePeriod) return false;
    let reduce = true;
    while (reduce) {
      reduce = false;
      let exit = false;
      // The part of ε_cut that depends on the window only (not the cut point), once per pass.
      const deltaPrime = Math.log((2 * Math.log(this.widthN)) / this.delta);
      const v = this.variance / this.widthN;
      let n0 = 0, n1 = this.widthN, u0 = 0, u1 = this.total;
      // Walk cut points from the oldest bucket to the newest.
      for (let row = this.rows - 1; row >= 0 && !exit; row--) {
        const size = POW2[row];
        const cnt = this.sizes[row];
        for (let k = 0; k < cnt; k++) {
          const u = this.totals[row * ROW + k];
          n0 += size;
          n1 -= size;
          u0 += u;
          u1 -= u;
          if (row === 0 && k === cnt - 1) { exit = true; break; }
          // cut() written out here: as a call, each of its number arguments was a new heap
          // number (2.7 per learned row).
          if (n1 >= this.minWindowLength && n0 >= this.minWindowLength) {
            const mRecip = 1 / (n0 - this.minWindowLength + 1) + 1 / (n1 - this.minWindowLength + 1);
            const epsilon = Math.sqrt(2 * mRecip * v * deltaPrime) + (2 / 3) * deltaPrime * mRecip;
            if (!(Math.abs(u0 / n0 - u1 / n1) > epsilon)) continue;
            reduce = true;
            change = true;
            if (this.widthN > 0) this.deleteOldest();
            exit = true;
            break;
          }
        }
      }
    }
    if (change) this.detections++;
    return change;
  }

  reset(): void {
    this.grow(START_ROWS);
    this.sizes.fill(0);
    this.rows = 1;
    this.total = this.variance = this.widthN = this.tick = 0;
    this.detections = 0;
  }

  toArray(): Float64Array {
    const head = [this.rows, this.total, this.variance, this.widthN, this.tick, this.detections];
    const out = new Float64Array(head.length + MAX_ROWS + 2 * MAX_ROWS * ROW);
    out.set(head, 0);
    out.set(this.sizes, head.length);
    out.set(this.totals, head.length + MAX_ROWS);
    out.set(this.variances, head.length + MAX_ROWS + MAX_ROWS * ROW);
    return out;
  }

  fromArray(a: Float64Array): void {
    const h = 6;
    if (a.length !== h + MAX_ROWS + 2 * MAX_ROWS * ROW) throw new Error('ADWIN state: size mismatch');
    [this.rows, this.total, this.variance, this.widthN, this.tick, this.detections] = a.subarray(0, h);
    this.grow(MAX_ROWS);
    this.sizes.set(a.subarray(h, h + MAX_ROWS));
    this.totals.set(a.subarray(h + MAX_ROWS, h + MAX_ROWS + MAX_ROWS * ROW));
    this.variances.set(a.subarray(h + MAX_ROWS + MAX_ROWS * ROW));
    this.grow(Math.max(START_ROWS, this.rows));
  }

  /**
   * Writes the window to a tree snapshot stream: rows, then the used part of sizes, totals and
   * variances (length-prefixed), then width, total, variance, tick and detections. An empty
   * window is written with 0 rows.
   */
  write(w: FloatWriter): void {
    const rows = this.widthN === 0 && this.rows === 1 && this.sizes[0] === 0 ? 0 : this.rows;
    w.num(rows);
    w.arr(this.sizes.subarray(0, rows));
    w.arr(this.totals.subarray(0, rows * ROW));
    w.arr(this.variances.subarray(0, rows * ROW));
    w.num(this.widthN);
    w.num(this.total);
    w.num(this.variance);
    w.num(this.tick);
    w.num(this.detections);
  }

  /** Reads what `write` wrote; the options (delta) are not part of the stream. */
  static read(r: FloatReader, opts: AdwinOptions = {}): Adwin {
    const a = new Adwin(opts);
    const rows = r.int();
    const sizes = r.i32();
    const totals = r.f64();
    const variances = r.f64();
    if (rows > MAX_ROWS || sizes.length !== rows || totals.length !== rows * ROW || variances.length !== rows * ROW) {
      throw new Error('model state: corrupt (ADWIN)');
    }
    a.grow(Math.max(START_ROWS, rows));
    a.sizes.set(sizes);
    a.totals.set(totals);
    a.variances.set(variances);
    a.rows = Math.max(1, rows);
    a.widthN = r.num();
    a.total = r.num();
    a.variance = r.num();
    a.tick = r.num();
    a.detections = r.num();
    return a;
  }

  toJSON(): AdwinJSON {
    const totals: number[][] = [], variances: number[][] = [];
    for (let row = 0; row < this.rows; row++) {
      const base = row * ROW, n = this.sizes[row];
      totals.push(Array.from(this.totals.subarray(base, base + n)));
      variances.push(Array.from(this.variances.subarray(base, base + n)));
    }
    return {
      totals, variances, total: this.total, variance: this.variance, width: this.widthN, tick: this.tick,
      detections: this.detections,
    };
  }

  static fromJSON(j: AdwinJSON, opts: AdwinOptions = {}): Adwin {
    const rows = j.totals.length;
    if (rows < 1 || rows > MAX_ROWS || j.variances.length !== rows
      || j.totals.some((t, i) => t.length > ROW || t.length !== j.variances[i].length)) {
      throw new Error('ADWIN state: corrupt');
    }
    const a = new Adwin(opts);
    a.grow(Math.max(START_ROWS, rows));
    for (let row = 0; row < rows; row++) {
      a.totals.set(j.totals[row], row * ROW);
      a.variances.set(j.variances[row], row * ROW);
      a.sizes[row] = j.totals[row].length;
    }
    a.rows = rows;
    a.total = j.total;
    a.variance = j.variance;
    a.widthN = j.width;
    a.tick = j.tick;
    a.detections = j.detections;
    return a;
  }

  /** An independent copy with the same options. */
  clone(): Adwin {
    const a = new Adwin(this);
    a.totals = this.totals.slice();
    a.variances = this.variances.slice();
    a.sizes = this.sizes.slice();
    a.rows = this.rows;
    a.total = this.total;
    a.variance = this.variance;
    a.widthN = this.widthN;
    a.tick = this.tick;
    a.detections = this.detections;
    return a;
  }

  stateBytes(): number {
    return 64 + this.totals.byteLength + this.variances.byteLength + this.sizes.byteLength;
  }
}
