// CUSUM(x, k, h [, warmup]): the two-sided tabular CUSUM on standardized values of
// src/ml/stats/cusum.ts (the per-key detector of the "Anomalia Machina" design), one series per
// group: after `warmup` values each value is standardized against the running mean and sample
// standard deviation of the values before it, S+ and S- accumulate deviations beyond k standard
// deviations, and when either passes h an alarm fires and both restart at 0. Every value is then
// learnt into the baseline (Welford). The accumulator is src/ml's Cusum; the changelog stores its
// toJSON form, which comes back as that plain data after a restore and becomes a Cusum on first use.
import type { AggregateFunction, Aggregator, Param } from '../../types.js';
import type { SqlType } from '../../../src/types/sql-type.js';
import { SqlError } from '../../../src/types/sql-error.js';
import { numberLiteral, sample } from './args.js';
import { Cusum, type CusumJSON, type CusumOptions } from '../../../src/ml/stats/cusum.js';

export const CUSUM_TYPE: SqlType = {
  kind: 'STRUCT',
  fields: [
    { name: 'SCORE', type: { kind: 'DOUBLE' } },
    { name: 'ALARM', type: { kind: 'BOOLEAN' } },
    { name: 'ALARMS', type: { kind: 'BIGINT' } },
  ],
};

const DEFAULT_WARMUP = 30;

function cusumAggregator(opts: CusumOptions): Aggregator<Cusum | CusumJSON> {
  const cusumOf = (acc: Cusum | CusumJSON): Cusum => (acc instanceof Cusum ? acc : Cusum.fromJSON(acc, opts));
  return {
    initial: () => new Cusum(opts),
    add: (acc, [v]) => {
      const c = cusumOf(acc);
      const x = sample(v);
      if (x !== null) c.update(x);
      return c;
    },
    merge: (a, b) => Cusum.merged(cusumOf(a), cusumOf(b)),
    result: (acc) => {
      const c = cusumOf(acc);
      return c.count === 0 ? null : { SCORE: c.latest.score, ALARM: c.latest.alarm, ALARMS: c.alarms };
    },
  };
}

const params: Param[] = [{ name: 'x', type: { kind: 'DOUBLE' } }];
const kParam: Param = { name: 'k', type: { kind: 'DOUBLE' }, description: 'slack in standard deviations (about half the shift to detect), e.g. 0.5' };
const hParam: Param = { name: 'h', type: { kind: 'DOUBLE' }, description: 'decision threshold in standard deviations, e.g. 5' };
const warmupParam: Param = { name: 'warmup', type: { kind: 'INTEGER' }, description: `values learnt before scoring starts (default ${DEFAULT_WARMUP}), at least 2` };

function create(literals: unknown[]): Aggregator<Cusum | CusumJSON> {
  const k = numberLiteral(literals[0], "CUSUM's k", 0, Infinity);
  const h = numberLiteral(literals[1], "CUSUM's h", 0, Infinity, { min: true });
  const warmup = literals.length > 2 ? numberLiteral(literals[2], "CUSUM's warmup", 2, Number.MAX_SAFE_INTEGER) : DEFAULT_WARMUP;
  if (!Number.isInteger(warmup)) throw new SqlError('FUNCTION_ARGS', `CUSUM's warmup must be a whole number, got ${warmup}`);
  return cusumAggregator({ k, h, minInstances: warmup });
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
