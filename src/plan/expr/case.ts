// CASE: a simple CASE becomes `operand = value` conditions (as ksqlDB rewrites it). Results must
// share a type, NULL branches aside; Eddy also accepts numeric branches of different types and
// widens them (ksqlDB requires identical types).
import type { Case } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { BOOLEAN, formatType, typesEqual } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { checkComparison } from './comparison.js';
import { implicitCast, widerNumeric } from './implicit-cast.js';

function merge(a: SqlType, b: SqlType): SqlType | undefined {
  return typesEqual(a, b) ? a : widerNumeric(a, b);
}

export function analyzeCase(e: Case, ctx: AnalyzeContext): TypedExpr {
  const whens: { when: TypedExpr; then: TypedExpr }[] = [];
  let result: SqlType | undefined;
  for (const w of e.whens) {
    let when: TypedExpr;
    if (e.operand) {
      const operand = ctx.analyze(e.operand, ctx);
      const value = ctx.analyze(w.when, ctx);
      checkComparison(operand, e.operand, '=', value, w.when, w.when);
      when = { kind: 'Compare', op: '=', left: operand, right: value, type: BOOLEAN, span: w.when.span, source: w.when };
    } else {
      when = ctx.analyze(w.when, ctx);
      if (when.type.kind !== 'BOOLEAN' && when.type.kind !== 'NULL') {
        throw typeError(`WHEN operand type should be boolean.\nType for '${formatExpr(w.when)}' is ${formatType(when.type)}`, w.when.span);
      }
    }
    const then = ctx.analyze(w.then, ctx);
    if (then.type.kind !== 'NULL') {
      const merged = result === undefined ? then.type : merge(result, then.type);
      if (!merged) {
        throw typeError("Invalid Case expression. Type for all 'THEN' clauses should be the same.\n"
          + `THEN expression 'WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}' has type: ${formatType(then.type)}.\n`
          + `Previous THEN expression(s) type: ${formatType(result!)}.`, w.then.span);
      }
      result = merged;
    }
    whens.push({ when: implicitCast(when, BOOLEAN), then });
  }
  const otherwise = e.else ? ctx.analyze(e.else, ctx) : undefined;
  if (otherwise && otherwise.type.kind !== 'NULL') {
    const merged = result === undefined ? otherwise.type : merge(result, otherwise.type);
    if (!merged) {
      throw typeError("Invalid Case expression. Type for the default clause should be the same as for 'THEN' clauses.\n"
        + `THEN type: ${formatType(result!)}.\nDEFAULT type: ${formatType(otherwise.type)}.`, e.else!.span);
    }
    result = merged;
  }
  if (result === undefined) throw typeError('Invalid Case expression. All case branches have NULL type', e.span);
  const type = result;
  return {
    kind: 'Case',
    whens: whens.map((w) => ({ when: w.when, then: implicitCast(w.then, type) })),
    else: otherwise && implicitCast(otherwise, type),
    type, span: e.span, source: e,
  };
}
