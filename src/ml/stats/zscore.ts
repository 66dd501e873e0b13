// The z-score of each value against the values before it (score, then learn): the streaming
// aggregate behind `ZSCORE(x)` and the per-feature part of the `zscore` anomaly model.
import { Moments } from './moments.js';

export class StreamingZScore {
  readonly moments = new Moments();

  /** z of `x` against history (ddof = 1); 0 until two values are seen or when history is constant and equal. */
  score(x: number): number {
    const n = this.moments.n;
    if (n < 2 || Number.isNaN(x)) return 0;
    const sd = this.moments.std(1);
    const d = x - this.moments.mean;
    if (sd > 0) return d / sd;
    return d === 0 ? 0 : d > 0 ? Infinity : -Infinity;
  }

  /** Scores `x` and then learns it. */
  update(x: number): number {
    const z = this.score(x);
    this.moments.update(x);
    return z;
  }

  merge(other: StreamingZScore): void {
    this.moments.merge(other.moments);
  }
}
