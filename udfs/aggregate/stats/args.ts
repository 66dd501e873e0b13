// Argument helpers shared by the streaming-statistics aggregates: a value to fold (NULL and NaN
// are skipped), and literal parameters checked once per query.
import { SqlError } from '../../../src/types/sql-error.js';
import { toDouble } from '../numeric.js';

/** The row's value as a number, or null when it is to be skipped (NULL or NaN). */
export function sample(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const x = toDouble(v);
  return Number.isNaN(x) ? null : x;
}

/**
 * A numeric literal parameter within [min, max] (an open end when `open` says so). `what` names
 * it in the error, e.g. "EWMA's alpha".
 */
export function numberLiteral(
  v: unknown,
  what: string,
  min: number,
  max: number,
  open: { min?: boolean; max?: boolean } = {},
): number {
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  const aboveMin = open.min ? x > min : x >= min;
  const belowMax = open.max ? x < max : x <= max;
  if (!(aboveMin && belowMax)) {
    const range = `${open.min ? '(' : '['}${min}, ${max}${open.max ? ')' : ']'}`;
    throw new SqlError('FUNCTION_ARGS', `${what} must be a number in ${range}, got ${String(v)}`);
  }
  return x;
}
