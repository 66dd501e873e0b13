import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { formatTime as format } from './java-date-format.js';
import { isoTime } from './iso-text.js';
import { FORMAT_PATTERN } from './params.js';

export const formatTime: ScalarFunction = {
  kind: 'scalar',
  name: 'FORMAT_TIME',
  category: 'DATE / TIME',
  description: 'Converts a TIME value into the string representation of the time in the given format.',
  overloads: [{
    description: 'Converts a TIME value into the string representation of the time in the given format. The format pattern should be in the format expected by java.time.format.DateTimeFormatter',
    params: [
      { name: 'time', type: { kind: 'TIME' }, description: 'TIME value.' },
      FORMAT_PATTERN,
    ],
    returns: { kind: 'STRING' },
    impl: (time: number, pattern: string) =>
      withContext(`Failed to format time ${isoTime(time * 1e6)} with formatter '${pattern}'`, () => format(time, pattern)),
  }],
  examples: [
    { call: "FORMAT_TIME(PARSE_TIME('10:11:12', 'HH:mm:ss'), 'hh:mm a')", result: '10:11 AM' },
  ],
};
