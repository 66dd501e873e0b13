// River's GaussianSplitter (MOA's GaussianNumericAttributeClassObserver) on flat Float64Arrays:
// per (feature, class) a weighted mean/variance plus the min and max seen. It serves both naive
// Bayes (log density) and split search (the class weight left of a cut from the normal CDF).
// Layout: 5 doubles per cell, [weight, mean, m2, min, max].
// (The naive-Bayes log density is computed inline in LeafClassifier.nbScores, its hot loop.)

export const CELL = 5;
export const LOG_2PI = Math.log(2 * Math.PI);
/**
 * Log density charged when a value misses a zero-variance cell, which MOA treats as a point mass
 * (exp(-700) ~ 1e-304: effectively impossible, but finite so scores stay comparable).
 */
export const LOG_MISS = -700;

export function initCells(obs: Float64Array, from = 0, to = obs.length): void {
  for (let o = from; o < to; o += CELL) {
    obs[o] = 0;
    obs[o + 1] = 0;
    obs[o + 2] = 0;
    obs[o + 3] = Infinity;
    obs[o + 4] = -Infinity;
  }
}

/** Weighted Welford update (West 1979). */
export function updateCell(obs: Float64Array, o: number, x: number, w: number): void {
  const n = obs[o] + w;
  const d = x - obs[o + 1];
  const mean = obs[o + 1] + (d * w) / n;
  obs[o] = n;
  obs[o + 1] = mean;
  obs[o + 2] += w * d * (x - mean);
  if (x < obs[o + 3]) obs[o + 3] = x;
  if (x > obs[o + 4]) obs[o + 4] = x;
}

/** Sample variance (ddof = 1 on the weight, as River's Var). */
export function cellVariance(obs: Float64Array, o: number): number {
  const n = obs[o];
  return n > 1 ? Math.max(0, obs[o + 2] / (n - 1)) : 0;
}

/** Estimated weight of the cell at or below `cut` (min/max make the tails exact). */
export function cellWeightLeft(obs: Float64Array, o: number, cut: number): number {
  const n = obs[o];
  if (n <= 0 || cut < obs[o + 3]) return 0;
  if (cut >= obs[o + 4]) return n;
  const sd = Math.sqrt(cellVariance(obs, o));
  if (sd <= 0) return cut >= obs[o + 1] ? n : 0;
  return n * normalCdf((cut - obs[o + 1]) / sd);
}

export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function, Numerical Recipes' Chebyshev fit (relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
