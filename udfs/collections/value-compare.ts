// Natural order of SQL runtime values (Java's compareTo) for ARRAY_MAX, ARRAY_MIN and ARRAY_SORT:
// numbers as Double.compareTo (-0.0 before 0.0, NaN last), strings by UTF-16 code unit, false
// before true, decimals by value, bytes as signed bytes. Arrays, maps and structs have no order.
import { SqlError } from '../../src/types/sql-error.js';
import { Decimal } from '../../src/types/decimal.js';
import { compareDouble, compareSignedBytes } from '../../src/values/java-compare.js';

export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return compareDouble(a, b);
  // A BIGINT past 2^53 is a bigint (src/values/long.ts); it compares with numbers as it is.
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareSignedBytes(a, b);
  throw new SqlError('EVALUATION_ERROR', `Values of this type cannot be compared: ${describe(a)}`);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'ARRAY';
  if (v instanceof Map) return 'MAP';
  return typeof v === 'object' ? 'STRUCT' : typeof v;
}
