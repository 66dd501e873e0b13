// Normal-score anomaly detector: each feature's value is ranked against that feature's history
// (a t-digest), the rank turned into a normal score g = Φ⁻¹(rank), and the score is Σ g² over
// the features (a Gaussian copula with independent margins; χ² with d degrees of freedom for
// typical rows). Ranks make it indifferent to scale and heavy tails, so one wild feature cannot
// dominate the way it does in a plain z-score, while rows that are unusual in several features
// at once add up. On Shuttle it beats the z-score and Mahalanobis detectors.
// Ranks use (rank·n + ½)/(n + 1) so the first values and the extremes stay finite.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { intParam } from '../params.js';
import { decodeState, encodeState } from '../state-codec.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { TDigest } from '../stats/t-digest.js';
import { learnableFeatures } from '../finite-guard.js';

export class RankZScore implements OnlineModel {
  readonly type = 'rank_zscore';
  readonly task: ModelTask = 'anomaly';
  private readonly d: number;
  private readonly digests: TDigest[];
  seen = 0;

  constructor(spec: ModelSpec) {
    this.d = spec.features;
    const compression = intParam(spec.params, 'compression', 100, 10, 10000);
    this.digests = Array.from({ length: this.d }, () => new TDigest(compression));
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return;
    for (let i = 0; i < this.d; i++) this.digests[i].add(x[i]);
    this.seen++;
  }

  predict(x: Float64Array): number {
    let score = 0;
    for (let i = 0; i < this.d; i++) {
      const v = x[i];
      const t = this.digests[i];
      const n = t.count;
      if (v !== v || n === 0) continue;
      const g = normalQuantile((t.cdf(v) * n + 0.5) / (n + 1));
      score += g * g;
    }
    return score;
  }

  /** Approximate (t-digests merge approximately), hence not flagged mergeable. */
  merge(other: OnlineModel): void {
    if (!(other instanceof RankZScore) || other.d !== this.d) throw new Error('rank_zscore: can only merge a rank_zscore model of the same width');
    for (let i = 0; i < this.d; i++) this.digests[i].merge(other.digests[i]);
    this.seen += other.seen;
  }

  snapshot(): Uint8Array {
    return encodeState([Float64Array.of(this.seen), ...this.digests.map((t) => t.toArray())]);
  }

  restore(state: Uint8Array): void {
    const [meta, ...parts] = decodeState(state, 1 + this.d);
    this.seen = meta[0];
    parts.forEach((p, i) => this.digests[i].fromArray(p));
  }

  stateBytes(): number {
    return this.digests.reduce((s, t) => s + t.stateBytes(), 0);
  }
}

export const rankZScoreFactory: ModelFactory = {
  type: 'rank_zscore',
  task: 'anomaly',
  description: 'Sum of squared normal scores of per-feature ranks (t-digest): robust to scale and heavy tails',
  params: { compression: { default: 100, doc: 't-digest compression per feature (more = finer ranks, more memory)' } },
  mergeable: false,
  create: (spec) => new RankZScore(spec),
};
