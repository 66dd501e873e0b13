// Per-weight optimizers for the linear models, River's names and defaults: SGD (lr 0.01), Adam
// (lr 0.1, beta_1 0.9, beta_2 0.999, eps 1e-8) and FTRL-Proximal (alpha 0.05, beta 1, with the
// model's l1/l2 as its proximal penalties). State lives in one Float64Array laid out like the
// weights, so growing a row for a new class is one copy.

export type OptimizerKind = 'sgd' | 'adam' | 'ftrl';

/** Default learning rate (alpha for FTRL) when the user leaves learning_rate = 'auto'. */
export const DEFAULT_LR: Record<OptimizerKind, number> = { sgd: 0.01, adam: 0.1, ftrl: 0.05 };

export class Optimizer {
  /** sgd: empty; adam: [m..., v...]; ftrl: [z..., n...]. */
  state: Float64Array;
  /** Steps taken (Adam's bias correction). */
  steps = 0;
  readonly beta1 = 0.9;
  readonly beta2 = 0.999;
  readonly eps = 1e-8;
  readonly ftrlBeta = 1;

  /** Learning rate of the current step (after the schedule). */
  rate: number;

  /**
   * powerT > 0 decays the step as lr / t^powerT (River's optim.schedulers.InverseScaling), so a
   * fresh model learns fast and then settles; 0 keeps it constant.
   */
  constructor(readonly kind: OptimizerKind, readonly lr: number, private size: number, readonly l1 = 0, readonly l2 = 0, readonly powerT = 0) {
    this.state = new Float64Array(kind === 'sgd' ? 0 : 2 * size);
    this.rate = lr;
  }

  /** Call once per learned example, before the row steps. */
  tick(): void {
    this.steps++;
    if (this.powerT > 0) this.rate = this.lr / Math.pow(this.steps, this.powerT);
  }

  /** rate / lr: the schedule's factor, also applied to the intercept's step. */
  get decay(): number {
    return this.powerT > 0 ? this.rate / this.lr : 1;
  }

  /** w[off + i] -= update(g[i]) for i < len. */
  step(w: Float64Array, off: number, g: Float64Array, len: number): void {
    if (this.kind === 'sgd') {
      const lr = this.rate;
      for (let i = 0; i < len; i++) w[off + i] -= lr * g[i];
      return;
    }
    const s = this.state;
    const half = this.size;
    if (this.kind === 'adam') {
      const t = this.steps;
      const b1 = this.beta1, b2 = this.beta2;
      const lr = (this.rate * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
      for (let i = 0; i < len; i++) {
        const gi = g[i];
        const m = (s[off + i] = b1 * s[off + i] + (1 - b1) * gi);
        const v = (s[half + off + i] = b2 * s[half + off + i] + (1 - b2) * gi * gi);
        w[off + i] -= (lr * m) / (Math.sqrt(v) + this.eps);
      }
      return;
    }
    // FTRL-Proximal (McMahan et al. 2013): weights are a closed form of (z, n).
    const alpha = this.lr, beta = this.ftrlBeta, l1 = this.l1, l2 = this.l2;
    for (let i = 0; i < len; i++) {
      const gi = g[i];
      const zi = off + i, ni = half + off + i;
      const n = s[ni];
      const sigma = (Math.sqrt(n + gi * gi) - Math.sqrt(n)) / alpha;
      s[zi] += gi - sigma * w[off + i];
      s[ni] = n + gi * gi;
      const z = s[zi];
      w[off + i] = Math.abs(z) <= l1 ? 0 : -(z - Math.sign(z) * l1) / ((beta + Math.sqrt(s[ni])) / alpha + l2);
    }
  }

  /** True when the state of weights off..off+len is finite (Adam's moments, FTRL's z and n). */
  finiteAt(off: number, len: number): boolean {
    const s = this.state, half = this.size;
    if (s.length === 0) return true;
    for (let i = off; i < off + len; i++) if (!Number.isFinite(s[i]) || !Number.isFinite(s[half + i])) return false;
    return true;
  }

  /** Inserts `count` zero weights' worth of state at `at` (a new class row). */
  insert(at: number, count: number): void {
    if (this.kind !== 'sgd') this.state = insertZeros(insertZeros(this.state, this.size + at, count), at, count);
    this.size += count;
  }

  toArray(): Float64Array {
    const out = new Float64Array(1 + this.state.length);
    out[0] = this.steps;
    out.set(this.state, 1);
    return out;
  }

  fromArray(a: Float64Array): void {
    if (a.length !== 1 + this.state.length) throw new Error('model state: optimizer size mismatch');
    this.steps = a[0];
    this.rate = this.powerT > 0 && this.steps > 0 ? this.lr / Math.pow(this.steps, this.powerT) : this.lr;
    this.state.set(a.subarray(1));
  }
}

/** A copy of `a` with `count` zeros inserted at `at`. */
export function insertZeros(a: Float64Array, at: number, count: number): Float64Array {
  const out = new Float64Array(a.length + count);
  out.set(a.subarray(0, at), 0);
  out.set(a.subarray(at), at + count);
  return out;
}
