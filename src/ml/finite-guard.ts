// What a model may learn from, and checks that an update left its state finite. One row with
// Infinity, or a value whose square overflows, must not turn a model's weights or statistics into
// Infinity/NaN for good: models skip such rows (learn() returns without learning) and roll back
// an update that would leave a non-finite number behind.

/**
 * The largest magnitude a feature or target may have: its square (1e300) is still finite, so
 * a variance, a dot product or a squared error of one row cannot overflow.
 */
export const MAX_ABS_VALUE = 1e150;

/** A feature value a model may learn: NaN (missing) or a number within ±MAX_ABS_VALUE. */
export function learnableValue(v: number): boolean {
  return v !== v || (v <= MAX_ABS_VALUE && v >= -MAX_ABS_VALUE);
}

/** True when every feature is missing (NaN) or within ±MAX_ABS_VALUE. */
export function learnableFeatures(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v !== v || (v <= MAX_ABS_VALUE && v >= -MAX_ABS_VALUE))) return false;
  }
  return true;
}

/** A regression target a model may learn: finite and within ±MAX_ABS_VALUE. */
export function learnableTarget(y: number): boolean {
  return y <= MAX_ABS_VALUE && y >= -MAX_ABS_VALUE;
}

/** True when a[from..to) holds only finite numbers. */
export function allFinite(a: Float64Array, from = 0, to = a.length): boolean {
  for (let i = from; i < to; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
