// The OnlineModel face shared by the tree classifiers: label checks, the growing class count,
// predict as the arg-max of predictProba, and snapshots as one float64 stream.
import type { ModelSpec, OnlineModel } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { FloatReader, FloatWriter } from './float-io.js';
import { learnableFeatures } from '../finite-guard.js';

export abstract class ClassifierModel implements OnlineModel {
  abstract readonly type: string;
  readonly task = 'classification' as const;
  seen = 0;
  /** Classes known so far. */
  protected nc: number;
  private proba: Float64Array;

  constructor(spec: ModelSpec) {
    this.nc = Math.max(1, spec.classes ?? 1);
    this.proba = new Float64Array(this.nc);
  }

  protected abstract learnOne(x: Float64Array, y: number): void;
  abstract predictProba(x: Float64Array, out: Float64Array): void;
  protected abstract writeState(w: FloatWriter): void;
  protected abstract readState(r: FloatReader): void;
  abstract stateBytes(): number;

  /** A label that is not a class index (e.g. NaN for a missing label) is skipped. */
  learn(x: Float64Array, y: number): void {
    if (!Number.isInteger(y) || y < 0 || !learnableFeatures(x)) return;
    if (y >= this.nc) {
      this.nc = y + 1;
      this.proba = new Float64Array(this.nc);
    }
    this.seen++;
    this.learnOne(x, y);
  }

  predict(x: Float64Array): number {
    const p = this.proba;
    this.predictProba(x, p);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return best;
  }

  snapshot(): Uint8Array {
    const w = new FloatWriter();
    w.num(this.seen);
    w.num(this.nc);
    this.writeState(w);
    return encodeState([w.finish()]);
  }

  restore(state: Uint8Array): void {
    const [data] = decodeState(state, 1);
    const r = new FloatReader(data);
    this.seen = r.num();
    this.nc = r.int();
    this.proba = new Float64Array(this.nc);
    this.readState(r);
    r.end();
  }
}
