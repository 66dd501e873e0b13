// How large an array, string or bytes value a function may build from a size taken from its
// arguments (GENERATE_SERIES(1, 100000000), LPAD(s, 500000000, 'x')). Past the limit the call
// fails, so the row gets NULL and a processing-log entry instead of exhausting memory.
// The limit is the engine's eddy.functions.max.generated.size (see engine-properties.ts).
import { SqlError } from '../../src/types/sql-error.js';
import { positiveIntProperty } from './engine-properties.js';

export const MAX_GENERATED_SIZE = 'eddy.functions.max.generated.size';
export const DEFAULT_MAX_GENERATED_SIZE = 1_000_000;

export function generatedSizeLimit(): number {
  return positiveIntProperty(MAX_GENERATED_SIZE, DEFAULT_MAX_GENERATED_SIZE);
}

/** Throws when `fn` would build a value of `size` elements (or characters, or bytes). */
export function checkGeneratedSize(fn: string, size: number, unit: string): void {
  const max = generatedSizeLimit();
  if (size > max) {
    throw new SqlError('EVALUATION_ERROR', `${fn} would produce ${size} ${unit}, more than ${MAX_GENERATED_SIZE} (${max})`);
  }
}
