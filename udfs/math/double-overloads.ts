// Most of ksqlDB's math functions have the same three overloads: INT, BIGINT and DOUBLE in,
// DOUBLE out, all computing on the value as a double.
import type { ScalarOverload } from '../types.js';

const NUMERIC_KINDS = ['INTEGER', 'BIGINT', 'DOUBLE'] as const;

/** INT, BIGINT and DOUBLE overloads of a one-argument DOUBLE function. */
export function unaryDoubleOverloads(fn: (x: number) => number, param = 'value'): ScalarOverload[] {
  return NUMERIC_KINDS.map((kind) => ({
    params: [{ name: param, type: { kind } }],
    returns: { kind: 'DOUBLE' },
    impl: fn,
  }));
}

/** INT, BIGINT and DOUBLE overloads of a two-argument DOUBLE function (both arguments alike). */
export function binaryDoubleOverloads(fn: (x: number, y: number) => number, names: [string, string]): ScalarOverload[] {
  return NUMERIC_KINDS.map((kind) => ({
    params: [{ name: names[0], type: { kind } }, { name: names[1], type: { kind } }],
    returns: { kind: 'DOUBLE' },
    impl: fn,
  }));
}
