// Implicit conversions the analyzer inserts: a Cast node marked implicit, or, for a literal,
// the converted literal itself (so constants are converted once, at plan time).
import type { SqlType } from '../../types/sql-type.js';
import { isNumeric, typesEqual } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import { makeCaster } from '../../values/cast.js';
import { widenDecimal } from './decimal-types.js';

export function implicitCast(t: TypedExpr, to: SqlType): TypedExpr {
  if (typesEqual(t.type, to)) return t;
  if (t.kind === 'Literal') {
    try {
      return { ...t, type: to, value: makeCaster(t.type, to)(t.value) };
    } catch {
      // Not convertible at plan time: leave the failure to run time, as ksqlDB does.
    }
  }
  return { kind: 'Cast', value: t, implicit: true, type: to, span: t.span, source: t.source };
}

const NUMERIC_RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

/** The wider of two numeric types (INTEGER → BIGINT → DECIMAL → DOUBLE), or undefined. */
export function widerNumeric(a: SqlType, b: SqlType): SqlType | undefined {
  if (!isNumeric(a) || !isNumeric(b)) return undefined;
  const ra = NUMERIC_RANK[a.kind], rb = NUMERIC_RANK[b.kind];
  const wide = ra >= rb ? a : b;
  if (wide.kind === 'DECIMAL') return widenDecimal(a, b);
  return wide;
}
