import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { parseTimestamp as parse, zoneOf } from './java-date-format.js';
import { FORMAT_PATTERN, TIME_ZONE } from './params.js';

function parseAt(text: string, pattern: string, timeZone: string): number {
  return withContext(`Failed to parse timestamp '${text}' at timezone '${timeZone}' with formatter '${pattern}'`,
    () => parse(text, pattern, zoneOf(timeZone)));
}

export const parseTimestamp: ScalarFunction = {
  kind: 'scalar',
  name: 'PARSE_TIMESTAMP',
  category: 'DATE / TIME',
  description: 'Converts a string representation of a date in the given format into a TIMESTAMP value.',
  overloads: [
    {
      description: "Converts a string representation of a date in the given format into the TIMESTAMP value, in GMT unless the text names a zone. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'.",
      params: [{ name: 'formattedTimestamp', type: { kind: 'STRING' }, description: 'The string representation of a date.' }, FORMAT_PATTERN],
      returns: { kind: 'TIMESTAMP' },
      impl: (text: string, pattern: string) => parseAt(text, pattern, 'GMT'),
    },
    {
      description: "Converts a string representation of a date at the given time zone in the given format into the TIMESTAMP value. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'.",
      params: [
        { name: 'formattedTimestamp', type: { kind: 'STRING' }, description: 'The string representation of a date.' },
        FORMAT_PATTERN,
        TIME_ZONE,
      ],
      returns: { kind: 'TIMESTAMP' },
      impl: parseAt,
    },
  ],
  examples: [
    { call: "UNIX_TIMESTAMP(PARSE_TIMESTAMP('2018-05-11T21:58:33Z', 'yyyy-MM-dd''T''HH:mm:ssX'))", result: 1526075913000 },
    { call: "UNIX_TIMESTAMP(PARSE_TIMESTAMP('2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles'))", result: 1526075913000 },
  ],
};
