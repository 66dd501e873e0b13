// The largest absolute z-score over the features, each against the running mean and standard
// deviation (ddof 1) of the rows learned before it. Simple, mergeable, and strong when anomalies
// are extreme in at least one feature. A feature constant so far scores 0 when the value repeats
// and a very large z (deviation / 1e-9) when it does not; missing values are skipped.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { StandardScaler } from '../stats/standard-scaler.js';
import { learnableFeatures } from '../finite-guard.js';

const SD_FLOOR = 1e-9;

export class ZScoreDetector implements OnlineModel {
  readonly type = 'zscore';
  readonly task: ModelTask = 'anomaly';
  private readonly d: number;
  private readonly moments: StandardScaler;
  seen = 0;

  constructor(spec: ModelSpec) {
    this.d = spec.features;
    this.moments = new StandardScaler(this.d);
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return;
    this.moments.update(x);
    this.seen++;
  }

  predict(x: Float64Array): number {
    const { count, mean, m2 } = this.moments;
    let best = 0;
    for (let i = 0; i < this.d; i++) {
      const v = x[i];
      const n = count[i];
      if (v !== v || n < 2) continue;
      const sd = Math.sqrt(m2[i] / (n - 1));
      const z = Math.abs(v - mean[i]) / (sd > SD_FLOOR ? sd : SD_FLOOR);
      if (z > best) best = z;
    }
    return best;
  }

  merge(other: OnlineModel): void {
    if (!(other instanceof ZScoreDetector) || other.d !== this.d) throw new Error('zscore: can only merge a zscore model of the same width');
    this.moments.merge(other.moments);
    this.seen += other.seen;
  }

  snapshot(): Uint8Array {
    return encodeState([Float64Array.of(this.seen), this.moments.toArray()]);
  }

  restore(state: Uint8Array): void {
    const [meta, m] = decodeState(state, 2);
    this.seen = meta[0];
    this.moments.fromArray(m);
  }

  stateBytes(): number {
    return 8 * (3 * this.d + 1);
  }
}

export const zscoreFactory: ModelFactory = {
  type: 'zscore',
  task: 'anomaly',
  description: 'Largest absolute z-score over the features, against running means and deviations (mergeable)',
  params: {},
  mergeable: true,
  create: (spec) => new ZScoreDetector(spec),
};
