import type { ScalarFunction } from '../types.js';
import { shiftTimeOfDay, unitMillis } from './time-unit.js';

export const timeSub: ScalarFunction = {
  kind: 'scalar',
  name: 'TIMESUB',
  category: 'DATE / TIME',
  description: 'Subtracts a duration from a TIME value.',
  overloads: [{
    description: 'Subtracts a duration from a time',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example SECOND or HOUR' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to subtract' },
      { name: 'time', type: { kind: 'TIME' }, description: 'A TIME value.' },
    ],
    returns: { kind: 'TIME' },
    impl: (unit: string, interval: number, time: number) => shiftTimeOfDay(time, unitMillis(unit), interval, -1),
  }],
  examples: [
    { call: "FORMAT_TIME(TIMESUB(MINUTES, 45, PARSE_TIME('00:30', 'HH:mm')), 'HH:mm')", result: '23:45' },
  ],
};
