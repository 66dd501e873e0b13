// Tree snapshots are a pre-order walk written as one stream of float64s (then wrapped by
// state-codec): counts, thresholds and statistics are all doubles already, so a restore is
// bit-exact, and small integers (tags, lengths, indexes) are exact in a double too.

export class FloatWriter {
  private buf = new Float64Array(1024);
  private n = 0;

  private reserve(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + extra) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  num(v: number): void {
    this.reserve(1);
    this.buf[this.n++] = v;
  }

  bool(v: boolean): void {
    this.num(v ? 1 : 0);
  }

  /** Length-prefixed array. */
  arr(a: ArrayLike<number>): void {
    this.reserve(a.length + 1);
    this.buf[this.n++] = a.length;
    for (let i = 0; i < a.length; i++) this.buf[this.n++] = a[i];
  }

  finish(): Float64Array {
    return this.buf.slice(0, this.n);
  }
}

export class FloatReader {
  private at = 0;
  constructor(private readonly data: Float64Array) {}

  num(): number {
    if (this.at >= this.data.length) throw new Error('model state: truncated');
    return this.data[this.at++];
  }

  int(): number {
    const v = this.num();
    if (!Number.isInteger(v)) throw new Error('model state: corrupt (expected an integer)');
    return v;
  }

  bool(): boolean {
    return this.num() !== 0;
  }

  f64(): Float64Array {
    const len = this.int();
    if (this.at + len > this.data.length) throw new Error('model state: truncated');
    const out = this.data.slice(this.at, this.at + len);
    this.at += len;
    return out;
  }

  i32(): Int32Array {
    return Int32Array.from(this.f64());
  }

  /** Restores must consume exactly what was written. */
  end(): void {
    if (this.at !== this.data.length) throw new Error('model state: corrupt (trailing data)');
  }
}
