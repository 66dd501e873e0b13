// What logistic regression and the perceptron share: binary mode (one weight row, class 1 is the
// positive class) until a third class appears, then one row per class. The switch is exact: the
// binary row w becomes class 1's row and class 0's row starts at zero, since softmax over
// (0, w·x) is sigmoid(w·x). Class indexes grow as labels appear; scratch grows with them.
import type { ModelSpec, ModelTask, OnlineModel } from '../online-model.js';
import { decodeState, encodeState } from '../state-codec.js';
import { Glm, type GlmOptions } from './glm.js';
import { learnableFeatures } from '../finite-guard.js';

export abstract class LinearClassifier implements OnlineModel {
  abstract readonly type: string;
  readonly task: ModelTask = 'classification';
  protected readonly glm: Glm;
  /** Classes known so far. */
  protected classes: number;
  protected scores: Float64Array;
  seen = 0;

  constructor(spec: ModelSpec, opts: GlmOptions) {
    this.classes = Math.max(0, spec.classes ?? 0);
    this.glm = new Glm(spec.features, opts, this.classes > 2 ? this.classes : 1);
    this.scores = new Float64Array(Math.max(2, this.classes));
  }

  /** Gradient step(s) for label y on the prepared input; binary mode when glm.rows === 1. */
  protected abstract fit(y: number): void;
  /**
   * Class probabilities of the prepared input into this.scores[0..classes): the sigmoid of the
   * margin in binary mode, else the softmax of the per-class scores (for the perceptron a
   * ranking rather than a calibrated probability).
   */
  protected probabilities(): void {
    const glm = this.glm, s = this.scores;
    if (glm.rows === 1) {
      const p = sigmoid(glm.dot(0));
      s[0] = 1 - p;
      s[1] = p;
      return;
    }
    let max = -Infinity;
    for (let k = 0; k < glm.rows; k++) {
      s[k] = glm.dot(k);
      if (s[k] > max) max = s[k];
    }
    let sum = 0;
    for (let k = 0; k < glm.rows; k++) sum += s[k] = Math.exp(s[k] - max);
    for (let k = 0; k < glm.rows; k++) s[k] /= sum;
  }

  learn(x: Float64Array, y: number): void {
    if (!(Number.isInteger(y) && y >= 0)) throw new Error(`${this.type}: label must be a class index, got ${y}`);
    if (!learnableFeatures(x)) return; // a value whose square overflows would poison the scaler
    this.ensureClasses(y + 1);
    this.glm.prepare(x, true);
    this.glm.optimizer.tick();
    this.fit(y);
    this.glm.endStep();
    this.seen++;
  }

  predict(x: Float64Array): number {
    if (this.classes <= 1) return 0;
    this.glm.prepare(x, false);
    // Binary: the sign of the margin (p > 0.5), without the sigmoid.
    if (this.glm.rows === 1) return this.glm.dot(0) > 0 ? 1 : 0;
    this.probabilities();
    let best = 0;
    for (let k = 1; k < this.classes; k++) if (this.scores[k] > this.scores[best]) best = k;
    return best;
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    out.fill(0);
    if (this.classes === 0) return;
    this.glm.prepare(x, false);
    this.probabilities();
    // With one class seen, still report the binary row's view when the caller knows two.
    const known = Math.max(this.classes, this.glm.rows === 1 ? 2 : 0);
    for (let k = 0; k < Math.min(known, out.length); k++) out[k] = this.scores[k];
    if (out.length === 1) out[0] = 1;
  }

  protected ensureClasses(k: number): void {
    if (k <= this.classes) return;
    if (this.glm.rows === 1 && k > 2) this.glm.insertRows(0, 1); // binary row becomes class 1
    if (this.glm.rows > 1 && k > this.glm.rows) this.glm.insertRows(this.glm.rows, k - this.glm.rows);
    this.classes = k;
    if (this.scores.length < k) this.scores = new Float64Array(k);
  }

  snapshot(): Uint8Array {
    return encodeState([Float64Array.of(this.classes, this.seen), ...this.glm.toParts()]);
  }

  restore(state: Uint8Array): void {
    const [meta, ...rest] = decodeState(state, 6);
    this.ensureClasses(meta[0]);
    this.seen = meta[1];
    this.glm.fromParts(rest);
  }

  stateBytes(): number {
    return this.glm.stateBytes() + 8 * this.scores.length;
  }
}

export function sigmoid(r: number): number {
  return r >= 0 ? 1 / (1 + Math.exp(-r)) : Math.exp(r) / (1 + Math.exp(r));
}
