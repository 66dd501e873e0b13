// The shared shell of the models built on one RunningCovariance (the Mahalanobis detector over
// x, exact ridge regression over (x, y)): the statistics, the feature count with a d×d buffer
// for the Cholesky factor, a `dirty` flag for the factorisation each subclass derives from the
// statistics on demand, and the exact merge, snapshot and restore.
import type { ModelTask, OnlineModel } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { RunningCovariance } from './covariance.js';

export abstract class CovarianceModel implements OnlineModel {
  abstract readonly type: string;
  abstract readonly task: ModelTask;
  protected readonly stats: RunningCovariance;
  /** Number of features. */
  protected readonly d: number;
  /** Cholesky factor (row-major d×d) of the subclass's system. */
  protected readonly l: Float64Array;
  /** True when the statistics changed since the subclass last derived its factorisation. */
  protected dirty = true;

  /** `dim` is the width of the rows kept in the statistics (the features, plus any target). */
  constructor(features: number, dim: number) {
    this.d = features;
    this.l = new Float64Array(features * features);
    this.stats = new RunningCovariance(dim);
  }

  get seen(): number { return this.stats.n; }

  abstract learn(x: Float64Array, y: number): void;
  abstract predict(x: Float64Array): number;
  abstract stateBytes(): number;

  /** Adds a row to the statistics. */
  protected observe(row: Float64Array): void {
    this.stats.update(row);
    this.dirty = true;
  }

  merge(other: OnlineModel): void {
    if (!(other instanceof CovarianceModel) || other.type !== this.type || other.stats.dim !== this.stats.dim) {
      throw new Error(`${this.type}: can only merge a ${this.type} model of the same width`);
    }
    this.stats.merge(other.stats);
    this.dirty = true;
  }

  snapshot(): Uint8Array {
    return encodeState([this.stats.toArray()]);
  }

  restore(state: Uint8Array): void {
    this.stats.fromArray(decodeState(state, 1)[0]);
    this.dirty = true;
  }
}
