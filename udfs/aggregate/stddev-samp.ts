// STDDEV_SAMP: ksqlDB's first sample standard deviation, which (as its docs warn) returns the
// sample variance, the square of the standard deviation. STDDEV_SAMPLE returns the deviation.
import type { AggregateFunction } from '../types.js';
import { stddevOverloads } from './stddev-core.js';

export const stddevSamp: AggregateFunction = {
  kind: 'aggregate',
  name: 'STDDEV_SAMP',
  category: 'AGGREGATE',
  description:
    'Returns the sample standard deviation of the column, squared (the sample variance), as ksqlDB does. ' +
    'Use STDDEV_SAMPLE for the standard deviation.',
  overloads: stddevOverloads(true, (m2, count) => m2 / (count - 1)),
  examples: [{ call: 'STDDEV_SAMP(col) over [10, 12, 13, 14, 16]', result: 5 }],
};
