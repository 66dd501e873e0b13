// The values a model must not learn from: a numeric feature or regression label that is not
// finite (Infinity, a DECIMAL beyond DOUBLE) or so large its square overflows. One such row would
// turn a linear model's weights or a detector's statistics into NaN for good, so the trainer
// skips it, counts it by reason and logs it. The reason names the column, never the row's values
// (the reasons are DESCRIBE MODEL's keys, so there are only a few of them).
import { MAX_ABS_VALUE } from '../../ml/finite-guard.js';
import type { ModelFeature } from './model-def.js';
import { toNumber } from './feature-encoder.js';

/** Why numeric feature `f` with value `v` (one FeatureEncoder.numbers found bad) cannot be learned. */
export function badFeature(f: ModelFeature, v: unknown): string {
  return `feature ${f.name} ${badNumber(toNumber(v)) ?? 'non-finite'}`;
}

/** Why a regression label cannot be learned (NaN included: there is nothing to learn), or undefined. */
export function badTarget(name: string, label: unknown): string | undefined {
  const n = toNumber(label);
  const why = n !== n ? 'non-finite' : badNumber(n);
  return why === undefined ? undefined : `label ${name} ${why}`;
}

function badNumber(n: number): string | undefined {
  if (n === Infinity || n === -Infinity) return 'non-finite';
  if (n > MAX_ABS_VALUE || n < -MAX_ABS_VALUE) return 'beyond ±1e150';
  return undefined;
}
