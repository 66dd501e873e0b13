import type { ScalarFunction } from '../types.js';
import { formatAt } from './format-timestamp.js';
import { FORMAT_PATTERN, TIME_ZONE } from './params.js';

export const timestampToString: ScalarFunction = {
  kind: 'scalar',
  name: 'TIMESTAMPTOSTRING',
  category: 'DATE / TIME',
  description: 'Converts a number of milliseconds since 1970-01-01 00:00:00 UTC/GMT into the string representation of the timestamp in the given format. The system default time zone is used when no time zone is explicitly provided.',
  overloads: [
    {
      description: "Converts a number of milliseconds since 1970-01-01 00:00:00 UTC/GMT into the string representation of the timestamp in the given format. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'. The system default time zone (UTC) is used.",
      params: [{ name: 'epochMilli', type: { kind: 'BIGINT' }, description: 'Milliseconds since January 1, 1970, 00:00:00 UTC/GMT.' }, FORMAT_PATTERN],
      returns: { kind: 'STRING' },
      impl: (ms: number, pattern: string) => formatAt(ms, pattern, 'UTC', String(ms)),
    },
    {
      description: "Converts a number of milliseconds since 1970-01-01 00:00:00 UTC/GMT into the string representation of the timestamp in the given format and time zone. Single quotes in the timestamp format can be escaped with '', for example: 'yyyy-MM-dd''T''HH:mm:ssX'",
      params: [
        { name: 'epochMilli', type: { kind: 'BIGINT' }, description: 'Milliseconds since January 1, 1970, 00:00:00 UTC/GMT.' },
        FORMAT_PATTERN,
        TIME_ZONE,
      ],
      returns: { kind: 'STRING' },
      impl: (ms: number, pattern: string, tz: string) => formatAt(ms, pattern, tz, String(ms)),
    },
  ],
  examples: [
    { call: "TIMESTAMPTOSTRING(1526075913000, 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')", result: '2018-05-11 14:58:33 PDT' },
    { call: "TIMESTAMPTOSTRING(0, 'yyyy-MM-dd HH:mm:ss.SSS')", result: '1970-01-01 00:00:00.000' },
  ],
};
