import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { parseLocalDate } from './java-date-format.js';
import { FORMAT_PATTERN } from './params.js';

export const stringToDate: ScalarFunction = {
  kind: 'scalar',
  name: 'STRINGTODATE',
  category: 'DATE / TIME',
  description: 'Converts a string representation of a date in the given format into the number of days since 1970-01-01 00:00:00 UTC/GMT. The system default time zone is used when no time zone is explicitly provided. Note this is the format Kafka Connect uses to represent dates with no time component. The format pattern should be in the format expected by java.time.format.DateTimeFormatter',
  overloads: [{
    description: 'Converts a string representation of a date in the given format into the number of days since 1970-01-01 00:00:00 UTC/GMT.',
    params: [
      { name: 'formattedDate', type: { kind: 'STRING' }, description: 'The string representation of a date.' },
      FORMAT_PATTERN,
    ],
    returns: { kind: 'INTEGER' },
    impl: (text: string, pattern: string) =>
      withContext(`Failed to parse date '${text}' with formatter '${pattern}'`, () => parseLocalDate(text, pattern) | 0),
  }],
  examples: [
    { call: "STRINGTODATE('2021-01-01', 'yyyy-MM-dd')", result: 18628 },
    { call: "STRINGTODATE('01-JAN-2022', 'dd-MMM-yyyy')", result: 18993 },
  ],
};
