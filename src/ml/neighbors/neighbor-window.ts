// The last `size` examples in a ring buffer, with a brute-force k-nearest search under the
// Minkowski distance. A dimension that is NaN on either side is left out of the distance.
// Searching writes into preallocated arrays.
import { FloatReader, FloatWriter } from '../trees/float-io.js';

export class NeighborWindow {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  head = 0;
  count = 0;
  /** Result of the last search, nearest first. */
  readonly nearDist: Float64Array;
  readonly nearIdx: Int32Array;
  found = 0;

  constructor(
    readonly size: number,
    readonly features: number,
    readonly k: number,
    readonly p: number,
  ) {
    this.xs = new Float64Array(size * features);
    this.ys = new Float64Array(size);
    this.nearDist = new Float64Array(k);
    this.nearIdx = new Int32Array(k);
  }

  add(x: Float64Array, y: number): void {
    const o = this.head * this.features;
    for (let j = 0; j < this.features; j++) this.xs[o + j] = x[j];
    this.ys[this.head] = y;
    this.head = (this.head + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  /**
   * The k nearest stored examples to x (fewer while the window is filling), by the Minkowski
   * distance over the dimensions present on both sides, scaled up by features / present (as
   * scikit-learn's nan_euclidean), so a row with many NaNs is not spuriously close; with
   * nothing in common the distance is Infinity. The distance is computed in the loop, not by a
   * call: where the call was not inlined (inside a query's pipeline), each returned distance was
   * a boxed number, 16 KB of garbage per search of a full window.
   */
  search(x: Float64Array): void {
    const k = this.k;
    const D = this.nearDist;
    const I = this.nearIdx;
    const F = this.features;
    const xs = this.xs;
    const p = this.p;
    let found = 0;
    for (let i = 0; i < this.count; i++) {
      const o = i * F;
      let s = 0;
      let present = 0;
      for (let j = 0; j < F; j++) {
        const e = x[j] - xs[o + j];
        if (e !== e) continue;
        present++;
        s += p === 2 ? e * e : p === 1 ? Math.abs(e) : Math.abs(e) ** p;
      }
      let d = Infinity;
      if (present > 0) {
        if (present < F) s *= F / present;
        d = p === 2 ? Math.sqrt(s) : p === 1 ? s : s ** (1 / p);
      }
      if (found === k && d >= D[k - 1]) continue;
      // Insertion into the sorted top-k (ties keep the earlier slot first: deterministic).
      let j = found < k ? found++ : k - 1;
      while (j > 0 && D[j - 1] > d) {
        D[j] = D[j - 1];
        I[j] = I[j - 1];
        j--;
      }
      D[j] = d;
      I[j] = i;
    }
    this.found = found;
  }

  write(w: FloatWriter): void {
    w.num(this.head);
    w.num(this.count);
    w.arr(this.xs.subarray(0, this.count * this.features));
    w.arr(this.ys.subarray(0, this.count));
  }

  read(r: FloatReader): void {
    this.head = r.int();
    this.count = r.int();
    const xs = r.f64();
    const ys = r.f64();
    if (this.count > this.size || xs.length !== this.count * this.features || ys.length !== this.count) {
      throw new Error('model state: window does not match the model');
    }
    this.xs.fill(0);
    this.ys.fill(0);
    this.xs.set(xs);
    this.ys.set(ys);
  }

  stateBytes(): number {
    return this.xs.byteLength + this.ys.byteLength + 64;
  }
}
