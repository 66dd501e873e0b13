// DRIFT_ADWIN(x [, delta]): how many changes ADWIN has detected in the group's stream of x. The
// accumulator is src/ml's Adwin; the changelog stores its toJSON form, which comes back as that
// plain data after a restore and becomes an Adwin again on first use.
import type { AggregateFunction, AggregateOverload, Aggregator } from '../../types.js';
import { numberLiteral, sample } from './args.js';
import { Adwin, type AdwinJSON } from '../../../src/ml/drift/adwin.js';

function adwinAggregator(delta?: number): Aggregator<Adwin | AdwinJSON> {
  const opts = { delta };
  const adwinOf = (acc: Adwin | AdwinJSON): Adwin => (acc instanceof Adwin ? acc : Adwin.fromJSON(acc, opts));
  return {
    initial: () => new Adwin(opts),
    add: (acc, [v]) => {
      const a = adwinOf(acc);
      const x = sample(v);
      if (x !== null) a.update(x);
      return a;
    },
    // Not exact (a window is an order-dependent histogram): the later session's window carries on
    // and the detections add up.
    merge: (acc1, acc2) => {
      const a = adwinOf(acc1), b = adwinOf(acc2);
      const out = (b.updates > 0 ? b : a).clone();
      out.detections = a.detections + b.detections;
      return out;
    },
    result: (acc) => acc.detections, // both forms have it
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
    { params, returns: { kind: 'BIGINT' }, create: () => adwinAggregator() },
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
