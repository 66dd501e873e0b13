import type { ScalarFunction } from '../types.js';
import { shiftDate } from './date-add.js';

export const dateSub: ScalarFunction = {
  kind: 'scalar',
  name: 'DATESUB',
  category: 'DATE / TIME',
  description: 'Subtracts a duration from a DATE value.',
  overloads: [{
    description: 'Subtracts a duration from a date',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example DAY' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to subtract' },
      { name: 'date', type: { kind: 'DATE' }, description: 'A DATE value.' },
    ],
    returns: { kind: 'DATE' },
    impl: (unit: string, interval: number, date: number) => shiftDate(date, unit, -interval),
  }],
  examples: [
    { call: "FORMAT_DATE(DATESUB(DAYS, 2, PARSE_DATE('2021-01-03', 'yyyy-MM-dd')), 'yyyy-MM-dd')", result: '2021-01-01' },
  ],
};
