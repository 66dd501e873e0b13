// Wraps a supervised model with a drift detector fed by the model's own prequential error
// (0/1 misclassification for classifiers, absolute error for regressors), as River's
// drift.DriftRetrainingClassifier does. On drift the model is either reset to a fresh one or
// replaced by a background model that has been learning since the last warning. A warning is the
// detector's own warning zone (DDM) or, when a second, more sensitive `warningDetector` is given
// (Adaptive Random Forest's scheme: ADWIN at delta 0.01 warns, at 0.002 confirms), its alarm;
// each warning restarts the background model, so it holds only the most recent data.
// Fresh models come from the same factory and spec (same seed), so runs stay reproducible and a
// restored wrapper rebuilds its inner models exactly.
import type { ModelTask, OnlineModel } from '../online-model.js';
import { bytesPart, decodeState, encodeState, partBytes } from '../state-codec.js';
import type { DriftDetector } from './drift-detector.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';

export type OnDrift = 'reset' | 'swap';

export class DriftAdaptiveModel implements OnlineModel {
  readonly task: ModelTask;
  private model: OnlineModel;
  private background: OnlineModel | undefined;
  /** [seen, drifts] */
  private readonly meta = new Float64Array(2);

  constructor(
    readonly type: string,
    private readonly makeModel: () => OnlineModel,
    private readonly detector: DriftDetector,
    readonly onDrift: OnDrift = 'swap',
    private readonly warningDetector?: DriftDetector,
  ) {
    this.model = makeModel();
    this.task = this.model.task;
    if (this.task !== 'classification' && this.task !== 'regression') {
      throw new Error(`${type}: needs a classifier or a regressor, got a ${this.task} model`);
    }
  }

  get seen(): number { return this.meta[0]; }
  /** Drifts detected so far. */
  get drifts(): number { return this.meta[1]; }

  learn(x: Float64Array, y: number): void {
    // A row the inner model would skip must not count as an error for the drift detector either.
    if (!learnableFeatures(x) || !(this.task === 'classification' ? Number.isInteger(y) && y >= 0 : learnableTarget(y))) return;
    const pred = this.model.predict(x);
    const error = this.task === 'classification' ? (pred === y ? 0 : 1) : Math.abs(pred - y);
    const drift = this.detector.update(error);
    const warned = this.warningDetector ? this.warningDetector.update(error) : false;
    if (drift) {
      // The new model's errors are a new stream: judging them against the old window would
      // read its warm-up as another drift and reset again.
      this.detector.reset();
      this.warningDetector?.reset();
      this.meta[1]++;
      this.model = this.onDrift === 'swap' && this.background ? this.background : this.makeModel();
      this.background = undefined;
    } else if (this.onDrift === 'swap') {
      if (warned) this.background = this.makeModel();
      if (this.detector.warning) this.background ??= this.makeModel();
      this.background?.learn(x, y);
    }
    this.model.learn(x, y);
    this.meta[0]++;
  }

  predict(x: Float64Array): number {
    return this.model.predict(x);
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    if (!this.model.predictProba) throw new Error(`${this.type}: the wrapped model gives no probabilities`);
    this.model.predictProba(x, out);
  }

  snapshot(): Uint8Array {
    const parts = [this.meta, this.detector.toArray(), this.warningDetector?.toArray() ?? new Float64Array(0), bytesPart(this.model.snapshot())];
    if (this.background) parts.push(bytesPart(this.background.snapshot()));
    return encodeState(parts);
  }

  restore(state: Uint8Array): void {
    const parts = decodeState(state);
    if (parts.length < 4 || parts.length > 5) throw new Error(`${this.type}: corrupt state`);
    this.meta.set(parts[0]);
    this.detector.fromArray(parts[1]);
    this.warningDetector?.fromArray(parts[2]);
    this.model = this.makeModel();
    this.model.restore(partBytes(parts[3]));
    this.background = undefined;
    if (parts[4]) {
      this.background = this.makeModel();
      this.background.restore(partBytes(parts[4]));
    }
  }

  stateBytes(): number {
    return 16 + 8 * this.detector.toArray().length + this.model.stateBytes() + (this.background?.stateBytes() ?? 0);
  }
}
