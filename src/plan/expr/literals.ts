// Literal typing as ksqlDB's parser does it: an integer that fits 32 bits is INTEGER, else
// BIGINT; with a point it is DECIMAL(p, s) of its digits; with an exponent, DOUBLE.
import type { Expr } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, NULL_TYPE, STRING } from '../../types/sql-type.js';
import { Decimal } from '../../types/decimal.js';
import type { TLiteral } from './typed-expr.js';
import { decimalTypeOfValue } from './decimal-types.js';
import { sqlError } from './analyze-context.js';
import { long } from '../../values/long.js';

const INT_MIN = -(2n ** 31n), INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n;

/** Type and value of numeric literal text (which may carry a sign). */
export function numberLiteral(text: string, e: Expr): { type: SqlType; value: unknown } {
  if (/[eE]/.test(text)) {
    const d = Number(text);
    if (!Number.isFinite(d)) throw sqlError('PARSE_ERROR', `Number overflows DOUBLE: ${text}`, e.span);
    return { type: DOUBLE, value: d };
  }
  if (text.includes('.')) {
    const d = Decimal.fromString(text);
    return { type: decimalTypeOfValue(d), value: d };
  }
  const n = BigInt(text);
  if (n >= INT_MIN && n <= INT_MAX) return { type: INTEGER, value: Number(n) };
  if (n >= LONG_MIN && n <= LONG_MAX) return { type: BIGINT, value: long(n) };
  throw sqlError('PARSE_ERROR', `Invalid numeric literal: ${text}`, e.span);
}

export function literal(e: Expr, type: SqlType, value: unknown): TLiteral {
  return { kind: 'Literal', type, value, span: e.span, source: e };
}

/** The typed literal for a literal AST node, or undefined if `e` is not a literal. */
export function analyzeLiteral(e: Expr): TLiteral | undefined {
  switch (e.kind) {
    case 'NullLit': return literal(e, NULL_TYPE, null);
    case 'BoolLit': return literal(e, BOOLEAN, e.value);
    case 'StringLit': return literal(e, STRING, e.value);
    case 'NumberLit': {
      const { type, value } = numberLiteral(e.text, e);
      return literal(e, type, value);
    }
    default: return undefined;
  }
}

/** Literals for ksqlDB's coercion rules: literal nodes, and a minus sign on a number literal. */
export function isLiteralExpr(e: Expr): boolean {
  return e.kind === 'NullLit' || e.kind === 'BoolLit' || e.kind === 'StringLit' || e.kind === 'NumberLit'
    || (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'NumberLit');
}
