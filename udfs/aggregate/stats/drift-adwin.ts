// DRIFT_ADWIN(x [, delta]): how many changes ADWIN has detected in the group's stream of x.
import type { AggregateFunction, AggregateOverload, Aggregator } from '../../types.js';
import { numberLiteral, sample } from './args.js';
import { ADWIN_DEFAULTS, adwinUpdate, copyAdwin, emptyAdwin, type AdwinState } from './adwin-state.js';

function adwinAggregator(delta: number): Aggregator<AdwinState> {
  const p = { ...ADWIN_DEFAULTS, delta };
  return {
    initial: emptyAdwin,
    add: (acc, [v]) => {
      const x = sample(v);
      if (x !== null) adwinUpdate(acc, x, p);
      return acc;
    },
    // Not exact (a window is an order-dependent histogram): the later session's window carries on
    // and the detections add up.
    merge: (a, b) => {
      const out = copyAdwin(b.tick > 0 ? b : a);
      out.detections = a.detections + b.detections;
      return out;
    },
    result: (acc) => acc.detections,
  };
}

const params: AggregateOverload['params'] = [{ name: 'x', type: { kind: 'DOUBLE' } }];

export const driftAdwin: AggregateFunction = {
  kind: 'aggregate',
  name: 'DRIFT_ADWIN',
  category: 'AGGREGATE',
  description:
    'How many concept drifts (changes in the mean) the ADWIN detector (Bifet & Gavalda, 2007) has found ' +
    'so far in the group\'s stream of x, in arrival order: 0 until the first. ADWIN keeps a variable-length ' +
    'window and drops its older part when the two parts\' means differ by more than a Hoeffding-style ' +
    'bound at confidence delta (a literal in (0, 1), default 0.002; smaller detects less). Checked every 32 ' +
    'values, as River. NULL and NaN values are skipped. Session windows merge approximately (the later ' +
    'session\'s window, detections added); not for table aggregations.',
  overloads: [
    { params, returns: { kind: 'BIGINT' }, create: () => adwinAggregator(ADWIN_DEFAULTS.delta) },
    {
      params,
      literalParams: [{ name: 'delta', type: { kind: 'DOUBLE' }, description: 'confidence, in (0, 1); default 0.002' }],
      returns: { kind: 'BIGINT' },
      create: (_t, literals) => adwinAggregator(numberLiteral(literals[0], "DRIFT_ADWIN's delta", 0, 1, { min: true, max: true })),
    },
  ],
  examples: [
    { call: 'DRIFT_ADWIN(x) over [1, 2, 3, 2, 1]', result: 0 },
    {
      call:
        'DRIFT_ADWIN(x, 0.01) over [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ' +
        '1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
      result: 1,
    },
  ],
};
