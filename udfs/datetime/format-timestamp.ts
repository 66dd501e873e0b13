import type { ScalarFunction } from '../types.js';
import { javaTimestamp } from '../../src/values/java-string.js';
import { withContext } from './function-error.js';
import { formatTimestamp as format, zoneOf } from './java-date-format.js';
import { FORMAT_PATTERN, TIME_ZONE } from './params.js';

export function formatAt(ts: number, pattern: string, timeZone: string, shown: string): string {
  return withContext(`Failed to format timestamp ${shown} at timeZone '${timeZone}' with formatter '${pattern}'`,
    () => format(ts, pattern, zoneOf(timeZone)));
}

export const formatTimestamp: ScalarFunction = {
  kind: 'scalar',
  name: 'FORMAT_TIMESTAMP',
  category: 'DATE / TIME',
  description: 'Converts a TIMESTAMP value into the string representation of the timestamp in the given format.',
  overloads: [
    {
      description: "Converts a TIMESTAMP value into the string representation of the timestamp in the given format, in GMT. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'",
      params: [{ name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'TIMESTAMP value.' }, FORMAT_PATTERN],
      returns: { kind: 'STRING' },
      impl: (ts: number, pattern: string) => formatAt(ts, pattern, 'GMT', javaTimestamp(ts)),
    },
    {
      description: "Converts a TIMESTAMP value into the string representation of the timestamp in the given format and time zone. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'",
      params: [
        { name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'TIMESTAMP value.' },
        FORMAT_PATTERN,
        TIME_ZONE,
      ],
      returns: { kind: 'STRING' },
      impl: (ts: number, pattern: string, tz: string) => formatAt(ts, pattern, tz, javaTimestamp(ts)),
    },
  ],
  examples: [
    { call: "FORMAT_TIMESTAMP(FROM_UNIXTIME(1526075913000), 'yyyy-MM-dd''T''HH:mm:ss')", result: '2018-05-11T21:58:33' },
    { call: "FORMAT_TIMESTAMP(FROM_UNIXTIME(1526075913000), 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')", result: '2018-05-11 14:58:33 PDT' },
  ],
};
