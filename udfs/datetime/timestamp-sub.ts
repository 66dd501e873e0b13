import type { ScalarFunction } from '../types.js';
import { unitMillis } from './time-unit.js';

export const timestampSub: ScalarFunction = {
  kind: 'scalar',
  name: 'TIMESTAMPSUB',
  category: 'DATE / TIME',
  description: 'Subtracts a duration from a TIMESTAMP value.',
  overloads: [{
    description: 'Subtracts a duration from a timestamp',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example DAY or HOUR' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to subtract' },
      { name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'A TIMESTAMP value.' },
    ],
    returns: { kind: 'TIMESTAMP' },
    impl: (unit: string, interval: number, timestamp: number) => timestamp - unitMillis(unit) * interval,
  }],
  examples: [
    { call: 'UNIX_TIMESTAMP(TIMESTAMPSUB(MILLISECONDS, 500, FROM_UNIXTIME(1000)))', result: 500 },
  ],
};
