// Exact decimal values: an unscaled bigint and a scale, as Java's BigDecimal. Never a float.

export class Decimal {
  constructor(readonly unscaled: bigint, readonly scale: number) {}

  static fromString(text: string): Decimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: '${text}'`);
    const frac = m[3] ?? '';
    let scale = frac.length - (m[4] ? parseInt(m[4], 10) : 0);
    let unscaled = BigInt((m[2] || '0') + frac);
    if (scale < 0) { unscaled *= 10n ** BigInt(-scale); scale = 0; }
    return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
  }

  static fromNumber(n: number, scale?: number): Decimal {
    const d = Decimal.fromString(Number.isInteger(n) ? n.toFixed(0) : String(n));
    return scale === undefined ? d : d.setScale(scale);
  }

  /** Digits in the unscaled value (BigDecimal.precision: at least 1). */
  get precision(): number {
    const s = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString();
    return s.length;
  }

  /** Rescale with HALF_UP rounding, as ksqlDB does. */
  setScale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const div = 10n ** BigInt(this.scale - scale);
    const q = this.unscaled / div;
    const r = this.unscaled % div;
    const twice = (r < 0n ? -r : r) * 2n;
    const rounded = twice >= div ? q + (this.unscaled < 0n ? -1n : 1n) : q;
    return new Decimal(rounded, scale);
  }

  compare(o: Decimal): number {
    const s = Math.max(this.scale, o.scale);
    const a = this.setScale(s).unscaled, b = o.setScale(s).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(o: Decimal): boolean { return this.scale === o.scale && this.unscaled === o.unscaled; }

  negate(): Decimal { return new Decimal(-this.unscaled, this.scale); }

  toNumber(): number { return Number(this.toString()); }

  /** Plain notation keeping the scale: 1.50 stays "1.50". */
  toString(): string {
    const neg = this.unscaled < 0n;
    let digits = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-this.scale);
    if (digits.length <= this.scale) digits = '0'.repeat(this.scale - digits.length + 1) + digits;
    const cut = digits.length - this.scale;
    return (neg ? '-' : '') + digits.slice(0, cut) + '.' + digits.slice(cut);
  }

  toJSON(): string { return this.toString(); }
}
