import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { parseLocalTime } from './java-date-format.js';
import { FORMAT_PATTERN } from './params.js';

export const parseTime: ScalarFunction = {
  kind: 'scalar',
  name: 'PARSE_TIME',
  category: 'DATE / TIME',
  description: 'Converts a string representation of a time in the given format into a TIME value.',
  overloads: [{
    description: 'Converts a string representation of a time in the given format into the TIME value.',
    params: [
      { name: 'formattedTime', type: { kind: 'STRING' }, description: 'The string representation of a time.' },
      FORMAT_PATTERN,
    ],
    returns: { kind: 'TIME' },
    impl: (text: string, pattern: string) =>
      withContext(`Failed to parse time '${text}' with formatter '${pattern}'`, () => parseLocalTime(text, pattern)),
  }],
  examples: [
    { call: "FORMAT_TIME(PARSE_TIME('01:00:00 PM', 'hh:mm:ss a'), 'HH:mm')", result: '13:00' },
  ],
};
