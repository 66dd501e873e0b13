// IN, LIKE and IS [NOT] NULL.
import type { InList, IsNull, Like } from '../../../grammar/ast.js';
import { BOOLEAN, NULL_TYPE, STRING, formatType } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { commonListType, convertList, type ListItem } from './coerce-list.js';
import { implicitCast } from './implicit-cast.js';

/**
 * `v IN (a, b, ...)`: as ksqlDB's InListEvaluator.preprocess, NULL literals are dropped from
 * the list and the value and items are coerced to one common type.
 */
export function analyzeIn(e: InList, ctx: AnalyzeContext): TypedExpr {
  const items: ListItem[] = [{ ast: e.value, typed: ctx.analyze(e.value, ctx) }];
  for (const x of e.list) if (x.kind !== 'NullLit') items.push({ ast: x, typed: ctx.analyze(x, ctx) });
  const common = commonListType(items, ctx) ?? NULL_TYPE;
  const converted = convertList(items, common);
  return { kind: 'In', not: e.not, value: converted[0], list: converted.slice(1), type: BOOLEAN, span: e.span, source: e };
}

export function analyzeLike(e: Like, ctx: AnalyzeContext): TypedExpr {
  const value = ctx.analyze(e.value, ctx);
  const pattern = ctx.analyze(e.pattern, ctx);
  for (const [ast, t] of [[e.value, value], [e.pattern, pattern]] as const) {
    if (t.type.kind !== 'STRING' && t.type.kind !== 'NULL') {
      throw typeError(`LIKE requires STRING operands, but ${formatExpr(ast)} is ${formatType(t.type)}.`, ast.span);
    }
  }
  let escape: TypedExpr | undefined;
  if (e.escape) {
    if (e.escape.kind !== 'StringLit' || [...e.escape.value].length !== 1) {
      throw typeError(`The ESCAPE of LIKE must be a single character string, not ${formatExpr(e.escape)}.`, e.escape.span);
    }
    escape = ctx.analyze(e.escape, ctx);
  }
  return {
    kind: 'Like', not: e.not, value: implicitCast(value, STRING), pattern: implicitCast(pattern, STRING), escape,
    type: BOOLEAN, span: e.span, source: e,
  };
}

export function analyzeIsNull(e: IsNull, ctx: AnalyzeContext): TypedExpr {
  return { kind: 'IsNull', not: e.not, value: ctx.analyze(e.value, ctx), type: BOOLEAN, span: e.span, source: e };
}
