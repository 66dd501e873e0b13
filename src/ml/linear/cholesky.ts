// Cholesky factorisation and solve for small dense symmetric positive definite systems (ridge
// regression, Mahalanobis distance). Row-major n×n, in caller-provided buffers.

/** Writes L (lower triangle, row-major) of A = L Lᵀ into `l`; false when A is not positive definite. */
export function cholesky(a: Float64Array, n: number, l: Float64Array): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return false;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
    for (let j = i + 1; j < n; j++) l[i * n + j] = 0;
  }
  return true;
}

/** Solves L y = b (forward substitution) into `out`. */
export function forwardSolve(l: Float64Array, n: number, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * out[k];
    out[i] = s / l[i * n + i];
  }
}

/** Solves A x = b given A's factor L, into `out` (may alias `b`). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array, out: Float64Array): void {
  forwardSolve(l, n, b, out);
  for (let i = n - 1; i >= 0; i--) {
    let s = out[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * out[k];
    out[i] = s / l[i * n + i];
  }
}
