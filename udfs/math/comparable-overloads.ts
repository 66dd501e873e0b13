// GREATEST and LEAST share their overloads: one per comparable type, first argument plus any
// number more, NULLs skipped. Comparisons follow the Java compareTo each overload uses.
import type { ScalarOverload } from '../types.js';
import type { Decimal } from '../../src/types/decimal.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { widenDecimals } from './decimal-math.js';

type Compare<T> = (a: T, b: T) => number;

const compareNumbers: Compare<number> = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Double.compare: -0.0 sorts before 0.0 and NaN after everything. */
const compareDoubles: Compare<number> = (a, b) => {
  if (a < b) return -1;
  if (a > b) return 1;
  const ka = Number.isNaN(a) ? 2 : Object.is(a, -0) ? 0 : 1;
  const kb = Number.isNaN(b) ? 2 : Object.is(b, -0) ? 0 : 1;
  return ka - kb;
};

/** String.compareTo: UTF-16 code units, as JS compares. */
const compareStrings: Compare<string> = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** ByteBuffer.compareTo: lexicographic over *signed* bytes, then by length. */
const compareBytes: Compare<Uint8Array> = (a, b) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i] << 24) >> 24;
    const y = (b[i] << 24) >> 24;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
};

const compareDecimals: Compare<Decimal> = (a, b) => a.compare(b);

/** The extreme non-null value; on ties the first one wins (Stream.max / Stream.min). */
function pick<T>(cmp: Compare<T>, sign: 1 | -1) {
  return (...values: (T | null)[]): T | null => {
    let best: T | null = null;
    for (const v of values) {
      if (v === null) continue;
      if (best === null || sign * cmp(v, best) > 0) best = v;
    }
    return best;
  };
}

function overload<T>(kind: 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES' | 'DATE' | 'TIME' | 'TIMESTAMP',
  cmp: Compare<T>, sign: 1 | -1): ScalarOverload {
  return {
    params: [{ name: 'val', type: { kind } }, { name: 'vals', type: { kind } }],
    variadic: true,
    returns: { kind },
    nulls: 'custom',
    exactLongs: true, // compares BIGINTs past 2^53 (bigints) as they are
    impl: pick(cmp, sign),
  };
}

/** sign 1 for GREATEST, -1 for LEAST. */
export function comparableOverloads(sign: 1 | -1): ScalarOverload[] {
  return [
    overload('INTEGER', compareNumbers, sign),
    overload('BIGINT', compareNumbers, sign),
    overload('DOUBLE', compareDoubles, sign),
    overload('STRING', compareStrings, sign),
    overload('BYTES', compareBytes, sign),
    overload('DATE', compareNumbers, sign),
    overload('TIME', compareNumbers, sign),
    overload('TIMESTAMP', compareNumbers, sign),
    {
      // The result type widens all the arguments' DECIMAL types; the winner is rescaled to it.
      params: [{ name: 'val', type: { kind: 'DECIMAL' } }, { name: 'vals', type: { kind: 'DECIMAL' } }],
      variadic: true,
      returns: (argTypes: SqlType[]) => widenDecimals(argTypes),
      nulls: 'custom',
      factory: (_argTypes: SqlType[], returnType: SqlType) => {
        const scale = returnType.kind === 'DECIMAL' ? returnType.scale : 0;
        const choose = pick(compareDecimals, sign);
        return (...values: (Decimal | null)[]) => choose(...values)?.setScale(scale) ?? null;
      },
    },
  ];
}
