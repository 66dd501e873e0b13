// Streaming k-means with River's cluster.KMeans semantics: n_clusters centres drawn at random
// from N(mu, sigma) per feature (seeded), each learned row moves its closest centre (Minkowski
// distance of order p) by halflife × (x - centre). predict returns the closest centre's index.
// Missing values count as 0 in distances (River's x.get(k, 0)) and leave that coordinate alone.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { boolParam, intParam, numParam } from '../params.js';
import { Rng } from '../rng.js';
import { decodeState, encodeState, expectLength } from '../state-codec.js';
import { StandardScaler } from '../stats/standard-scaler.js';
import { learnableFeatures } from '../finite-guard.js';

export class KMeans implements OnlineModel {
  readonly type = 'kmeans';
  readonly task: ModelTask = 'clustering';
  readonly k: number;
  readonly halflife: number;
  readonly p: number;
  private readonly d: number;
  /** Centres, row-major k × d. */
  private readonly centers: Float64Array;
  private readonly scaler: StandardScaler | undefined;
  private readonly z: Float64Array;
  seen = 0;

  constructor(spec: ModelSpec) {
    const params = spec.params;
    this.k = intParam(params, 'n_clusters', 5, 1, 10000);
    this.halflife = numParam(params, 'halflife', 0.5, 0, 1);
    this.p = numParam(params, 'p', 2, 1e-9, 100);
    const mu = numParam(params, 'mu', 0, -1e12, 1e12), sigma = numParam(params, 'sigma', 1, 0, 1e12);
    this.d = spec.features;
    this.scaler = boolParam(params, 'standardize', false) ? new StandardScaler(this.d) : undefined;
    this.z = new Float64Array(this.d);
    this.centers = new Float64Array(this.k * this.d);
    const rng = new Rng(spec.seed);
    for (let i = 0; i < this.centers.length; i++) this.centers[i] = rng.gauss(mu, sigma);
  }

  private prepare(x: Float64Array): void {
    if (!this.scaler) { this.z.set(x.subarray(0, this.d)); return; }
    this.scaler.transform(x, this.z);
    for (let i = 0; i < this.d; i++) if (x[i] !== x[i]) this.z[i] = NaN;
  }

  private closest(): number {
    const z = this.z, c = this.centers, d = this.d, p = this.p;
    let best = 0, bestDist = Infinity;
    for (let j = 0; j < this.k; j++) {
      let dist = 0;
      for (let i = 0; i < d; i++) {
        const v = z[i] !== z[i] ? 0 : z[i];
        const a = Math.abs(c[j * d + i] - v);
        dist += p === 2 ? a * a : p === 1 ? a : Math.pow(a, p);
      }
      if (dist < bestDist) { bestDist = dist; best = j; }
    }
    return best;
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return;
    if (this.scaler) this.scaler.update(x);
    this.prepare(x);
    const j = this.closest();
    const off = j * this.d;
    for (let i = 0; i < this.d; i++) {
      const v = this.z[i];
      if (v === v) this.centers[off + i] += this.halflife * (v - this.centers[off + i]);
    }
    this.seen++;
  }

  predict(x: Float64Array): number {
    this.prepare(x);
    return this.closest();
  }

  /** A copy of the centres (row-major n_clusters × features, in the scaled space if standardize). */
  centres(): Float64Array {
    return this.centers.slice();
  }

  snapshot(): Uint8Array {
    const parts = [Float64Array.of(this.seen), this.centers];
    return encodeState(this.scaler ? [...parts, this.scaler.toArray()] : parts);
  }

  restore(state: Uint8Array): void {
    const parts = decodeState(state, this.scaler ? 3 : 2);
    this.seen = parts[0][0];
    this.centers.set(expectLength(parts[1], this.centers.length, 'centres'));
    this.scaler?.fromArray(parts[2]);
  }

  stateBytes(): number {
    return 8 * (this.centers.length + this.d + (this.scaler ? 3 * this.d : 0));
  }
}

export const kmeansFactory: ModelFactory = {
  type: 'kmeans',
  task: 'clustering',
  description: "Streaming k-means (River's KMeans): the closest centre moves toward each row",
  params: {
    n_clusters: { default: 5, doc: 'number of clusters' },
    halflife: { default: 0.5, doc: 'fraction of the way the closest centre moves toward a row' },
    mu: { default: 0, doc: 'mean of the random initial centres' },
    sigma: { default: 1, doc: 'standard deviation of the random initial centres' },
    p: { default: 2, doc: 'Minkowski distance order (2 = Euclidean, 1 = Manhattan)' },
    standardize: { default: false, doc: 'scale features online first (River: StandardScaler() | KMeans())' },
  },
  mergeable: false,
  create: (spec) => new KMeans(spec),
};
