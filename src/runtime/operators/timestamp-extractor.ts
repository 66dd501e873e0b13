// Event time of a source row: the record timestamp (ROWTIME), or the TIMESTAMP='col' column —
// a BIGINT of epoch ms, a TIMESTAMP, or a STRING parsed with TIMESTAMP_FORMAT.
import type { SourceStep } from '../../plan/physical-plan.js';
import type { Row } from '../emit.js';
import { SqlError } from '../../types/sql-error.js';
import { parseTimestampWithPattern } from './parse-timestamp.js';

/** Returns the event time, or throws with a reason when the column is NULL or unparseable. */
export type TimestampFn = (row: Row, recordTs: number) => number;

export function timestampExtractor(step: SourceStep): TimestampFn {
  const col = step.timestampColumn;
  if (!col) return (_row, ts) => ts;
  const cols = [...step.schema.key, ...step.schema.value];
  const idx = cols.findIndex((c) => c.name === col);
  if (idx < 0) throw new SqlError('UNKNOWN_COLUMN', `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${col}'`);
  const type = cols[idx].type.kind;
  if (type === 'BIGINT' || type === 'TIMESTAMP') {
    return (row) => {
      const v = row[idx];
      if (typeof v !== 'number') throw new Error(`timestamp column ${col} is NULL`);
      return v;
    };
  }
  if (type === 'STRING') {
    const fmt = step.timestampFormat;
    return (row) => {
      const v = row[idx];
      if (typeof v !== 'string') throw new Error(`timestamp column ${col} is NULL`);
      return parseTimestampWithPattern(v, fmt);
    };
  }
  throw new SqlError('INVALID_STATEMENT',
    `Timestamp column, \`${col}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.`);
}
