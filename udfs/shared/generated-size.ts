// How large an array, string or bytes value a function may build from a size taken from its
// arguments (GENERATE_SERIES(1, 100000000), LPAD(s, 500000000, 'x')). Past the limit the call
// fails, so the row gets NULL and a processing-log entry instead of exhausting memory.
// The engine points this at its properties (eddy.functions.max.generated.size), read per call
// so SET takes effect; one engine per process is the norm, the last one created wins.
import { SqlError } from '../../src/types/sql-error.js';

export const MAX_GENERATED_SIZE = 'eddy.functions.max.generated.size';
export const DEFAULT_MAX_GENERATED_SIZE = 1_000_000;

let properties: (() => Record<string, string>) | undefined;

/** Where the limit is read from (the engine's current properties). */
export function readGeneratedSizeLimitFrom(get: () => Record<string, string>): void {
  properties = get;
}

export function generatedSizeLimit(): number {
  const raw = properties?.()[MAX_GENERATED_SIZE];
  if (raw === undefined) return DEFAULT_MAX_GENERATED_SIZE;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SqlError('INVALID_PROPERTY', `${MAX_GENERATED_SIZE} must be a positive integer, got '${raw}'`);
  }
  return n;
}

/** Throws when `fn` would build a value of `size` elements (or characters, or bytes). */
export function checkGeneratedSize(fn: string, size: number, unit: string): void {
  const max = generatedSizeLimit();
  if (size > max) {
    throw new SqlError('EVALUATION_ERROR', `${fn} would produce ${size} ${unit}, more than ${MAX_GENERATED_SIZE} (${max})`);
  }
}
