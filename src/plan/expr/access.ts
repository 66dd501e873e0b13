// Struct field access `s->f`, subscripts `a[i]` / `m[k]`, and CAST.
import type { Cast, Dereference, Expr, Subscript } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { BIGINT, formatType, INTEGER, typesEqual } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { implicitCast } from './implicit-cast.js';
import { canCoerce, coerceLiteralValue } from './sql-coercer.js';
import { isLiteralExpr, literal } from './literals.js';
import { isCastSupported, unsupportedCastMessage } from '../../values/cast-rules.js';

export function analyzeDeref(e: Dereference, ctx: AnalyzeContext): TypedExpr {
  const base = ctx.analyze(e.base, ctx);
  if (base.type.kind !== 'STRUCT') {
    throw typeError(`Can't dereference ${formatExpr(e)}: ${formatExpr(e.base)} is ${formatType(base.type)}, not a STRUCT.`, e.span);
  }
  const field = base.type.fields.find((f) => f.name === e.field);
  if (!field) throw typeError(`Could not find field '${e.field}' in '${formatExpr(e.base)}'.`, e.span);
  return { kind: 'Deref', base, field: field.name, type: field.type, span: e.span, source: e };
}

export function analyzeSubscript(e: Subscript, ctx: AnalyzeContext): TypedExpr {
  const base = ctx.analyze(e.base, ctx);
  const index = ctx.analyze(e.index, ctx);
  const bt = base.type;
  if (bt.kind === 'ARRAY') {
    if (index.type.kind !== 'INTEGER' && index.type.kind !== 'BIGINT' && index.type.kind !== 'NULL') {
      throw typeError(`Array index ${formatExpr(e.index)} must be INTEGER or BIGINT, not ${formatType(index.type)}.`, e.index.span);
    }
    return { kind: 'Subscript', base, index: implicitCast(index, index.type.kind === 'BIGINT' ? BIGINT : INTEGER), type: bt.item, span: e.span, source: e };
  }
  if (bt.kind === 'MAP') {
    return { kind: 'Subscript', base, index: mapKey(index, e.index, bt.key), type: bt.value, span: e.span, source: e };
  }
  const hint = bt.kind === 'STRUCT' ? ` Use the dereference operator for STRUCTS: ${formatExpr(e.base)}->${formatExpr(e.index)}` : '';
  throw typeError(`Subscript expression (${formatExpr(e)}) do not apply to ${formatType(bt)}.${hint}`, e.span);
}

function mapKey(index: TypedExpr, ast: Expr, key: SqlType): TypedExpr {
  if (index.type.kind === 'NULL' || typesEqual(index.type, key)) return implicitCast(index, key);
  if (isLiteralExpr(ast) && index.kind === 'Literal') {
    const v = coerceLiteralValue(index.value, index.type, key);
    if (v) return literal(ast, key, v.value);
  } else if (canCoerce(index.type, key, false) !== undefined && isCastSupported(index.type, key)) {
    return implicitCast(index, key);
  }
  throw typeError(`Map key ${formatExpr(ast)} is ${formatType(index.type)}, but the map's keys are ${formatType(key)}.`, ast.span);
}

export function analyzeCast(e: Cast, ctx: AnalyzeContext): TypedExpr {
  const value = ctx.analyze(e.value, ctx);
  if (!isCastSupported(value.type, e.type)) throw typeError(unsupportedCastMessage(value.type, e.type), e.span);
  return { kind: 'Cast', value, implicit: false, type: e.type, span: e.span, source: e };
}
