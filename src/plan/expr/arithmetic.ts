// Arithmetic, concatenation, unary and logical operators (ksqlDB's Operator.resultType): numeric
// operands widen INTEGER → BIGINT → DECIMAL → DOUBLE, DECIMAL results take SqlDecimal's
// precision and scale, and `+` on two strings concatenates.
import type { Arithmetic, Concat, Logical, Unary } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { BOOLEAN, BYTES, STRING, formatType, isNumeric } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { sqlError, typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { decimalResultType, toSqlDecimal } from './decimal-types.js';
import { implicitCast } from './implicit-cast.js';
import { literal, numberLiteral } from './literals.js';

const RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

const typeName = (t: SqlType): string => (t.kind === 'NULL' ? 'null' : formatType(t));

export function analyzeArithmetic(e: Arithmetic, ctx: AnalyzeContext): TypedExpr {
  const left = ctx.analyze(e.left, ctx);
  const right = ctx.analyze(e.right, ctx);
  const lt = left.type, rt = right.type;
  const fail = (why: string) => typeError(`Error processing expression: ${formatExpr(e)}. ${why}`, e.span);
  if (lt.kind === 'NULL' || rt.kind === 'NULL') {
    throw fail(`Arithmetic on types ${typeName(lt)} and ${typeName(rt)} are not supported.`);
  }
  const node = (type: SqlType, l: TypedExpr, r: TypedExpr): TypedExpr =>
    ({ kind: 'Arithmetic', op: e.op, left: l, right: r, type, span: e.span, source: e });
  if (e.op === '+' && lt.kind === 'STRING' && rt.kind === 'STRING') return node(STRING, left, right);
  if (!isNumeric(lt) || !isNumeric(rt)) throw fail(`Unsupported arithmetic types. ${lt.kind} ${rt.kind}`);
  const wide = RANK[lt.kind] <= RANK[rt.kind] ? rt : lt;
  if (wide.kind !== 'DECIMAL') return node(wide, implicitCast(left, wide), implicitCast(right, wide));
  const ld = toSqlDecimal(lt), rd = toSqlDecimal(rt);
  return node(decimalResultType(e.op, ld, rd), implicitCast(left, ld), implicitCast(right, rd));
}

/** `a || b`: ksqlDB's CONCAT on two STRINGs or two BYTES. */
export function analyzeConcat(e: Concat, ctx: AnalyzeContext): TypedExpr {
  const left = ctx.analyze(e.left, ctx);
  const right = ctx.analyze(e.right, ctx);
  const kinds = new Set([left.type.kind, right.type.kind].filter((k) => k !== 'NULL'));
  const only = [...kinds];
  if (only.length > 1 || (only.length === 1 && only[0] !== 'STRING' && only[0] !== 'BYTES')) {
    throw sqlError('FUNCTION_ARGS',
      `Function 'concat' does not accept parameters (${typeName(left.type)}, ${typeName(right.type)}).`, e.span);
  }
  const type = only[0] === 'BYTES' ? BYTES : STRING;
  return { kind: 'Concat', left: implicitCast(left, type), right: implicitCast(right, type), type, span: e.span, source: e };
}

export function analyzeUnary(e: Unary, ctx: AnalyzeContext): TypedExpr {
  if (e.op === 'NOT') {
    const operand = ctx.analyze(e.operand, ctx);
    if (operand.type.kind !== 'BOOLEAN' && operand.type.kind !== 'NULL') {
      throw typeError(`NOT requires a BOOLEAN operand, but ${formatExpr(e.operand)} is ${typeName(operand.type)}.`, e.span);
    }
    return { kind: 'Not', operand: implicitCast(operand, BOOLEAN), type: BOOLEAN, span: e.span, source: e };
  }
  // ksqlDB's grammar reads a sign directly before a number as part of the literal.
  if (e.operand.kind === 'NumberLit') {
    const text = e.op === '-' ? (e.operand.text.startsWith('-') ? e.operand.text.slice(1) : `-${e.operand.text}`) : e.operand.text;
    const { type, value } = numberLiteral(text, e);
    return literal(e, type, value);
  }
  const operand = ctx.analyze(e.operand, ctx);
  if (!isNumeric(operand.type)) {
    throw typeError(`Error processing expression: ${formatExpr(e)}. Unary ${e.op} requires a numeric operand, got ${typeName(operand.type)}.`, e.span);
  }
  if (e.op === '+') return operand;
  return { kind: 'Negate', operand, type: operand.type, span: e.span, source: e };
}

export function analyzeLogical(e: Logical, ctx: AnalyzeContext): TypedExpr {
  const left = ctx.analyze(e.left, ctx);
  const right = ctx.analyze(e.right, ctx);
  for (const [side, t] of [[e.left, left], [e.right, right]] as const) {
    if (t.type.kind !== 'BOOLEAN' && t.type.kind !== 'NULL') {
      throw typeError(`${e.op} requires BOOLEAN operands, but ${formatExpr(side)} is ${typeName(t.type)}.`, side.span);
    }
  }
  return {
    kind: 'Logical', op: e.op, left: implicitCast(left, BOOLEAN), right: implicitCast(right, BOOLEAN),
    type: BOOLEAN, span: e.span, source: e,
  };
}
