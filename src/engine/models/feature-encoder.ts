// SQL values to the model's fixed-width Float64Array. A numeric feature is one slot, used as it
// is (models that need scaling standardize inside). A STRING or BOOLEAN feature is one-hot over
// `slots` slots: the first slots/2 values seen while learning get their own slot, in the order
// they appear; values past that cardinality share the other half by hash. NULL is NaN (numeric: "missing", which models
// tolerate) or no slot set (categorical). A value first seen while predicting sets no slot.
import { Decimal } from '../../types/decimal.js';
import { learnableValue } from '../../ml/finite-guard.js';

export interface EncodedFeature { name: string; categorical: boolean }

export interface FeatureEncoderState { vocab: (string[] | null)[] }

export class FeatureEncoder {
  readonly width: number;
  /** Where each feature's slots begin in the encoded row. */
  readonly start: number[] = [];
  private readonly vocab: (Map<string, number> | null)[];
  private readonly x: Float64Array;
  /** The numeric features' indexes, and the categorical ones'. */
  private readonly numeric: Int32Array;
  private readonly categorical: Int32Array;
  /** Each numeric feature's slot (start[numeric[j]]). */
  private readonly numericSlots: Int32Array;

  constructor(private readonly features: EncodedFeature[], private readonly slots: number) {
    this.numeric = featureIndexes(features, false);
    this.categorical = featureIndexes(features, true);
    let w = 0;
    for (const f of features) { this.start.push(w); w += f.categorical ? slots : 1; }
    this.width = w;
    this.numericSlots = Int32Array.from(this.numeric, (i) => this.start[i]);
    this.x = new Float64Array(w);
    this.vocab = features.map((f) => (f.categorical ? new Map() : null));
  }

  /** Encodes values[from ..] into the shared buffer (valid until the next call). */
  encode(values: ArrayLike<unknown>, from: number, learning: boolean): Float64Array {
    this.numbers(values, from);
    return this.categories(values, from, learning);
  }

  /**
   * The numeric features of values[from ..] into the shared buffer (encode's first half, for a
   * row the caller may still refuse): the first one a model must not learn (non-finite, or
   * beyond ±MAX_ABS_VALUE; NULL and NaN are missing, which models take), or -1.
   */
  numbers(values: ArrayLike<unknown>, from: number): number {
    const x = this.x;
    const idx = this.numeric;
    const slots = this.numericSlots;
    let bad = -1;
    for (let j = 0; j < idx.length; j++) {
      const n = toNumber(values[from + idx[j]]);
      x[slots[j]] = n;
      if (bad < 0 && !learnableValue(n)) bad = idx[j];
    }
    return bad;
  }

  /** The categorical features of values[from ..] into the shared buffer (encode's second half). */
  categories(values: ArrayLike<unknown>, from: number, learning: boolean): Float64Array {
    const x = this.x;
    const idx = this.categorical;
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      const v = values[from + i];
      const at = this.start[i];
      x.fill(0, at, at + this.slots);
      if (v === null || v === undefined) continue;
      const slot = this.slotOf(this.vocab[i]!, String(v), learning);
      if (slot >= 0) x[at + slot] = 1;
    }
    return x;
  }

  private slotOf(vocab: Map<string, number>, key: string, learning: boolean): number {
    const known = vocab.get(key);
    if (known !== undefined) return known;
    const own = Math.ceil(this.slots / 2);
    if (vocab.size < own) {
      if (!learning) return -1;
      vocab.set(key, vocab.size);
      return vocab.size - 1;
    }
    return own + (hash(key) % (this.slots - own));
  }

  snapshot(): FeatureEncoderState { return { vocab: this.vocab.map((v) => (v ? [...v.keys()] : null)) }; }

  restore(s: FeatureEncoderState): void {
    s.vocab.forEach((keys, i) => {
      const v = this.vocab[i];
      if (!v || !keys) return;
      v.clear();
      keys.forEach((k, j) => v.set(k, j));
    });
  }
}

/** The indexes of the features that are categorical (or, with false, numeric), in order. */
export function featureIndexes(features: readonly EncodedFeature[], categorical: boolean): Int32Array {
  return Int32Array.from(features.flatMap((f, i) => (f.categorical === categorical ? [i] : [])));
}

export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v); // a BIGINT past 2^53 (values/long.ts)
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Decimal) return Number(v.toString());
  return NaN;
}

/** FNV-1a: a stable small hash for the shared slots. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}
