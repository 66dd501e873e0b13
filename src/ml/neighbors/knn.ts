// TYPE knn and knn_regressor: k nearest neighbours over a sliding window of the last
// window_size examples (River's neighbors.KNNClassifier / KNNRegressor; MOA's kNN keeps 1000).
import type { ModelFactory, ModelSpec, OnlineModel } from '../online-model.js';
import { boolParam, intParam, numParam, strParam } from '../params.js';
import { decodeState, encodeState } from '../state-codec.js';
import { FloatReader, FloatWriter } from '../trees/float-io.js';
import { NeighborWindow } from './neighbor-window.js';
import { learnableFeatures, learnableTarget } from '../finite-guard.js';

function makeWindow(spec: ModelSpec): NeighborWindow {
  const p = spec.params;
  return new NeighborWindow(
    intParam(p, 'window_size', 1000, 1, 1_000_000),
    spec.features,
    intParam(p, 'n_neighbors', 5, 1, 1000),
    numParam(p, 'p', 2, 1, 100),
  );
}

abstract class KnnBase implements OnlineModel {
  abstract readonly type: string;
  abstract readonly task: 'classification' | 'regression';
  seen = 0;
  protected readonly win: NeighborWindow;

  constructor(spec: ModelSpec) {
    this.win = makeWindow(spec);
  }

  abstract learn(x: Float64Array, y: number): void;
  abstract predict(x: Float64Array): number;

  snapshot(): Uint8Array {
    const w = new FloatWriter();
    w.num(this.seen);
    this.win.write(w);
    return encodeState([w.finish()]);
  }

  restore(state: Uint8Array): void {
    const [data] = decodeState(state, 1);
    const r = new FloatReader(data);
    this.seen = r.num();
    this.win.read(r);
    r.end();
  }

  stateBytes(): number {
    return this.win.stateBytes();
  }
}

export class KnnClassifier extends KnnBase {
  readonly type = 'knn';
  readonly task = 'classification' as const;
  private readonly weighted: boolean;
  private proba: Float64Array;

  constructor(spec: ModelSpec) {
    super(spec);
    this.weighted = boolParam(spec.params, 'weighted', true);
    this.proba = new Float64Array(Math.max(1, spec.classes ?? 1));
  }

  learn(x: Float64Array, y: number): void {
    if (!Number.isInteger(y) || y < 0 || !learnableFeatures(x)) return;
    if (y >= this.proba.length) this.proba = new Float64Array(y + 1);
    this.seen++;
    this.win.add(x, y);
  }

  /**
   * Votes of the k nearest, each 1/distance when weighted; exact matches (distance 0) take all
   * the mass, as in River.
   */
  predictProba(x: Float64Array, out: Float64Array): void {
    out.fill(0);
    const win = this.win;
    win.search(x);
    if (win.found === 0) return;
    const exact = win.nearDist[0] === 0;
    let s = 0;
    for (let i = 0; i < win.found; i++) {
      const d = win.nearDist[i];
      if (exact && d !== 0) break;
      const c = win.ys[win.nearIdx[i]];
      if (c >= out.length) continue;
      const v = exact || !this.weighted ? 1 : 1 / d;
      out[c] += v;
      s += v;
    }
    if (s > 0) for (let c = 0; c < out.length; c++) out[c] /= s;
  }

  predict(x: Float64Array): number {
    const p = this.proba;
    this.predictProba(x, p);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return best;
  }

  override restore(state: Uint8Array): void {
    super.restore(state);
    let max = this.proba.length - 1;
    for (let i = 0; i < this.win.count; i++) max = Math.max(max, this.win.ys[i]);
    if (max >= this.proba.length) this.proba = new Float64Array(max + 1);
  }
}

type Aggregation = 'mean' | 'median' | 'weighted_mean';

export class KnnRegressor extends KnnBase {
  readonly type = 'knn_regressor';
  readonly task = 'regression' as const;
  private readonly aggregation: Aggregation;
  private readonly sorted: Float64Array;

  constructor(spec: ModelSpec) {
    super(spec);
    this.aggregation = strParam<Aggregation>(spec.params, 'aggregation_method', 'mean', ['mean', 'median', 'weighted_mean']);
    this.sorted = new Float64Array(this.win.k);
  }

  learn(x: Float64Array, y: number): void {
    if (!learnableTarget(y) || !learnableFeatures(x)) return;
    this.seen++;
    this.win.add(x, y);
  }

  predict(x: Float64Array): number {
    const win = this.win;
    win.search(x);
    const n = win.found;
    if (n === 0) return 0;
    if (this.aggregation === 'median') {
      const v = this.sorted;
      for (let i = 0; i < n; i++) {
        const y = win.ys[win.nearIdx[i]];
        let j = i;
        while (j > 0 && v[j - 1] > y) {
          v[j] = v[j - 1];
          j--;
        }
        v[j] = y;
      }
      return n % 2 === 1 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    if (this.aggregation === 'weighted_mean') {
      if (win.nearDist[0] === 0) return win.ys[win.nearIdx[0]];
      let s = 0;
      let ws = 0;
      for (let i = 0; i < n; i++) {
        const wt = 1 / win.nearDist[i];
        s += wt * win.ys[win.nearIdx[i]];
        ws += wt;
      }
      return s / ws;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += win.ys[win.nearIdx[i]];
    return s / n;
  }
}

const common = {
  n_neighbors: { default: 5, doc: 'neighbours consulted' },
  window_size: { default: 1000, doc: 'most recent examples kept' },
  p: { default: 2, doc: 'Minkowski distance power (2 = Euclidean, 1 = Manhattan)' },
};

export const knnFactory: ModelFactory = {
  type: 'knn',
  task: 'classification',
  description: 'k-nearest-neighbours classifier over a sliding window, as River neighbors.KNNClassifier',
  params: { ...common, weighted: { default: true, doc: 'weight votes by inverse distance' } },
  create: (spec) => new KnnClassifier(spec),
  mergeable: false,
};

export const knnRegressorFactory: ModelFactory = {
  type: 'knn_regressor',
  task: 'regression',
  description: 'k-nearest-neighbours regressor over a sliding window, as River neighbors.KNNRegressor',
  params: { ...common, aggregation_method: { default: 'mean', doc: "'mean', 'median' or 'weighted_mean' of the neighbours' targets" } },
  create: (spec) => new KnnRegressor(spec),
  mergeable: false,
};
