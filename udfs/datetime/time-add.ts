import type { ScalarFunction } from '../types.js';
import { shiftTimeOfDay, unitMillis } from './time-unit.js';

export const timeAdd: ScalarFunction = {
  kind: 'scalar',
  name: 'TIMEADD',
  category: 'DATE / TIME',
  description: 'Adds a duration to a TIME value.',
  overloads: [{
    description: 'Adds a duration to a time',
    params: [
      { name: 'unit', type: { kind: 'STRING' }, description: 'A unit of time, for example SECOND or HOUR' },
      { name: 'interval', type: { kind: 'INTEGER' }, description: 'An integer number of intervals to add' },
      { name: 'time', type: { kind: 'TIME' }, description: 'A TIME value.' },
    ],
    returns: { kind: 'TIME' },
    // The time wraps around midnight, as LocalTime.plus does.
    impl: (unit: string, interval: number, time: number) => shiftTimeOfDay(time, unitMillis(unit), interval, 1),
  }],
  examples: [
    { call: "FORMAT_TIME(TIMEADD(HOURS, 2, PARSE_TIME('23:30', 'HH:mm')), 'HH:mm')", result: '01:30' },
  ],
};
