// A Map key for a tuple of SQL values: the value itself for one string or number column,
// otherwise a canonical text. Equal SQL values give equal signatures.
import { Decimal } from '../types/decimal.js';

function canon(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  switch (typeof v) {
    case 'string': return 'S' + JSON.stringify(v);
    case 'number': case 'bigint': return 'D' + String(v); // a BIGINT past 2^53 (values/long.ts)
    case 'boolean': return v ? 'T' : 'F';
    default: break;
  }
  if (v instanceof Decimal) return 'M' + v.toString();
  if (v instanceof Uint8Array) return 'B' + Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  if (v instanceof Map) return '{' + [...v.entries()].map(([k, x]) => canon(k) + ':' + canon(x)).join(',') + '}';
  return '(' + Object.entries(v as object).map(([k, x]) => JSON.stringify(k) + ':' + canon(x)).join(',') + ')';
}

export function keySignature(values: readonly unknown[], from: number, count: number): unknown {
  if (count === 1) {
    const v = values[from];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
    return canon(v);
  }
  let s = '';
  for (let i = 0; i < count; i++) s += canon(values[from + i]) + '|';
  return s;
}
