import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';

function requireValues(count: number): void {
  // ksqlDB's CONCAT_WS is (separator, values...) with at least one value, checked per call.
  if (count === 0) throw new SqlError('EVALUATION_ERROR', 'Function Concat_WS expects at least two input arguments.');
}

function concatWsStrings(separator: string | null, ...values: (string | null)[]): string | null {
  requireValues(values.length);
  if (separator === null) return null;
  return values.filter((v) => v !== null).join(separator);
}

function concatWsBytes(separator: Uint8Array | null, ...values: (Uint8Array | null)[]): Uint8Array | null {
  requireValues(values.length);
  if (separator === null) return null;
  const parts: Uint8Array[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (parts.length > 0) parts.push(separator);
    parts.push(v);
  }
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) { out.set(b, at); at += b.length; }
  return out;
}

export const concatWs: ScalarFunction = {
  kind: 'scalar',
  name: 'CONCAT_WS',
  category: 'STRING',
  description: 'Concatenate several strings or bytes, inserting a separator passed as the first argument between each one. NULL values are skipped; a NULL separator gives NULL.',
  overloads: [
    {
      params: [{ name: 'separator', type: { kind: 'STRING' } }, { name: 'values', type: { kind: 'STRING' } }],
      variadic: true,
      returns: { kind: 'STRING' },
      nulls: 'custom',
      impl: concatWsStrings,
    },
    {
      params: [{ name: 'separator', type: { kind: 'BYTES' } }, { name: 'values', type: { kind: 'BYTES' } }],
      variadic: true,
      returns: { kind: 'BYTES' },
      nulls: 'custom',
      impl: concatWsBytes,
    },
  ],
  examples: [
    { call: "CONCAT_WS(', ', 'apple', 'banana', NULL, 'date')", result: 'apple, banana, date' },
  ],
};
