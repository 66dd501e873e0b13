import type { ScalarFunction } from '../types.js';
import { unitMillis } from './time-unit.js';

/** Days since the epoch after shifting; Java truncates the milliseconds toward zero into days. */
export function shiftDate(epochDay: number, unit: string, amount: number): number {
  const ms = unitMillis(unit);
  if (ms === 86_400_000) return epochDay + amount;
  // + 0 turns the -0 of truncating a small negative into 0.
  return Math.trunc((epochDay * 86_400_000 + ms * amount) / 86_400_000) + 0;
}

export const dateAdd: ScalarFunction = {
  kind: 'scalar',
  name: 'DATEADD',
  category: 'DATE / TIME',
  description: 'Adds a duration to a DATE value.',
  overloads: [{
    description: 'Adds a duration to a date',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example DAY' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to add' },
      { name: 'date', type: { kind: 'DATE' }, description: 'A DATE value.' },
    ],
    returns: { kind: 'DATE' },
    impl: (unit: string, interval: number, date: number) => shiftDate(date, unit, interval),
  }],
  examples: [
    { call: "FORMAT_DATE(DATEADD(DAYS, 2, PARSE_DATE('2021-01-01', 'yyyy-MM-dd')), 'yyyy-MM-dd')", result: '2021-01-03' },
  ],
};
