// Univariate mean, variance, skewness and kurtosis in one pass (Welford/Pébay updates of the
// central moments), mergeable across partitions by Chan/Pébay's pairwise formulas. Defaults match
// River: variance with ddof = 1, skewness and excess kurtosis bias-corrected (bias = false).

/** [n, mean, M2, M3, M4] in a Float64Array or a plain array (SQL aggregate state). */
export type MomentsArray = Float64Array | number[];

/** Folds x into s, in place (Welford/Pébay). */
export function addMoments(s: MomentsArray, x: number): void {
  const n1 = s[0];
  const n = n1 + 1;
  const delta = x - s[1];
  const dn = delta / n;
  const dn2 = dn * dn;
  const term1 = delta * dn * n1;
  s[1] += dn;
  s[4] += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * s[2] - 4 * dn * s[3];
  s[3] += term1 * dn * (n - 2) - 3 * dn * s[2];
  s[2] += term1;
  s[0] = n;
}

/** a ← a ∪ b, exact up to rounding (Chan/Pébay); b does not change. */
export function mergeMomentsInto(a: MomentsArray, b: MomentsArray): void {
  const na = a[0], nb = b[0];
  if (nb === 0) return;
  if (na === 0) { for (let i = 0; i < 5; i++) a[i] = b[i]; return; }
  const n = na + nb;
  const d = b[1] - a[1];
  const d2 = d * d, d3 = d2 * d, d4 = d2 * d2;
  const m2 = a[2] + b[2] + d2 * na * nb / n;
  const m3 = a[3] + b[3] + d3 * na * nb * (na - nb) / (n * n) + 3 * d * (na * b[2] - nb * a[2]) / n;
  const m4 = a[4] + b[4] + d4 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
    + 6 * d2 * (na * na * b[2] + nb * nb * a[2]) / (n * n) + 4 * d * (na * b[3] - nb * a[3]) / n;
  a[0] = n;
  a[1] += d * nb / n;
  a[2] = m2;
  a[3] = m3;
  a[4] = m4;
}

/** Skewness of s; bias = false gives the corrected G1 (pandas' skew). NaN when undefined. */
export function skewnessOf(s: MomentsArray, bias = false): number {
  const n = s[0], m2s = s[2], m3s = s[3];
  if (n < (bias ? 1 : 3) || !(m2s > 0)) return NaN;
  const m2 = m2s / n, m3 = m3s / n;
  const g1 = m3 / Math.pow(m2, 1.5);
  return bias ? g1 : g1 * Math.sqrt(n * (n - 1)) / (n - 2);
}

/** Excess (Fisher) kurtosis of s: 0 for a normal distribution; bias = false gives G2 (pandas' kurt). */
export function kurtosisOf(s: MomentsArray, bias = false): number {
  const n = s[0], m2s = s[2], m4s = s[4];
  if (n < (bias ? 1 : 4) || !(m2s > 0)) return NaN;
  const m2 = m2s / n, m4 = m4s / n;
  const g2 = m4 / (m2 * m2) - 3;
  return bias ? g2 : ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));
}

export class Moments {
  /** [n, mean, M2, M3, M4]: the whole state, for snapshots and SQL aggregate state. */
  readonly state = new Float64Array(5);

  get n(): number { return this.state[0]; }
  get mean(): number { return this.state[0] > 0 ? this.state[1] : NaN; }

  /** Adds one value; NaN is ignored (missing). */
  update(x: number): void {
    if (!Number.isNaN(x)) addMoments(this.state, x);
  }

  /** this ← this ∪ other, exact up to rounding. */
  merge(other: Moments): void {
    mergeMomentsInto(this.state, other.state);
  }

  variance(ddof = 1): number {
    const n = this.state[0];
    return n > ddof ? this.state[2] / (n - ddof) : NaN;
  }

  std(ddof = 1): number {
    return Math.sqrt(this.variance(ddof));
  }

  skewness(bias = false): number { return skewnessOf(this.state, bias); }

  /** Excess (Fisher) kurtosis: 0 for a normal distribution. */
  kurtosis(bias = false): number { return kurtosisOf(this.state, bias); }

  reset(): void {
    this.state.fill(0);
  }
}
