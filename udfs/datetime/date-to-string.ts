import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { formatDate } from './java-date-format.js';
import { FORMAT_PATTERN } from './params.js';

export const dateToString: ScalarFunction = {
  kind: 'scalar',
  name: 'DATETOSTRING',
  category: 'DATE / TIME',
  description: 'Converts an integer representing days since epoch to a date string using the given format pattern. Note this is the format Kafka Connect uses to represent dates with no time component. The format pattern should be in the format expected by java.time.format.DateTimeFormatter',
  overloads: [{
    description: 'Converts an integer representing days since epoch to a string using the given format pattern.',
    params: [
      { name: 'epochDays', type: { kind: 'INTEGER' }, description: 'The Epoch Day to convert, based on the epoch 1970-01-01' },
      FORMAT_PATTERN,
    ],
    returns: { kind: 'STRING' },
    impl: (days: number, pattern: string) =>
      withContext(`Failed to format date ${days} with formatter '${pattern}'`, () => formatDate(days, pattern)),
  }],
  examples: [
    { call: "DATETOSTRING(18628, 'yyyy-MM-dd')", result: '2021-01-01' },
  ],
};
