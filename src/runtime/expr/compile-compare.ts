// Comparisons as ksqlDB's generated code runs them: a NULL side makes `=`, `<`... false (never
// NULL); IS [NOT] DISTINCT FROM treats two NULLs as equal. Numbers compare by value (DECIMAL
// against a DOUBLE through BigDecimal.valueOf), strings by UTF-16 code units, temporal values
// after parsing string sides, arrays/maps/structs by Java equality.
import type { SqlType } from '../../types/sql-type.js';
import { isNumeric } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import type { CompareOp, TBetween, TCompare, TypedExpr } from '../../plan/expr/typed-expr.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import { textOf } from './compile-env.js';
import { decimalValueOfDouble } from '../../values/decimal-math.js';
import { javaEquals } from '../../values/equality.js';
import { parseDate, parseTime, parseTimestamp } from '../../values/sql-time.js';
import { MS_PER_DAY } from '../../values/civil-time.js';

/** How two non-null values compare: an ordering, or (for equality-only types) an equality. */
type Ordering = { order: (a: any, b: any) => number } | { equals: (a: any, b: any) => boolean } | { direct: true };

function toDecimal(t: SqlType): (v: any) => Decimal {
  if (t.kind === 'DECIMAL') return (v) => v;
  if (t.kind === 'DOUBLE') return (v) => decimalValueOfDouble(v);
  return (v) => new Decimal(BigInt(v), 0);
}

function signedBytesCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i] << 24) >> 24, y = (b[i] << 24) >> 24;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

const temporal = (t: SqlType): boolean => t.kind === 'DATE' || t.kind === 'TIME' || t.kind === 'TIMESTAMP';

/** Converts a side of a temporal comparison to the common temporal kind (as numbers). */
function temporalSide(side: TypedExpr, ev: Evaluator, target: 'DATE' | 'TIME' | 'TIMESTAMP'): Evaluator {
  const kind = side.type.kind;
  if (kind === target) return ev;
  if (kind === 'DATE' && target === 'TIMESTAMP') return (row) => { const v = ev(row); return v == null ? null : (v as number) * MS_PER_DAY; };
  const parse = target === 'TIME' ? parseTime : target === 'DATE' ? parseDate : parseTimestamp;
  if (side.kind === 'Literal' && typeof side.value === 'string') {
    // Parse a literal once; if it cannot parse, fail on every row as ksqlDB does.
    try {
      const parsed = parse(side.value);
      return () => parsed;
    } catch { /* fall through */ }
  }
  return (row) => {
    const v = ev(row);
    if (v == null) return null;
    try {
      return parse(v as string);
    } catch (e) {
      throw new EvaluationError((e as Error).message);
    }
  };
}

function ordering(l: SqlType, r: SqlType): Ordering {
  if (isNumeric(l) && isNumeric(r)) {
    if (l.kind !== 'DECIMAL' && r.kind !== 'DECIMAL') return { direct: true };
    const dl = toDecimal(l), dr = toDecimal(r);
    return { order: (a, b) => dl(a).compare(dr(b)) };
  }
  switch (l.kind) {
    case 'STRING': return { direct: true };
    case 'BYTES': return { order: signedBytesCompare };
    case 'BOOLEAN': return { equals: (a, b) => a === b };
    case 'ARRAY': case 'MAP': case 'STRUCT': return { equals: javaEquals(l, r) };
    default: return { direct: true }; // temporal values, already converted to numbers
  }
}

function test(op: CompareOp, o: Ordering): (a: any, b: any) => boolean {
  if ('direct' in o) {
    switch (op) {
      case '=': case 'NOT DISTINCT': return (a, b) => a <= b && a >= b;
      case '<>': case 'DISTINCT': return (a, b) => a < b || a > b;
      case '<': return (a, b) => a < b;
      case '<=': return (a, b) => a <= b;
      case '>': return (a, b) => a > b;
      case '>=': return (a, b) => a >= b;
    }
  }
  if ('equals' in o) {
    const eq = o.equals;
    return op === '=' || op === 'NOT DISTINCT' ? eq : (a, b) => !eq(a, b);
  }
  const c = o.order;
  switch (op) {
    case '=': case 'NOT DISTINCT': return (a, b) => c(a, b) === 0;
    case '<>': case 'DISTINCT': return (a, b) => c(a, b) !== 0;
    case '<': return (a, b) => c(a, b) < 0;
    case '<=': return (a, b) => c(a, b) <= 0;
    case '>': return (a, b) => c(a, b) > 0;
    case '>=': return (a, b) => c(a, b) >= 0;
  }
}

/** A comparison of two evaluated sides, NULL-aware, for `op`. */
export function comparator(op: CompareOp, left: TypedExpr, right: TypedExpr, l: Evaluator, r: Evaluator, text: () => string): Evaluator {
  let lt = left.type, rt = right.type;
  if (temporal(lt) || temporal(rt)) {
    const target = lt.kind === 'TIME' || rt.kind === 'TIME' ? 'TIME'
      : lt.kind === 'TIMESTAMP' || rt.kind === 'TIMESTAMP' ? 'TIMESTAMP' : 'DATE';
    l = temporalSide(left, l, target);
    r = temporalSide(right, r, target);
    lt = rt = { kind: target };
  }
  const f = test(op, ordering(lt, rt));
  // Decimal conversions and parsed temporal strings can fail; plain comparisons cannot.
  const mayThrow = lt.kind === 'DECIMAL' || rt.kind === 'DECIMAL' || temporal(lt);
  const nullResult = op === 'DISTINCT' || op === 'NOT DISTINCT'
    ? (a: unknown, b: unknown) => (op === 'DISTINCT' ? (a == null) !== (b == null) : (a == null) === (b == null))
    : () => false;
  if (!mayThrow) {
    return (row) => {
      const a = l(row), b = r(row);
      return a == null || b == null ? nullResult(a, b) : f(a, b);
    };
  }
  return (row) => {
    try {
      const a = l(row), b = r(row);
      return a == null || b == null ? nullResult(a, b) : f(a, b);
    } catch (e) {
      throw EvaluationError.wrap(e, text());
    }
  };
}

export function compileCompare(t: TCompare, env: CompileEnv): Evaluator {
  return comparator(t.op, t.left, t.right, env.compile(t.left, env), env.compile(t.right, env), textOf(t));
}

/** `v BETWEEN lo AND hi` is `v >= lo AND v <= hi` with comparison semantics; NOT negates it. */
export function compileBetween(t: TBetween, env: CompileEnv): Evaluator {
  const v = env.compile(t.value, env);
  const text = textOf(t);
  const ge = comparator('>=', t.value, t.low, v, env.compile(t.low, env), text);
  const le = comparator('<=', t.value, t.high, v, env.compile(t.high, env), text);
  return t.not ? (row) => !(ge(row) && le(row)) : (row) => (ge(row) as boolean) && (le(row) as boolean);
}
