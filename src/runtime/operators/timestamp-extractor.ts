// Event time: the record timestamp (ROWTIME), or the TIMESTAMP='col' column — a BIGINT of epoch
// ms, a TIMESTAMP, or a STRING parsed with TIMESTAMP_FORMAT. A NULL, negative, too late or
// unparseable time throws, and the record goes to the processing log (as ksqlDB drops it).
import type { SourceStep } from '../../plan/physical-plan.js';
import type { Column } from '../../types/schema.js';
import type { Row } from '../emit.js';
import { SqlError } from '../../types/sql-error.js';
import { parseTimestampWithPattern } from './parse-timestamp.js';
import { compileJavaPattern } from '../../../udfs/datetime/java-date-format.js';
import { timestampProblem } from '../../types/timestamp-range.js';

export type TimestampFn = (row: Row, recordTs: number) => number;

export function timestampExtractor(step: SourceStep): TimestampFn {
  if (!step.timestampColumn) {
    return (_row, ts) => {
      const problem = timestampProblem(ts);
      if (problem !== undefined) throw new Error(problem);
      return ts;
    };
  }
  return timestampFromColumn([...step.schema.key, ...step.schema.value], step.timestampColumn, step.timestampFormat);
}

/** Reads event time from a column of a row laid out as `cols` (key columns, then values). */
export function timestampFromColumn(cols: Column[], col: string, format: string | undefined): TimestampFn {
  const idx = cols.findIndex((c) => c.name === col);
  if (idx < 0) throw new SqlError('UNKNOWN_COLUMN', `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${col}'`);
  const type = cols[idx].type.kind;
  const check = (ts: number): number => {
    const problem = timestampProblem(ts);
    if (problem !== undefined) throw new Error(`${problem} in column ${col}`);
    return ts;
  };
  if ((type === 'BIGINT' || type === 'TIMESTAMP') && format === undefined) {
    return (row) => {
      const v = row[idx];
      if (typeof v !== 'number') throw new Error(`timestamp column ${col} is NULL`);
      return check(v);
    };
  }
  if (type === 'STRING') {
    if (format !== undefined) {
      try { compileJavaPattern(format); } catch (e) {
        throw new SqlError('INVALID_PROPERTY', `Invalid TIMESTAMP_FORMAT '${format}': ${(e as Error).message}`);
      }
    }
    return (row) => {
      const v = row[idx];
      if (typeof v !== 'string') throw new Error(`timestamp column ${col} is NULL`);
      return check(parseTimestampWithPattern(v, format));
    };
  }
  throw new SqlError('INVALID_STATEMENT',
    `Timestamp column, \`${col}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.`);
}
