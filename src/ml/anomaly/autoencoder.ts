// An online autoencoder: a small dense network d → hidden → d trained to reproduce its input,
// one Adam step per learned row; the anomaly score is how badly it reconstructs a row. Rows that
// follow the structure the network has learned (correlations between features, a low-dimensional
// manifold) reconstruct well; rows that break it do not, even when every single value is within
// its usual range (which is what the z-score and min-max detectors miss).
//
// Inputs are standardised online (per-feature Welford mean and variance, the StandardScaler the
// linear models use): a missing value (NaN) is imputed with the running mean, i.e. 0, and a
// feature constant so far standardises to 0. Missing features are left out of the reconstruction
// error, both when learning and when scoring: the network is not taught to reproduce an
// imputed mean, and a row is not scored on values it did not have.
//
// Hidden layer tanh (or relu), linear output, Glorot-uniform weights from the seed, zero biases.
// Loss and score: the mean squared reconstruction error over the row's present features. The
// gradient's L2 norm is clipped per row (`clip_norm`), so one wild row moves the weights by at
// most one ordinary Adam step and cannot inflate Adam's second moments for thousands of rows;
// rows with values beyond ±MAX_ABS_VALUE are skipped (learnableFeatures), and a step whose
// gradient is not finite is not taken. predict() scores 0 before any row was learned.
//
// All parameters live in one Float64Array (W1 h×d, b1, W2 d×h, b2), Adam's moments and the
// gradient in arrays laid out the same way; nothing is allocated per learn/predict call.
import type { HyperParams, ModelFactory, ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { intParam, numParam, ParamError, strParam } from '../params.js';
import { Rng } from '../rng.js';
import { decodeState, encodeState, expectLength } from '../state-codec.js';
import { StandardScaler } from '../stats/standard-scaler.js';
import { learnableFeatures } from '../finite-guard.js';

/** The most weights (2 · hidden · features) a model allocates; with Adam's moments and the gradient, 32 MiB. */
const MAX_WEIGHTS = 2 ** 20;
/** Encoded features the SQL layer lets through: at the default hidden = features / 2, exactly MAX_WEIGHTS. */
const MAX_FEATURES = 1024;
/** Standardised values are clamped to this when scoring, so a huge or infinite value scores huge but finite. */
const Z_MAX = 1e100;

type Activation = 'tanh' | 'relu';

/** hidden = 'auto' (or absent): max(2, ceil(features / 2)). */
function hiddenParam(p: HyperParams, d: number): number {
  const def = Math.max(2, Math.ceil(d / 2));
  if (typeof p.hidden === 'string' && p.hidden.trim().toLowerCase() === 'auto') return def;
  return intParam(p, 'hidden', def, 1, 1024);
}

export class Autoencoder implements OnlineModel {
  readonly type = 'autoencoder';
  readonly task: ModelTask = 'anomaly';
  readonly hidden: number;
  readonly activation: Activation;
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly clipNorm: number;
  private readonly d: number;
  /** Offsets into the parameter vector: W1 at 0 (row j = hidden unit j), then b1, W2 (row i = output i), b2. */
  private readonly oB1: number;
  private readonly oW2: number;
  private readonly oB2: number;
  private readonly w: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly g: Float64Array;
  private readonly scaler: StandardScaler;
  /** Scratch: standardised input, hidden pre-activation and activation, output, output error. */
  private readonly z: Float64Array;
  private readonly pre: Float64Array;
  private readonly act: Float64Array;
  private readonly out: Float64Array;
  private readonly dOut: Float64Array;
  /** [seen, Adam steps taken] */
  private readonly meta = new Float64Array(2);

  constructor(spec: ModelSpec) {
    const p = spec.params;
    const d = (this.d = spec.features);
    const h = (this.hidden = hiddenParam(p, d));
    this.activation = strParam<Activation>(p, 'activation', 'tanh', ['tanh', 'relu']);
    this.learningRate = numParam(p, 'learning_rate', 0.01, Number.MIN_VALUE, 10);
    this.beta1 = numParam(p, 'beta1', 0.9, 0, 0.999999);
    this.beta2 = numParam(p, 'beta2', 0.999, 0, 0.999999);
    this.eps = numParam(p, 'eps', 1e-8, Number.MIN_VALUE, 1);
    this.clipNorm = numParam(p, 'clip_norm', 1, Number.MIN_VALUE, 1e6);
    // Every weight is allocated four times over (weights, two moments, gradient): bound the total
    // so a CREATE cannot ask for gigabytes.
    if (2 * h * d > MAX_WEIGHTS) {
      throw new ParamError('hidden', `parameter 'hidden' × features × 2 must be at most ${MAX_WEIGHTS} weights, got 2 × ${h} × ${d} = ${2 * h * d}`);
    }
    this.oB1 = h * d;
    this.oW2 = this.oB1 + h;
    this.oB2 = this.oW2 + d * h;
    const size = this.oB2 + d;
    this.w = new Float64Array(size);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.g = new Float64Array(size);
    this.scaler = new StandardScaler(d);
    this.z = new Float64Array(d);
    this.pre = new Float64Array(h);
    this.act = new Float64Array(h);
    this.out = new Float64Array(d);
    this.dOut = new Float64Array(d);
    // Glorot uniform: both layers have fan_in + fan_out = d + h.
    const rng = new Rng(spec.seed);
    const limit = Math.sqrt(6 / (d + h));
    for (let k = 0; k < this.oB1; k++) this.w[k] = rng.uniform(-limit, limit);
    for (let k = this.oW2; k < this.oB2; k++) this.w[k] = rng.uniform(-limit, limit);
  }

  get seen(): number { return this.meta[0]; }

  /** z = standardised x, clamped to ±Z_MAX; a missing value is 0. Returns the count of present features. */
  private standardise(x: Float64Array): number {
    const d = this.d, z = this.z;
    this.scaler.transform(x, z);
    let present = 0;
    for (let i = 0; i < d; i++) {
      if (x[i] === x[i]) present++;
      const v = z[i];
      // NaN here only from ±Infinity × a zero scale (a constant feature): standardises to 0.
      z[i] = v !== v ? 0 : v > Z_MAX ? Z_MAX : v < -Z_MAX ? -Z_MAX : v;
    }
    return present;
  }

  /** Forward pass over `z`; returns the mean squared error over the present features of `x`. */
  private forward(x: Float64Array, present: number): number {
    const d = this.d, h = this.hidden, w = this.w, z = this.z, pre = this.pre, act = this.act, out = this.out;
    const relu = this.activation === 'relu';
    for (let j = 0; j < h; j++) {
      let s = w[this.oB1 + j];
      const row = j * d;
      for (let i = 0; i < d; i++) s += w[row + i] * z[i];
      pre[j] = s;
      act[j] = relu ? (s > 0 ? s : 0) : Math.tanh(s);
    }
    let sse = 0;
    for (let i = 0; i < d; i++) {
      let s = w[this.oB2 + i];
      const row = this.oW2 + i * h;
      for (let j = 0; j < h; j++) s += w[row + j] * act[j];
      out[i] = s;
      if (x[i] === x[i]) {
        const e = s - z[i];
        sse += e * e;
      }
    }
    return present > 0 ? sse / present : 0;
  }

  learn(x: Float64Array): void {
    if (!learnableFeatures(x)) return;
    this.scaler.update(x);
    this.meta[0]++;
    const present = this.standardise(x);
    if (present === 0) return;
    this.forward(x, present);
    const d = this.d, h = this.hidden, w = this.w, g = this.g, z = this.z;
    const act = this.act, pre = this.pre, out = this.out, dOut = this.dOut;
    const relu = this.activation === 'relu';
    // Output layer: dL/dout_i = 2 (out_i - z_i) / present, 0 for a missing feature.
    const scale = 2 / present;
    for (let i = 0; i < d; i++) {
      const e = x[i] === x[i] ? scale * (out[i] - z[i]) : 0;
      dOut[i] = e;
      g[this.oB2 + i] = e;
      const row = this.oW2 + i * h;
      for (let j = 0; j < h; j++) g[row + j] = e * act[j];
    }
    // Hidden layer: back through W2 and the activation.
    for (let j = 0; j < h; j++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += w[this.oW2 + i * h + j] * dOut[i];
      const a = act[j];
      const dPre = relu ? (pre[j] > 0 ? s : 0) : s * (1 - a * a);
      g[this.oB1 + j] = dPre;
      const row = j * d;
      for (let i = 0; i < d; i++) g[row + i] = dPre * z[i];
    }
    let norm2 = 0;
    for (let k = 0; k < g.length; k++) norm2 += g[k] * g[k];
    if (!(norm2 <= Number.MAX_VALUE)) return; // a gradient that overflowed: no step
    const norm = Math.sqrt(norm2);
    const clip = norm > this.clipNorm ? this.clipNorm / norm : 1;
    // Adam with bias correction folded into the step size.
    const t = ++this.meta[1];
    const b1 = this.beta1, b2 = this.beta2, eps = this.eps;
    const lr = (this.learningRate * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
    const m = this.m, v = this.v;
    for (let k = 0; k < g.length; k++) {
      const gk = g[k] * clip;
      const mk = (m[k] = b1 * m[k] + (1 - b1) * gk);
      const vk = (v[k] = b2 * v[k] + (1 - b2) * gk * gk);
      w[k] -= (lr * mk) / (Math.sqrt(vk) + eps);
    }
  }

  predict(x: Float64Array): number {
    if (this.meta[0] === 0) return 0;
    return this.forward(x, this.standardise(x));
  }

  snapshot(): Uint8Array {
    return encodeState([this.meta, this.w, this.m, this.v, this.scaler.toArray()]);
  }

  restore(state: Uint8Array): void {
    const parts = decodeState(state, 5);
    const n = this.w.length;
    this.meta.set(expectLength(parts[0], 2, 'meta'));
    this.w.set(expectLength(parts[1], n, 'weights'));
    this.m.set(expectLength(parts[2], n, 'first moments'));
    this.v.set(expectLength(parts[3], n, 'second moments'));
    this.scaler.fromArray(parts[4]);
  }

  stateBytes(): number {
    return 8 * (4 * this.w.length + 8 * this.d + 2 * this.hidden + 2);
  }
}

export const autoencoderFactory: ModelFactory = {
  type: 'autoencoder',
  task: 'anomaly',
  description: 'Online dense autoencoder (features → hidden → features, Adam, online standardisation): score = mean squared reconstruction error',
  params: {
    hidden: { default: 'auto', doc: 'hidden units, 1..1024; auto = max(2, ceil(features / 2))' },
    activation: { default: 'tanh', doc: 'hidden-layer activation: tanh or relu (the output is linear)' },
    learning_rate: { default: 0.01, doc: "Adam's step size" },
    beta1: { default: 0.9, doc: "Adam's decay of the gradient's mean" },
    beta2: { default: 0.999, doc: "Adam's decay of the gradient's uncentred variance" },
    eps: { default: 1e-8, doc: "Adam's denominator guard" },
    clip_norm: { default: 1, doc: "each row's gradient is scaled down to at most this L2 norm" },
  },
  mergeable: false,
  maxFeatures: MAX_FEATURES,
  create: (spec) => new Autoencoder(spec),
};
