// STDDEV_SAMPLE: the sample standard deviation; 0.0 for fewer than two non-NULL values.
import type { AggregateFunction } from '../types.js';
import { stddevOverloads } from './stddev-core.js';

export const stddevSample: AggregateFunction = {
  kind: 'aggregate',
  name: 'STDDEV_SAMPLE',
  category: 'AGGREGATE',
  description: 'Returns the sample standard deviation of the column. Applicable only to numeric types.',
  overloads: stddevOverloads(false, (m2, count) => Math.sqrt(m2 / (count - 1))),
  examples: [{ call: 'STDDEV_SAMPLE(col) over [10, 12, 13, 14, 16]', result: 2.23606797749979 }],
};
