import type { ScalarFunction } from '../types.js';

export const fromDays: ScalarFunction = {
  kind: 'scalar',
  name: 'FROM_DAYS',
  category: 'DATE / TIME',
  description: 'Converts a number of days since epoch to a DATE value.',
  overloads: [{
    description: 'Converts a number of days since epoch to a DATE value.',
    params: [{ name: 'days', type: { kind: 'INTEGER' }, description: 'Days since 1970-01-01.' }],
    returns: { kind: 'DATE' },
    impl: (days: number) => days,
  }],
  examples: [
    { call: "FORMAT_DATE(FROM_DAYS(18628), 'yyyy-MM-dd')", result: '2021-01-01' },
  ],
};
