// Half-Space Trees (Tan, Ting & Liu 2011) as in River's anomaly.HalfSpaceTrees: n_trees random
// trees of fixed height over [0, 1]^d, built from the seed alone (a feature is picked with
// probability proportional to the width of the node's box, split uniformly in its middle 70%).
// Each learned row adds mass along its path (l_mass); every window_size rows the masses pivot
// into the reference profile (r_mass). The score sums r_mass · 2^depth down each path, stopping
// at nodes lighter than 10% of a window, and is reported as 1 - normalised mass: higher is more
// anomalous, 0 during the first window.
//
// River assumes features in [0, 1] and recommends `MinMaxScaler() | HalfSpaceTrees()`; here the
// online min-max scaler is built in (`scaler = 'minmax'`, the default) since SQL columns rarely
// come pre-scaled. `scaler = 'none'` is River's bare model.
//
// Trees are complete binary trees in heap order (children of i: 2i+1, 2i+2), one Float64Array
// per attribute across all trees.
import type { ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { intParam, ParamError, strParam } from '../params.js';

/** The most tree nodes (n_trees × 2^(height+1)) a model allocates: about 100 MB. */
const MAX_NODES = 2 ** 22;
import { Rng } from '../rng.js';
import { decodeState, encodeState, expectLength } from '../state-codec.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { learnableFeatures } from '../finite-guard.js';

const PADDING = 0.15;

export class HalfSpaceTrees implements OnlineModel {
  readonly type = 'half_space_trees';
  readonly task: ModelTask = 'anomaly';
  readonly nTrees: number;
  readonly height: number;
  readonly windowSize: number;
  private readonly d: number;
  private readonly nodes: number;
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly lMass: Float64Array;
  private readonly rMass: Float64Array;
  private readonly scaler: MinMaxScaler | undefined;
  private readonly z: Float64Array;
  /** [seen, counter, firstWindow] */
  private readonly meta = Float64Array.of(0, 0, 1);

  constructor(spec: ModelSpec) {
    const p = spec.params;
    this.nTrees = intParam(p, 'n_trees', 10, 1, 10000);
    this.height = intParam(p, 'height', 8, 1, 20);
    this.windowSize = intParam(p, 'window_size', 250, 1, 1_000_000);
    this.d = spec.features;
    this.scaler = strParam(p, 'scaler', 'minmax', ['minmax', 'none']) === 'minmax' ? new MinMaxScaler(this.d) : undefined;
    this.nodes = 2 ** (this.height + 1) - 1;
    // Every tree is allocated whole: bound the total so a CREATE cannot ask for gigabytes.
    if (this.nTrees * this.nodes > MAX_NODES) throw new ParamError('n_trees', `parameters 'n_trees' × 2^(height + 1) must be at most ${MAX_NODES} nodes, got ${this.nTrees} × ${this.nodes + 1}`);
    const total = this.nTrees * this.nodes;
    this.feature = new Int32Array(total).fill(-1);
    this.threshold = new Float64Array(total);
    this.lMass = new Float64Array(total);
    this.rMass = new Float64Array(total);
    this.z = new Float64Array(this.d);
    const rng = new Rng(spec.seed);
    const lo = new Float64Array(this.d), hi = new Float64Array(this.d).fill(1);
    for (let t = 0; t < this.nTrees; t++) this.build(t * this.nodes, 0, 0, lo, hi, rng);
  }

  get seen(): number { return this.meta[0]; }

  /** Pre-order like River's make_padded_tree, so the random draws come in the same order. */
  private build(base: number, node: number, depth: number, lo: Float64Array, hi: Float64Array, rng: Rng): void {
    if (depth === this.height || this.d === 0) return;
    let sum = 0;
    for (let i = 0; i < this.d; i++) sum += hi[i] - lo[i];
    let r = rng.next() * sum, f = 0;
    while (f < this.d - 1 && r >= hi[f] - lo[f]) { r -= hi[f] - lo[f]; f++; }
    const a = lo[f], b = hi[f];
    const at = rng.uniform(a + PADDING * (b - a), b - PADDING * (b - a));
    this.feature[base + node] = f;
    this.threshold[base + node] = at;
    hi[f] = at;
    this.build(base, 2 * node + 1, depth + 1, lo, hi, rng);
    hi[f] = b;
    lo[f] = at;
    this.build(base, 2 * node + 2, depth + 1, lo, hi, rng);
    lo[f] = a;
  }

  /** The child of `node` that `z` falls into; missing values follow the busier child. */
  private child(base: number, node: number): number {
    const left = 2 * node + 1;
    const v = this.z[this.feature[base + node]];
    if (v !== v) return this.lMass[base + left] < this.lMass[base + left + 1] ? left + 1 : left;
    return v < this.threshold[base + node] ? left : left + 1;
  }

  private prepare(x: Float64Array): void {
    if (this.scaler) this.scaler.transform(x, this.z);
    else this.z.set(x.subarray(0, this.d));
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return;
    if (this.scaler) this.scaler.update(x);
    this.prepare(x);
    const leaves = 2 ** this.height - 1;
    for (let t = 0; t < this.nTrees; t++) {
      const base = t * this.nodes;
      let node = 0;
      for (;;) {
        this.lMass[base + node]++;
        if (node >= leaves) break;
        node = this.child(base, node);
      }
    }
    this.meta[0]++;
    if (++this.meta[1] === this.windowSize) {
      this.rMass.set(this.lMass);
      this.lMass.fill(0);
      this.meta[1] = 0;
      this.meta[2] = 0;
    }
  }

  predict(x: Float64Array): number {
    if (this.meta[2] === 1) return 0;
    this.prepare(x);
    const sizeLimit = 0.1 * this.windowSize;
    const leaves = 2 ** this.height - 1;
    let score = 0;
    for (let t = 0; t < this.nTrees; t++) {
      const base = t * this.nodes;
      let node = 0, weight = 1;
      for (;;) {
        const m = this.rMass[base + node];
        score += m * weight;
        if (m < sizeLimit || node >= leaves) break;
        node = this.child(base, node);
        weight *= 2;
      }
    }
    return 1 - score / (this.nTrees * this.windowSize * this.nodes);
  }

  snapshot(): Uint8Array {
    const parts = [this.meta, this.lMass, this.rMass];
    return encodeState(this.scaler ? [...parts, this.scaler.toArray()] : parts);
  }

  restore(state: Uint8Array): void {
    const parts = decodeState(state, this.scaler ? 4 : 3);
    this.meta.set(expectLength(parts[0], 3, 'meta'));
    this.lMass.set(expectLength(parts[1], this.lMass.length, 'masses'));
    this.rMass.set(expectLength(parts[2], this.rMass.length, 'masses'));
    this.scaler?.fromArray(parts[3]);
  }

  stateBytes(): number {
    return this.nTrees * this.nodes * 28 + 8 * 3 * this.d;
  }
}

export const halfSpaceTreesFactory: ModelFactory = {
  type: 'half_space_trees',
  task: 'anomaly',
  description: "Half-Space Trees (River's HalfSpaceTrees) with online min-max scaling",
  params: {
    n_trees: { default: 10, doc: 'number of trees' },
    height: { default: 8, doc: 'height of each tree (2^(h+1) - 1 nodes)' },
    window_size: { default: 250, doc: 'rows per reference window' },
    scaler: { default: 'minmax', doc: "minmax: scale features online to [0, 1]; none: features are already in [0, 1] (River's bare model)" },
  },
  mergeable: false,
  create: (spec) => new HalfSpaceTrees(spec),
};
