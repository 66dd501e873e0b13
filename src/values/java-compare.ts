// Java's compareTo over plain values (see aggregate/plain-value.ts) of the comparable SQL types,
// so MIN, MAX, TOPK and TOPKDISTINCT order exactly as ksqlDB does: Double.compareTo puts -0.0
// before 0.0 and NaN last; ByteBuffer.compareTo compares bytes as signed; String compares UTF-16
// code units. ARRAY_MAX, ARRAY_MIN and ARRAY_SORT share the double and byte orders.
import type { SqlType } from '../types/sql-type.js';

export type Compare = (a: unknown, b: unknown) => number;

export function compareFor(t: SqlType): Compare {
  switch (t.kind) {
    case 'DOUBLE':
      return compareDouble as Compare;
    case 'DECIMAL':
      return compareDecimalText as Compare;
    case 'BYTES':
      return compareBase64Bytes as Compare;
    case 'STRING':
    case 'INTEGER':
    case 'BIGINT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'BOOLEAN':
      return ((a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0)) as Compare;
    default:
      throw new TypeError(`values of type ${t.kind} are not comparable`);
  }
}

export function compareDouble(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const aNaN = a !== a, bNaN = b !== b;
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  if (a === 0) {
    const aNeg = 1 / a < 0, bNeg = 1 / b < 0;
    return aNeg === bNeg ? 0 : aNeg ? -1 : 1;
  }
  return 0;
}

/**
 * Decimal texts at one scale (as aggregate/plain-value.ts writes them) compare without parsing: same scale
 * and no leading zeros mean a longer magnitude is a larger one.
 */
export function compareDecimalText(a: string, b: string): number {
  const aNeg = a.charCodeAt(0) === 45, bNeg = b.charCodeAt(0) === 45;
  if (aNeg !== bNeg) return aNeg ? -1 : 1;
  const ma = aNeg ? a.slice(1) : a, mb = bNeg ? b.slice(1) : b;
  const mag = ma.length !== mb.length ? ma.length - mb.length : ma < mb ? -1 : ma > mb ? 1 : 0;
  const sign = Math.sign(mag);
  return aNeg ? -sign : sign;
}

export function compareBase64Bytes(a: string, b: string): number {
  return compareSignedBytes(Buffer.from(a, 'base64'), Buffer.from(b, 'base64'));
}

export function compareSignedBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i] << 24) >> 24, y = (b[i] << 24) >> 24;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
