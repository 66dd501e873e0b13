// Extended binary search tree (Ikonomovska et al. 2011; River's EBSTSplitter / TEBSTSplitter):
// one per (regression leaf, feature). Each distinct feature value is a node holding the target's
// weighted count/mean/M2 over values <= its key that passed through it, so an in-order walk gives
// the exact target statistics left of every candidate cut. Nodes live in typed-array pools that
// double when full, so inserting allocates only when the pool grows.
import type { FloatReader, FloatWriter } from './float-io.js';

/** Result of a split search: the best cut and the target statistics left of it. */
export class RegressionSplit {
  /** Winning feature (set by the leaf's search) and the runner-up feature's merit. */
  feature = -1;
  second = -Infinity;
  merit = -Infinity;
  threshold = 0;
  ln = 0;
  lmean = 0;
  lm2 = 0;
}

/** Explicit in-order traversal stack (deep trees come from sorted input), shared per tree. */
export class WalkStack {
  node = new Int32Array(64);
  state = new Uint8Array(64);
  an = new Float64Array(64);
  amean = new Float64Array(64);
  am2 = new Float64Array(64);

  ensure(n: number): void {
    if (n <= this.node.length) return;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n * 2);
      b.set(a);
      return b;
    };
    this.node = grow(this.node);
    this.state = grow(this.state);
    this.an = grow(this.an);
    this.amean = grow(this.amean);
    this.am2 = grow(this.am2);
  }
}

function variance(n: number, m2: number): number {
  return n > 1 ? Math.max(0, m2 / (n - 1)) : 0;
}

export class Ebst {
  size = 0;
  key: Float64Array;
  left: Int32Array;
  right: Int32Array;
  n: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
  /** Target statistics over everything inserted. */
  totN = 0;
  totMean = 0;
  totM2 = 0;

  constructor(capacity = 16) {
    this.key = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.n = new Float64Array(capacity);
    this.mean = new Float64Array(capacity);
    this.m2 = new Float64Array(capacity);
  }

  private grow(): void {
    const cap = this.key.length * 2;
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.key = f(this.key);
    this.left = i(this.left);
    this.right = i(this.right);
    this.n = f(this.n);
    this.mean = f(this.mean);
    this.m2 = f(this.m2);
  }

  private newNode(x: number, y: number, w: number): number {
    if (this.size === this.key.length) this.grow();
    const i = this.size++;
    this.key[i] = x;
    this.left[i] = -1;
    this.right[i] = -1;
    this.n[i] = w;
    this.mean[i] = y;
    this.m2[i] = 0;
    return i;
  }

  private add(i: number, y: number, w: number): void {
    const n = this.n[i] + w;
    const d = y - this.mean[i];
    this.mean[i] += (d * w) / n;
    this.m2[i] += w * d * (y - this.mean[i]);
    this.n[i] = n;
  }

  insert(x: number, y: number, w: number): void {
    const n = this.totN + w;
    const d = y - this.totMean;
    this.totMean += (d * w) / n;
    this.totM2 += w * d * (y - this.totMean);
    this.totN = n;
    if (this.size === 0) {
      this.newNode(x, y, w);
      return;
    }
    let i = 0;
    for (;;) {
      const k = this.key[i];
      if (x === k) {
        this.add(i, y, w);
        return;
      }
      if (x < k) {
        this.add(i, y, w);
        if (this.left[i] < 0) {
          this.left[i] = this.newNode(x, y, w);
          return;
        }
        i = this.left[i];
      } else {
        if (this.right[i] < 0) {
          this.right[i] = this.newNode(x, y, w);
          return;
        }
        i = this.right[i];
      }
    }
  }

  /**
   * Best variance-reduction cut (x <= key goes left) with at least `minSamples` weight on each
   * side (River's min_samples_split); a cut without enough weight has merit 0, as in River.
   */
  bestSplit(minSamples: number, stack: WalkStack, out: RegressionSplit): void {
    out.merit = -Infinity;
    if (this.size === 0) return;
    stack.ensure(this.size + 1);
    const N = this.totN;
    const preVar = variance(N, this.totM2);
    let sp = 0;
    stack.node[0] = 0;
    stack.state[0] = 0;
    stack.an[0] = 0;
    stack.amean[0] = 0;
    stack.am2[0] = 0;
    sp = 1;
    while (sp > 0) {
      const t = sp - 1;
      const i = stack.node[t];
      if (stack.state[t] === 0) {
        stack.state[t] = 1;
        const l = this.left[i];
        if (l >= 0) {
          stack.node[sp] = l;
          stack.state[sp] = 0;
          stack.an[sp] = stack.an[t];
          stack.amean[sp] = stack.amean[t];
          stack.am2[sp] = stack.am2[t];
          sp++;
        }
        continue;
      }
      // Left of this key: the ancestors' left parts (aux) plus this node's own statistics.
      const an = stack.an[t];
      const am = stack.amean[t];
      const a2 = stack.am2[t];
      const bn = this.n[i];
      const ln = an + bn;
      const d = this.mean[i] - am;
      const lmean = ln > 0 ? am + (d * bn) / ln : 0;
      const lm2 = ln > 0 ? a2 + this.m2[i] + (d * d * an * bn) / ln : 0;
      const rn = N - ln;
      let merit = 0;
      if (ln >= minSamples && rn >= minSamples) {
        const rmean = (N * this.totMean - ln * lmean) / rn;
        const dr = lmean - rmean;
        const rm2 = this.totM2 - lm2 - (dr * dr * ln * rn) / N;
        merit = preVar - (ln / N) * variance(ln, lm2) - (rn / N) * variance(rn, rm2);
      }
      if (merit > out.merit) {
        out.merit = merit;
        out.threshold = this.key[i];
        out.ln = ln;
        out.lmean = lmean;
        out.lm2 = lm2;
      }
      sp--;
      const r = this.right[i];
      if (r >= 0) {
        stack.node[sp] = r;
        stack.state[sp] = 0;
        stack.an[sp] = ln;
        stack.amean[sp] = lmean;
        stack.am2[sp] = lm2;
        sp++;
      }
    }
  }

  write(w: FloatWriter): void {
    w.num(this.totN);
    w.num(this.totMean);
    w.num(this.totM2);
    w.arr(this.key.subarray(0, this.size));
    w.arr(this.left.subarray(0, this.size));
    w.arr(this.right.subarray(0, this.size));
    w.arr(this.n.subarray(0, this.size));
    w.arr(this.mean.subarray(0, this.size));
    w.arr(this.m2.subarray(0, this.size));
  }

  static read(r: FloatReader): Ebst {
    const totN = r.num();
    const totMean = r.num();
    const totM2 = r.num();
    const key = r.f64();
    const e = new Ebst(Math.max(16, key.length));
    e.size = key.length;
    e.key.set(key);
    e.left.set(r.i32());
    e.right.set(r.i32());
    e.n.set(r.f64());
    e.mean.set(r.f64());
    e.m2.set(r.f64());
    e.totN = totN;
    e.totMean = totMean;
    e.totM2 = totM2;
    return e;
  }

  stateBytes(): number {
    return 48 + this.key.byteLength * 6;
  }
}
