// CUSUM(x, k, h [, warmup]): the two-sided tabular CUSUM on standardized values of
// src/ml/stats/cusum.ts (KeyedCusum, the per-key detector of the "Anomalia Machina" design), one
// per group: after `warmup` values each value is standardized against the running mean and
// sample standard deviation of the values before it, S+ and S- accumulate deviations beyond k
// standard deviations, and when either passes h an alarm fires and both restart at 0. Every value
// is then learnt into the baseline (Welford).
import type { AggregateFunction, Aggregator, Param } from '../../types.js';
import type { SqlType } from '../../../src/types/sql-type.js';
import { SqlError } from '../../../src/types/sql-error.js';
import { numberLiteral, sample } from './args.js';
import { addMoments2, emptyMoments2, mergeMoments2, type Moments2 } from './moments-state.js';

interface CusumState {
  baseline: Moments2;
  sPlus: number;
  sMinus: number;
  /** max(S+, S-) after the latest value (before an alarm's restart), and whether it alarmed. */
  score: number;
  alarm: boolean;
  alarms: number;
}

export const CUSUM_TYPE: SqlType = {
  kind: 'STRUCT',
  fields: [
    { name: 'SCORE', type: { kind: 'DOUBLE' } },
    { name: 'ALARM', type: { kind: 'BOOLEAN' } },
    { name: 'ALARMS', type: { kind: 'BIGINT' } },
  ],
};

const DEFAULT_WARMUP = 30;

function cusumAggregator(k: number, h: number, warmup: number): Aggregator<CusumState> {
  return {
    initial: () => ({ baseline: emptyMoments2(), sPlus: 0, sMinus: 0, score: 0, alarm: false, alarms: 0 }),
    add: (acc, [v]) => {
      const x = sample(v);
      if (x === null) return acc;
      const b = acc.baseline;
      const n = b[0];
      acc.alarm = false;
      if (n >= warmup) {
        const sd = Math.sqrt(b[2] / (n - 1));
        const z = sd > 0 ? (x - b[1]) / sd : 0;
        acc.sPlus = Math.max(0, acc.sPlus + z - k);
        acc.sMinus = Math.max(0, acc.sMinus - z - k);
        acc.score = Math.max(acc.sPlus, acc.sMinus);
        if (acc.score > h) {
          acc.alarm = true;
          acc.alarms++;
          acc.sPlus = 0;
          acc.sMinus = 0;
        }
      } else {
        acc.score = 0;
      }
      addMoments2(b, x);
      return acc;
    },
    // Not exact (the sums depend on the order and on the baseline at each value): the baselines
    // merge exactly, the later session's sums and latest score carry on, and alarms add up.
    merge: (a, b) => {
      const later = b.baseline[0] > 0 ? b : a;
      return {
        baseline: mergeMoments2(a.baseline, b.baseline),
        sPlus: later.sPlus, sMinus: later.sMinus, score: later.score, alarm: later.alarm,
        alarms: a.alarms + b.alarms,
      };
    },
    result: (acc) => (acc.baseline[0] === 0 ? null : { SCORE: acc.score, ALARM: acc.alarm, ALARMS: acc.alarms }),
  };
}

const params: Param[] = [{ name: 'x', type: { kind: 'DOUBLE' } }];
const kParam: Param = { name: 'k', type: { kind: 'DOUBLE' }, description: 'slack in standard deviations (about half the shift to detect), e.g. 0.5' };
const hParam: Param = { name: 'h', type: { kind: 'DOUBLE' }, description: 'decision threshold in standard deviations, e.g. 5' };
const warmupParam: Param = { name: 'warmup', type: { kind: 'INTEGER' }, description: `values learnt before scoring starts (default ${DEFAULT_WARMUP}), at least 2` };

function create(literals: unknown[]): Aggregator<CusumState> {
  const k = numberLiteral(literals[0], "CUSUM's k", 0, Infinity);
  const h = numberLiteral(literals[1], "CUSUM's h", 0, Infinity, { min: true });
  const warmup = literals.length > 2 ? numberLiteral(literals[2], "CUSUM's warmup", 2, Number.MAX_SAFE_INTEGER) : DEFAULT_WARMUP;
  if (!Number.isInteger(warmup)) throw new SqlError('FUNCTION_ARGS', `CUSUM's warmup must be a whole number, got ${warmup}`);
  return cusumAggregator(k, h, warmup);
}

export const cusum: AggregateFunction = {
  kind: 'aggregate',
  name: 'CUSUM',
  category: 'AGGREGATE',
  description:
    'Two-sided tabular CUSUM change detector on standardized values, per group. After `warmup` values ' +
    '(default 30), each value x becomes z = (x - mean) / stddev against the values before it, and ' +
    'S+ = max(0, S+ + z - k), S- = max(0, S- - z - k); when max(S+, S-) passes h an alarm fires and both ' +
    'restart at 0. Returns STRUCT<SCORE DOUBLE, ALARM BOOLEAN, ALARMS BIGINT>: max(S+, S-) after the latest ' +
    'value (before a restart), whether the latest value raised an alarm, and how many alarms so far; NULL ' +
    'before the first value. NULL and NaN values are skipped. k, h and warmup are literals. Session windows ' +
    'merge approximately (exact baselines, the later session\'s sums); not for table aggregations.',
  overloads: [
    { params, literalParams: [kParam, hParam], returns: CUSUM_TYPE, create: (_t, literals) => create(literals) },
    { params, literalParams: [kParam, hParam, warmupParam], returns: CUSUM_TYPE, create: (_t, literals) => create(literals) },
  ],
  examples: [
    { call: 'CUSUM(x, 0.5, 4, 3) over [10, 11, 9, 10, 11, 9, 30]', result: { SCORE: 21.860679774997898, ALARM: true, ALARMS: 1 } },
    { call: 'CUSUM(x, 0.5, 5) over [10, 11, 9]', result: { SCORE: 0, ALARM: false, ALARMS: 0 } },
  ],
};
