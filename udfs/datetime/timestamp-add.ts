import type { ScalarFunction } from '../types.js';
import { unitMillis } from './time-unit.js';

export const timestampAdd: ScalarFunction = {
  kind: 'scalar',
  name: 'TIMESTAMPADD',
  category: 'DATE / TIME',
  description: 'Adds a duration to a TIMESTAMP value.',
  overloads: [{
    description: 'Adds a duration to a timestamp',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example DAY or HOUR' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to add' },
      { name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'A TIMESTAMP value.' },
    ],
    returns: { kind: 'TIMESTAMP' },
    impl: (unit: string, interval: number, timestamp: number) => timestamp + unitMillis(unit) * interval,
  }],
  examples: [
    { call: 'UNIX_TIMESTAMP(TIMESTAMPADD(SECONDS, 5, FROM_UNIXTIME(1000)))', result: 6000 },
  ],
};
