import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { formatDate as format } from './java-date-format.js';
import { isoDate } from './iso-text.js';
import { FORMAT_PATTERN } from './params.js';

export const formatDate: ScalarFunction = {
  kind: 'scalar',
  name: 'FORMAT_DATE',
  category: 'DATE / TIME',
  description: 'Converts a DATE value to a string using the given format pattern. The format pattern should be in the format expected by java.time.format.DateTimeFormatter.',
  overloads: [{
    description: 'Converts a DATE value to a string using the given format pattern.',
    params: [
      { name: 'date', type: { kind: 'DATE' }, description: 'The date to convert' },
      FORMAT_PATTERN,
    ],
    returns: { kind: 'STRING' },
    impl: (date: number, pattern: string) =>
      withContext(`Failed to format date ${isoDate(date)} with formatter '${pattern}'`, () => format(date, pattern)),
  }],
  examples: [
    { call: "FORMAT_DATE(FROM_DAYS(18628), 'dd/MM/yyyy')", result: '01/01/2021' },
    { call: "FORMAT_DATE(FROM_DAYS(18993), 'dd-MMM-yyyy')", result: '01-Jan-2022' },
  ],
};
