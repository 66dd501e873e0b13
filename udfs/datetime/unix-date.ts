import type { ScalarFunction } from '../types.js';

export const unixDate: ScalarFunction = {
  kind: 'scalar',
  name: 'UNIX_DATE',
  category: 'DATE / TIME',
  description: 'Returns the current number of days for the system since 1970-01-01 00:00:00 UTC/GMT.',
  // Without an argument it reads the clock.
  volatile: true,
  overloads: [
    {
      description: 'Returns the current number of days for the system since 1970-01-01 00:00:00 UTC/GMT.',
      params: [],
      returns: { kind: 'INTEGER' },
      impl: () => Math.floor(Date.now() / 86_400_000),
    },
    {
      description: 'Returns the number of days since 1970-01-01 00:00:00 UTC/GMT represented by the given date.',
      params: [{ name: 'date', type: { kind: 'DATE' }, description: 'The DATE value.' }],
      returns: { kind: 'INTEGER' },
      impl: (date: number) => date,
    },
  ],
  examples: [
    { call: 'UNIX_DATE(FROM_DAYS(18628))', result: 18628 },
  ],
};
