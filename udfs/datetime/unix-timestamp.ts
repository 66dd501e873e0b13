import type { ScalarFunction } from '../types.js';

export const unixTimestamp: ScalarFunction = {
  kind: 'scalar',
  name: 'UNIX_TIMESTAMP',
  category: 'DATE / TIME',
  description: 'Returns the current number of milliseconds for the system since 1970-01-01 00:00:00 UTC/GMT.',
  // Without an argument it reads the clock.
  volatile: true,
  overloads: [
    {
      description: 'Returns the current number of milliseconds for the system since 1970-01-01 00:00:00 UTC/GMT.',
      params: [],
      returns: { kind: 'BIGINT' },
      impl: () => Date.now(),
    },
    {
      description: 'Returns the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT represented by the given timestamp.',
      params: [{ name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'the TIMESTAMP value.' }],
      returns: { kind: 'BIGINT' },
      impl: (ts: number) => ts,
    },
  ],
  examples: [
    { call: 'UNIX_TIMESTAMP(FROM_UNIXTIME(1526075913000))', result: 1526075913000 },
  ],
};
