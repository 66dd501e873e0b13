// The engine properties that bound what a built-in function may do on one row
// (eddy.functions.max.generated.size, eddy.regex.backtracking.timeout.ms). Scalar functions get
// no context per call, so the engine points this at its current properties, read per call so
// SET takes effect; one engine per process is the norm, and the last one created wins.
import { SqlError } from '../../src/types/sql-error.js';

let properties: (() => Record<string, string>) | undefined;

/** Where function limits are read from (the engine's current properties). */
export function readFunctionPropertiesFrom(get: () => Record<string, string>): void {
  properties = get;
}

/** A positive whole-number property, or its default when unset. */
export function positiveIntProperty(name: string, dflt: number): number {
  const raw = properties?.()[name];
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new SqlError('INVALID_PROPERTY', `${name} must be a positive integer, got '${raw}'`);
  return n;
}
