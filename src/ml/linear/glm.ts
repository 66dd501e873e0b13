// The shared body of the linear models (River's GLM): one weight row per output (one for binary
// and regression, one per class for softmax), an intercept per row updated by plain SGD at
// `intercept_lr`, a per-weight optimizer, L2 through the gradient and L1 through Tsuruoka's
// cumulative penalty (FTRL applies both inside its proximal step instead). Inputs pass through an
// online StandardScaler first (`standardize`, on by default) with NaN imputed as the mean.
import { StandardScaler } from '../stats/standard-scaler.js';
import { allFinite } from '../finite-guard.js';
import { DEFAULT_LR, Optimizer, insertZeros, type OptimizerKind } from './optimizer.js';
import type { HyperParams } from '../online-model.js';
import { boolParam, numParam, strParam, type ParamDocs } from '../params.js';

/**
 * The largest learning rate: steps stay finite (rate × clip_gradient ≤ 1e18) and Adam/FTRL, whose
 * per-weight step is about the rate, still make sense; plain SGD on standardized features already
 * diverges above ~1, and a step that would leave a weight non-finite is rolled back anyway.
 */
export const MAX_LEARNING_RATE = 1000;

export interface GlmOptions {
  optimizer: OptimizerKind;
  learningRate: number;
  interceptLr: number;
  l1: number;
  l2: number;
  clipGradient: number;
  standardize: boolean;
  /** 0: constant learning rate; > 0: lr / t^power_t. */
  powerT: number;
}

export function glmParamDocs(defaults: { optimizer: OptimizerKind; interceptLr: number; sgdLr?: number }): ParamDocs {
  const sgd = defaults.sgdLr ?? DEFAULT_LR.sgd;
  return {
    optimizer: { default: defaults.optimizer, doc: 'sgd, adam or ftrl (FTRL-Proximal)' },
    learning_rate: { default: 'auto', doc: `step size; auto = ${sgd} for sgd, 0.1 for adam, alpha 0.05 for ftrl (River defaults)` },
    intercept_lr: { default: defaults.interceptLr, doc: 'SGD step size of the intercept (0 freezes it)' },
    l1: { default: 0, doc: 'L1 penalty (cumulative-penalty truncation; proximal for ftrl)' },
    l2: { default: 0, doc: 'L2 penalty' },
    clip_gradient: { default: 1e12, doc: 'clips the loss gradient to [-c, c]' },
    power_t: { default: 0, doc: 'learning-rate decay: step t uses learning_rate / t^power_t (River InverseScaling); 0 = constant; ignored by ftrl' },
    standardize: { default: true, doc: 'scale features online to zero mean and unit variance (River: StandardScaler() | model)' },
  };
}

export function readGlmOptions(p: HyperParams, defaults: { optimizer: OptimizerKind; interceptLr: number; lr?: number }): GlmOptions {
  const optimizer = strParam<OptimizerKind>(p, 'optimizer', defaults.optimizer, ['sgd', 'adam', 'ftrl']);
  const auto = p.learning_rate === undefined || String(p.learning_rate).toLowerCase() === 'auto';
  const autoLr = optimizer === 'sgd' && defaults.lr !== undefined ? defaults.lr : DEFAULT_LR[optimizer];
  return {
    optimizer,
    learningRate: auto ? autoLr : numParam(p, 'learning_rate', 0, Number.MIN_VALUE, MAX_LEARNING_RATE),
    interceptLr: numParam(p, 'intercept_lr', defaults.interceptLr, 0, MAX_LEARNING_RATE),
    l1: numParam(p, 'l1', 0, 0, 1e6),
    l2: numParam(p, 'l2', 0, 0, 1e6),
    clipGradient: numParam(p, 'clip_gradient', 1e12, 0, 1e15),
    standardize: boolParam(p, 'standardize', true),
    powerT: numParam(p, 'power_t', 0, 0, 1),
  };
}

export class Glm {
  /** Weight rows of (features + 1): the last entry of each row is its intercept. */
  weights: Float64Array;
  rows: number;
  readonly scaler: StandardScaler;
  readonly optimizer: Optimizer;
  /** Tsuruoka's q_i (penalty actually applied) per weight, and u (total penalty so far). */
  cumL1: Float64Array;
  maxCumL1 = 0;
  /** The current input after scaling (valid after `prepare`). */
  readonly z: Float64Array;
  private readonly g: Float64Array;
  private readonly useCumL1: boolean;
  // Hot-path copies of the options.
  private readonly standardize: boolean;
  private readonly clip: number;
  private readonly l2Grad: number;
  private readonly interceptLr: number;

  constructor(readonly features: number, readonly opts: GlmOptions, rows = 1) {
    this.rows = rows;
    this.weights = new Float64Array(rows * (features + 1));
    this.scaler = new StandardScaler(features);
    const ftrl = opts.optimizer === 'ftrl';
    this.optimizer = new Optimizer(opts.optimizer, opts.learningRate, rows * (features + 1), ftrl ? opts.l1 : 0, ftrl ? opts.l2 : 0, ftrl ? 0 : opts.powerT);
    this.useCumL1 = opts.l1 > 0 && !ftrl;
    this.cumL1 = new Float64Array(this.useCumL1 ? rows * (features + 1) : 0);
    this.z = new Float64Array(features);
    this.g = new Float64Array(features);
    this.standardize = opts.standardize;
    this.clip = opts.clipGradient;
    this.l2Grad = ftrl ? 0 : opts.l2;
    this.interceptLr = opts.interceptLr;
  }

  /** Scales `x` into `z`; when learning, the scaler learns `x` first (River's pipeline order). */
  prepare(x: Float64Array, learn: boolean): void {
    if (this.standardize) {
      if (learn) this.scaler.update(x);
      this.scaler.transform(x, this.z);
    } else {
      const z = this.z;
      for (let i = 0; i < this.features; i++) z[i] = x[i] !== x[i] ? 0 : x[i];
    }
  }

  /** w_r · z + b_r */
  dot(row: number): number {
    const d = this.features;
    const w = this.weights;
    const z = this.z;
    const off = row * (d + 1);
    let s = w[off + d];
    for (let i = 0; i < d; i++) s += w[off + i] * z[i];
    return s;
  }

  /** One gradient step on row `row` given dLoss/dRaw for the current `z`. */
  update(row: number, lossGradient: number): void {
    const d = this.features;
    const clip = this.clip;
    const lg = lossGradient > clip ? clip : lossGradient < -clip ? -clip : lossGradient;
    const w = this.weights;
    const off = row * (d + 1);
    const g = this.g, z = this.z;
    const l2 = this.l2Grad;
    if (l2 === 0) for (let i = 0; i < d; i++) g[i] = lg * z[i];
    else for (let i = 0; i < d; i++) g[i] = lg * z[i] + l2 * w[off + i];
    this.save(off);
    w[off + d] -= this.interceptLr * this.optimizer.decay * lg;
    // Optimizer and L1 state are laid out like the weights (the intercept slot unused).
    this.optimizer.step(w, off, g, d);
    if (this.useCumL1) this.applyL1(off);
    // A step that overflows (a learning rate too high for the data diverges) would leave NaN
    // weights for good: undo it, so the row keeps its last finite weights.
    if (!allFinite(w, off, off + d + 1) || !this.optimizer.finiteAt(off, d)) this.undo(off);
  }

  /** The row's weights and optimizer/L1 state before the current step (allocated once). */
  private saved = new Float64Array(0);

  private save(off: number): void {
    const d = this.features + 1;
    const opt = this.optimizer.state, half = opt.length / 2;
    if (this.saved.length !== 4 * d) this.saved = new Float64Array(4 * d);
    const b = this.saved, w = this.weights, q = this.cumL1;
    // Element by element: subarray views would be four allocations per learned row.
    for (let i = 0; i < d; i++) b[i] = w[off + i];
    if (half > 0) for (let i = 0; i < d; i++) { b[d + i] = opt[off + i]; b[2 * d + i] = opt[half + off + i]; }
    if (this.useCumL1) for (let i = 0; i < d; i++) b[3 * d + i] = q[off + i];
  }

  private undo(off: number): void {
    const d = this.features + 1;
    const opt = this.optimizer.state, half = opt.length / 2;
    const b = this.saved, w = this.weights, q = this.cumL1;
    for (let i = 0; i < d; i++) w[off + i] = b[i];
    if (half > 0) for (let i = 0; i < d; i++) { opt[off + i] = b[d + i]; opt[half + off + i] = b[2 * d + i]; }
    if (this.useCumL1) for (let i = 0; i < d; i++) q[off + i] = b[3 * d + i];
  }

  /** Call once per learned row, after all `update`s: advances the L1 budget. */
  endStep(): void {
    if (this.useCumL1) this.maxCumL1 += this.opts.l1 * this.optimizer.rate;
  }

  private applyL1(off: number): void {
    const w = this.weights, q = this.cumL1, u = this.maxCumL1 + this.opts.l1 * this.optimizer.rate;
    for (let i = 0; i < this.features; i++) {
      const before = w[off + i];
      if (before > 0) w[off + i] = Math.max(0, before - (u + q[off + i]));
      else if (before < 0) w[off + i] = Math.min(0, before + (u - q[off + i]));
      q[off + i] += w[off + i] - before;
    }
  }

  /** Inserts `count` zero rows before row `at` (a class appearing). */
  insertRows(at: number, count: number): void {
    const r = this.features + 1;
    this.weights = insertZeros(this.weights, at * r, count * r);
    this.optimizer.insert(at * r, count * r);
    if (this.useCumL1) this.cumL1 = insertZeros(this.cumL1, at * r, count * r);
    this.rows += count;
  }

  /** [rows, maxCumL1], scaler, weights, optimizer, cumL1 */
  toParts(): Float64Array[] {
    return [Float64Array.of(this.rows, this.maxCumL1), this.scaler.toArray(), this.weights.slice(), this.optimizer.toArray(), this.cumL1.slice()];
  }

  fromParts(parts: Float64Array[]): void {
    const [meta, scaler, weights, opt, cum] = parts;
    const rows = meta[0];
    if (rows > this.rows) this.insertRows(this.rows, rows - this.rows);
    if (rows !== this.rows) throw new Error('model state: has fewer classes than this model');
    this.maxCumL1 = meta[1];
    this.scaler.fromArray(scaler);
    if (weights.length !== this.weights.length) throw new Error('model state: weights size mismatch');
    this.weights.set(weights);
    this.optimizer.fromArray(opt);
    if (cum.length !== this.cumL1.length) throw new Error('model state: l1 size mismatch');
    this.cumL1.set(cum);
  }

  stateBytes(): number {
    return 8 * (this.weights.length + this.optimizer.state.length + this.cumL1.length + 3 * this.features);
  }
}
