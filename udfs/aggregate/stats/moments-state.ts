// Welford/Pébay running moments as plain number arrays, so SQL aggregate accumulators can hold
// them (state stores serialize accumulators as JSON): src/ml/stats/moments.ts's updates on
// plain arrays, plus the exact inverse of add for table retractions.
//   Moments4 = [n, mean, M2, M3, M4]  (VARIANCE, SKEWNESS, KURTOSIS)
//   Moments2 = [n, mean, M2]          (ZSCORE, CUSUM baselines)

import { addMoments, kurtosisOf, mergeMomentsInto, skewnessOf } from '../../../src/ml/stats/moments.js';

export type Moments4 = [number, number, number, number, number];
export type Moments2 = [number, number, number];

export const emptyMoments4 = (): Moments4 => [0, 0, 0, 0, 0];
export const emptyMoments2 = (): Moments2 => [0, 0, 0];

/** Folds x into s (n, mean and the central sums M2..M4), in place. */
export const addMoments4: (s: Moments4, x: number) => void = addMoments;

/** Undoes addMoments4(s, x) (exact up to rounding); back to all zeros when the last value goes. */
export function removeMoments4(s: Moments4, x: number): void {
  const n = s[0];
  if (n <= 1) { s.fill(0); return; }
  const n1 = n - 1;
  const mean1 = (n * s[1] - x) / n1;
  const delta = x - mean1;
  const dn = delta / n;
  const dn2 = dn * dn;
  const term1 = delta * dn * n1;
  const m2 = s[2] - term1;
  const m3 = s[3] - term1 * dn * (n - 2) + 3 * dn * m2;
  const m4 = s[4] - term1 * dn2 * (n * n - 3 * n + 3) - 6 * dn2 * m2 + 4 * dn * m3;
  s[0] = n1;
  s[1] = mean1;
  s[2] = m2 > 0 ? m2 : 0; // rounding must not make a variance negative
  s[3] = m3;
  s[4] = m4 > 0 ? m4 : 0;
}

/** a ∪ b as a new array (Chan/Pébay); neither input changes. */
export function mergeMoments4(a: Moments4, b: Moments4): Moments4 {
  const out: Moments4 = [...a];
  mergeMomentsInto(out, b);
  return out;
}

/** Sample variance (ddof = 1); null below two values. */
export function sampleVariance(s: Moments4 | Moments2): number | null {
  return s[0] < 2 ? null : s[2] / (s[0] - 1);
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Bias-corrected sample skewness G1 (pandas' skew); null below 3 values or with no spread. */
export const sampleSkewness = (s: Moments4): number | null => orNull(skewnessOf(s));

/** Bias-corrected sample excess kurtosis G2 (pandas' kurt); null below 4 values or with no spread. */
export const sampleExcessKurtosis = (s: Moments4): number | null => orNull(kurtosisOf(s));

/** Welford: folds x into [n, mean, M2], in place. */
export function addMoments2(s: Moments2, x: number): void {
  const n = s[0] + 1;
  const d = x - s[1];
  s[1] += d / n;
  s[2] += d * (x - s[1]);
  s[0] = n;
}

/** a ∪ b as a new array (Chan et al.); neither input changes. */
export function mergeMoments2(a: Moments2, b: Moments2): Moments2 {
  const na = a[0], nb = b[0];
  if (nb === 0) return [...a];
  if (na === 0) return [...b];
  const n = na + nb;
  const d = b[1] - a[1];
  return [n, a[1] + d * nb / n, a[2] + b[2] + d * d * na * nb / n];
}
