// Calls a scalar function's overload directly, the way the engine will: picks the overload by
// argument types, computes the return type, applies NULL propagation, then runs impl or factory.
import type { ScalarFunction, ScalarOverload, TypePattern } from '../../udfs/types.js';
import { Decimal } from '../../src/types/decimal.js';
import type { SqlType } from '../../src/types/sql-type.js';

export const INT: SqlType = { kind: 'INTEGER' };
export const BIGINT: SqlType = { kind: 'BIGINT' };
export const DOUBLE: SqlType = { kind: 'DOUBLE' };
export const STRING: SqlType = { kind: 'STRING' };
export const BYTES: SqlType = { kind: 'BYTES' };
export const BOOLEAN: SqlType = { kind: 'BOOLEAN' };
export const dec = (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale });

function matches(p: TypePattern, t: SqlType): boolean {
  if (p.kind === 'GENERIC') return true;
  return p.kind === t.kind;
}

export function overloadFor(fn: ScalarFunction, types: SqlType[]): ScalarOverload {
  const o = fn.overloads.find((ov) => {
    const n = ov.params.length;
    if (ov.variadic ? types.length < n - 1 : types.length !== n) return false;
    return types.every((t, i) => matches(ov.params[Math.min(i, n - 1)].type, t));
  });
  if (!o) throw new Error(`${fn.name} has no overload for (${types.map((t) => t.kind).join(', ')})`);
  return o;
}

export function returnTypeOf(o: ScalarOverload, types: SqlType[]): SqlType {
  if (typeof o.returns === 'function') return o.returns(types);
  return o.returns.kind === 'GENERIC' ? types[0] : (o.returns as SqlType);
}

/** fn(args) for arguments of the given types. */
export function call(fn: ScalarFunction, types: SqlType[], ...args: unknown[]): unknown {
  const o = overloadFor(fn, types);
  if ((o.nulls ?? 'propagate') === 'propagate' && args.some((a) => a === null)) return null;
  const run = o.impl ?? o.factory!(types, returnTypeOf(o, types));
  return run(...args);
}

export const d = (text: string): Decimal => Decimal.fromString(text);
export const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));
export const b64 = (b: unknown): string => Buffer.from(b as Uint8Array).toString('base64');
/** A DECIMAL result as text, so the scale is checked too. */
export const text = (v: unknown): string | null => (v === null ? null : (v as Decimal).toString());
