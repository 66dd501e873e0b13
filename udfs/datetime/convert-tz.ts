import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { offsetAt, zoneOf, type Zone } from './zone-id.js';

function zone(id: string): Zone {
  try {
    return zoneOf(id);
  } catch (e) {
    throw new SqlError('EVALUATION_ERROR', `Invalid time zone: ${(e as Error).message}`);
  }
}

export const convertTz: ScalarFunction = {
  kind: 'scalar',
  name: 'CONVERT_TZ',
  category: 'DATE / TIME',
  description: 'Converts a TIMESTAMP value from one timezone to another.',
  overloads: [{
    description: 'Converts a TIMESTAMP value from one timezone to another',
    params: [
      { name: 'timestamp', type: { kind: 'TIMESTAMP' }, description: 'The TIMESTAMP value.' },
      { name: 'fromTimeZone', type: { kind: 'STRING' }, description: 'The fromTimeZone in java.util.TimeZone ID format. For example: "UTC", "America/Los_Angeles", "Europe/London"' },
      { name: 'toTimeZone', type: { kind: 'STRING' }, description: 'The toTimeZone in java.util.TimeZone ID format. For example: "UTC", "America/Los_Angeles", "Europe/London"' },
    ],
    returns: { kind: 'TIMESTAMP' },
    // Both offsets are taken at the same instant, the input's.
    impl: (ts: number, from: string, to: string) => ts + offsetAt(zone(to), ts) - offsetAt(zone(from), ts),
  }],
  examples: [
    { call: "UNIX_TIMESTAMP(CONVERT_TZ(FROM_UNIXTIME(100), '+0200', '+0500'))", result: 10800100 },
    { call: "FORMAT_TIMESTAMP(CONVERT_TZ(FROM_UNIXTIME(1589234313000), 'UTC', 'America/Los_Angeles'), 'yyyy-MM-dd HH:mm:ss')", result: '2020-05-11 14:58:33' },
  ],
};
