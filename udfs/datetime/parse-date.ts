import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { withContext } from './function-error.js';
import { parseSimpleDate } from './simple-date-parse.js';

export const parseDate: ScalarFunction = {
  kind: 'scalar',
  name: 'PARSE_DATE',
  category: 'DATE / TIME',
  description: 'Converts a string representation of a date in the given format into a DATE value. The format pattern should be in the format expected by java.text.SimpleDateFormat',
  overloads: [{
    description: 'Converts a string representation of a date in the given format into a DATE value.',
    params: [
      { name: 'formattedDate', type: { kind: 'STRING' }, description: 'The string representation of a date.' },
      { name: 'formatPattern', type: { kind: 'STRING' }, description: 'The format pattern should be in the format expected by java.text.SimpleDateFormat.' },
    ],
    returns: { kind: 'DATE' },
    impl: (text: string, pattern: string) =>
      withContext(`Failed to parse date '${text}' with formatter '${pattern}'`, () => {
        const ms = parseSimpleDate(text, pattern);
        if (ms % 86_400_000 !== 0) throw new SqlError('EVALUATION_ERROR', 'Date format contains time field.');
        return ms / 86_400_000;
      }),
  }],
  examples: [
    { call: "UNIX_DATE(PARSE_DATE('2021-01-01', 'yyyy-MM-dd'))", result: 18628 },
    { call: "FORMAT_DATE(PARSE_DATE('JAN-2022', 'MMM-yyyy'), 'yyyy-MM-dd')", result: '2022-01-01' },
  ],
};
