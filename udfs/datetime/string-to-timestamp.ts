import type { ScalarFunction } from '../types.js';
import { withContext } from './function-error.js';
import { parseTimestamp, zoneOf } from './java-date-format.js';
import { FORMAT_PATTERN, TIME_ZONE } from './params.js';

export const stringToTimestamp: ScalarFunction = {
  kind: 'scalar',
  name: 'STRINGTOTIMESTAMP',
  category: 'DATE / TIME',
  description: 'Converts a string representation of a date in the given format into the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT. The system default time zone is used when no time zone is explicitly provided.',
  overloads: [
    {
      description: "Converts a string representation of a date in the given format into the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'. The system default time zone (UTC) is used when the text names none.",
      params: [{ name: 'formattedTimestamp', type: { kind: 'STRING' }, description: 'The string representation of a date.' }, FORMAT_PATTERN],
      returns: { kind: 'BIGINT' },
      impl: (text: string, pattern: string) =>
        withContext(`Failed to parse timestamp '${text}' with formatter '${pattern}'`, () => parseTimestamp(text, pattern)),
    },
    {
      description: "Converts a string representation of a date at the given time zone into the number of milliseconds since 1970-01-01 00:00:00 UTC/GMT. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'.",
      params: [
        { name: 'formattedTimestamp', type: { kind: 'STRING' }, description: 'The string representation of a date.' },
        FORMAT_PATTERN,
        TIME_ZONE,
      ],
      returns: { kind: 'BIGINT' },
      impl: (text: string, pattern: string, tz: string) =>
        withContext(`Failed to parse timestamp '${text}' at timezone '${tz}' with formatter '${pattern}'`,
          () => parseTimestamp(text, pattern, zoneOf(tz))),
    },
  ],
  examples: [
    { call: "STRINGTOTIMESTAMP('2018-05-11 21:58:33', 'yyyy-MM-dd HH:mm:ss')", result: 1526075913000 },
    { call: "STRINGTOTIMESTAMP('2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles')", result: 1526075913000 },
  ],
};
