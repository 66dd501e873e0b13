// Comparisons, IS [NOT] DISTINCT FROM and BETWEEN, typed by ksqlDB's ComparisonUtil: numbers
// with numbers, strings with strings or temporal values, booleans/arrays/maps/structs only for
// (in)equality, temporal types with each other as ksqlDB allows.
import type { Between, Comparison, Expr, IsDistinctFrom } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { BOOLEAN, formatType, isNumeric } from '../../types/sql-type.js';
import type { CompareOp, TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';

const OP_NAME: Record<CompareOp, string> = {
  '=': 'EQUAL', '<>': 'NOT_EQUAL', '<': 'LESS_THAN', '<=': 'LESS_THAN_OR_EQUAL', '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL', 'DISTINCT': 'IS_DISTINCT_FROM', 'NOT DISTINCT': 'IS_NOT_DISTINCT_FROM',
};
const OP_TEXT: Record<CompareOp, string> = {
  '=': '=', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  'DISTINCT': 'IS DISTINCT FROM', 'NOT DISTINCT': 'IS NOT DISTINCT FROM',
};

const isEquality = (op: CompareOp): boolean => op === '=' || op === '<>' || op === 'DISTINCT' || op === 'NOT DISTINCT';
const isTemporal = (t: SqlType): boolean => t.kind === 'TIME' || t.kind === 'DATE' || t.kind === 'TIMESTAMP';

/** ComparisonUtil.isValidComparison (both types non-NULL). */
export function isValidComparison(l: SqlType, op: CompareOp, r: SqlType): boolean {
  if (isNumeric(l)) return isNumeric(r);
  switch (l.kind) {
    case 'STRING': return r.kind === 'STRING' || isTemporal(r);
    case 'BOOLEAN': case 'ARRAY': case 'MAP': case 'STRUCT': return r.kind === l.kind && isEquality(op);
    case 'TIME': return r.kind === 'TIME' || r.kind === 'STRING';
    case 'DATE': case 'TIMESTAMP': return r.kind === 'DATE' || r.kind === 'TIMESTAMP' || r.kind === 'STRING';
    case 'BYTES': return r.kind === 'BYTES';
    default: return false;
  }
}

/** Checks that `left op right` is a valid comparison, with ksqlDB's messages. */
export function checkComparison(left: TypedExpr, leftAst: Expr, op: CompareOp, right: TypedExpr, rightAst: Expr, at: Expr): void {
  const l = left.type, r = right.type;
  if (l.kind === 'NULL' || r.kind === 'NULL') {
    const name = (t: SqlType) => (t.kind === 'NULL' ? 'NULL' : t.kind);
    throw typeError(`Comparison with NULL not supported: ${name(l)} ${OP_TEXT[op]} ${name(r)}\n`
      + "Use 'IS NULL' or 'IS NOT NULL' instead.", at.span);
  }
  if (!isValidComparison(l, op, r)) {
    throw typeError(`Cannot compare ${formatExpr(leftAst)} (${formatType(l)}) to ${formatExpr(rightAst)} (${formatType(r)}) `
      + `with ${OP_NAME[op]}.`, at.span);
  }
}

function compare(e: Expr, op: CompareOp, leftAst: Expr, rightAst: Expr, ctx: AnalyzeContext): TypedExpr {
  const left = ctx.analyze(leftAst, ctx);
  const right = ctx.analyze(rightAst, ctx);
  checkComparison(left, leftAst, op, right, rightAst, e);
  return { kind: 'Compare', op, left, right, type: BOOLEAN, span: e.span, source: e };
}

export function analyzeComparison(e: Comparison, ctx: AnalyzeContext): TypedExpr {
  return compare(e, e.op, e.left, e.right, ctx);
}

export function analyzeDistinct(e: IsDistinctFrom, ctx: AnalyzeContext): TypedExpr {
  return compare(e, e.not ? 'NOT DISTINCT' : 'DISTINCT', e.left, e.right, ctx);
}

export function analyzeBetween(e: Between, ctx: AnalyzeContext): TypedExpr {
  const value = ctx.analyze(e.value, ctx);
  const low = ctx.analyze(e.low, ctx);
  const high = ctx.analyze(e.high, ctx);
  checkComparison(value, e.value, '>=', low, e.low, e);
  checkComparison(value, e.value, '<=', high, e.high, e);
  return { kind: 'Between', not: e.not, value, low, high, type: BOOLEAN, span: e.span, source: e };
}
