import type { ScalarFunction } from '../types.js';

export const fromUnixtime: ScalarFunction = {
  kind: 'scalar',
  name: 'FROM_UNIXTIME',
  category: 'DATE / TIME',
  description: 'Converts the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT into a TIMESTAMP value.',
  overloads: [{
    description: 'Converts the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT into a TIMESTAMP value.',
    params: [{ name: 'epochMilli', type: { kind: 'BIGINT' }, description: 'Milliseconds since January 1, 1970, 00:00:00 GMT.' }],
    returns: { kind: 'TIMESTAMP' },
    impl: (ms: number) => ms,
  }],
  examples: [
    { call: "FORMAT_TIMESTAMP(FROM_UNIXTIME(1526075913000), 'yyyy-MM-dd HH:mm:ss')", result: '2018-05-11 21:58:33' },
  ],
};
