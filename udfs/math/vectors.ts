// Shared by the vector functions (DOT, L2_NORM, COSINE_SIMILARITY, VECTOR_ADD, VECTOR_SUB,
// VECTOR_SCALE) over ARRAY<DOUBLE>; ARRAY<INT>, ARRAY<BIGINT> and ARRAY<DECIMAL> arguments widen
// to it. A NULL array is NULL (the call is not made); a NULL element makes the result NULL;
// arrays of different lengths fail the call, which the engine reports as NULL plus a
// processing-log entry.
//
// Plain loops, not mathjs: per call on 8-64 element arrays, math.dot costs 12-28x a loop,
// math.norm 35-78x, math.add / subtract / multiply 27-53x (typed-function dispatch and its
// matrix checks), and these run once per row.
import type { Param, TypePattern } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';

export type Vector = readonly (number | null)[];

export const VECTOR: TypePattern = { kind: 'ARRAY', item: { kind: 'DOUBLE' } };

export const vectorParam = (name: string, description: string): Param => ({ name, type: VECTOR, description });

/** Fails the call unless both arrays have the same length. */
export function sameLength(fn: string, a: Vector, b: Vector): void {
  if (a.length !== b.length) {
    throw new SqlError('EVALUATION_ERROR', `${fn} needs arrays of the same length, but got lengths ${a.length} and ${b.length}`);
  }
}

/** Whether some element is NULL. */
export function hasNull(a: Vector): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === null) return true;
  return false;
}

/** The largest absolute element (NaN if there is a NaN), for rescaling sums of squares. */
function maxAbs(a: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (Number.isNaN(x)) return x;
    if (x > m) m = x;
  }
  return m;
}

/**
 * The array divided by its largest absolute element, so its sum of squares neither over- nor
 * underflows; or that element itself when it is 0, Infinity or NaN (nothing to rescale).
 */
export function rescaled(a: readonly number[]): { scale: number; unit: number[] | null } {
  const m = maxAbs(a);
  if (m === 0 || !Number.isFinite(m)) return { scale: m, unit: null };
  return { scale: m, unit: a.map((x) => x / m) };
}

/** The Euclidean norm, rescaled when the plain sum of squares would over- or underflow. */
export function l2(a: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  if (s > 1e-290 && s < 1e290) return Math.sqrt(s);
  const { scale, unit } = rescaled(a);
  if (unit === null) return scale; // 0, Infinity or NaN
  let u = 0;
  for (let i = 0; i < unit.length; i++) u += unit[i] * unit[i];
  return scale * Math.sqrt(u);
}
