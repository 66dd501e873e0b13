// Per-class counts of the categories of one categorical feature. A category is any number; a
// Map gives it a slot the first time it is seen (the only allocation, like a new class), and
// counts live in a Float64Array of slots × classes.

export class CategoryCounts {
  private readonly slots = new Map<number, number>();
  private values = new Float64Array(8);
  /** counts[slot * classes + c] */
  private counts = new Float64Array(0);
  /** Non-missing values per class. */
  private totals = new Float64Array(0);
  private classes = 0;

  ensureClasses(k: number): void {
    if (k <= this.classes) return;
    const cap = this.values.length;
    const grown = new Float64Array(cap * k);
    for (let s = 0; s < this.slots.size; s++) grown.set(this.counts.subarray(s * this.classes, (s + 1) * this.classes), s * k);
    this.counts = grown;
    const t = new Float64Array(k);
    t.set(this.totals);
    this.totals = t;
    this.classes = k;
  }

  private slotOf(v: number): number {
    let s = this.slots.get(v);
    if (s !== undefined) return s;
    s = this.slots.size;
    if (s === this.values.length) {
      const vals = new Float64Array(s * 2);
      vals.set(this.values);
      this.values = vals;
      const c = new Float64Array(s * 2 * this.classes);
      c.set(this.counts);
      this.counts = c;
    }
    this.slots.set(v, s);
    this.values[s] = v;
    return s;
  }

  add(v: number, c: number, w = 1): void {
    this.counts[this.slotOf(v) * this.classes + c] += w;
    this.totals[c] += w;
  }

  /** log P(value | class) with Laplace smoothing over the categories seen so far. */
  logLikelihood(v: number, c: number, alpha: number): number {
    const s = this.slots.get(v);
    const n = s === undefined ? 0 : this.counts[s * this.classes + c];
    const categories = this.slots.size + (s === undefined ? 1 : 0);
    const num = n + alpha, den = this.totals[c] + alpha * categories;
    return num > 0 && den > 0 ? Math.log(num / den) : Math.log(1e-9);
  }

  /** Adds other's counts; other's class c counts as class `to(c)` here (-1: left out). */
  merge(other: CategoryCounts, to: (c: number) => number = (c) => c): void {
    let k = other.classes;
    for (let c = 0; c < other.classes; c++) k = Math.max(k, to(c) + 1);
    this.ensureClasses(k);
    for (const [v, s] of other.slots) {
      for (let c = 0; c < other.classes; c++) {
        const n = other.counts[s * other.classes + c];
        const t = to(c);
        if (n !== 0 && t >= 0) this.counts[this.slotOf(v) * this.classes + t] += n;
      }
    }
    for (let c = 0; c < other.classes; c++) {
      const t = to(c);
      if (t >= 0) this.totals[t] += other.totals[c];
    }
  }

  /** [values in slot order], [classes, totals..., counts...] */
  toParts(): Float64Array[] {
    const n = this.slots.size;
    const body = new Float64Array(1 + this.classes + n * this.classes);
    body[0] = this.classes;
    body.set(this.totals, 1);
    body.set(this.counts.subarray(0, n * this.classes), 1 + this.classes);
    return [this.values.slice(0, n), body];
  }

  fromParts(values: Float64Array, body: Float64Array): void {
    this.ensureClasses(body[0]);
    if (body[0] !== this.classes) throw new Error('model state: category counts class mismatch');
    this.slots.clear();
    this.counts.fill(0);
    for (let i = 0; i < values.length; i++) this.slotOf(values[i]);
    this.totals.set(body.subarray(1, 1 + this.classes));
    this.counts.set(body.subarray(1 + this.classes));
  }

  stateBytes(): number {
    return 8 * (this.values.length + this.counts.length + this.totals.length) + 48 * this.slots.size;
  }
}
