// ksqlDB's CoercionUtil.coerceUserList: the common type of a user-supplied list (IN lists,
// ARRAY and MAP constructors), found in order: the first non-NULL item sets the kind, later ones
// widen it; literals convert leniently (strings to numbers, numbers to strings), expressions
// only strictly. Literals are then converted at plan time, other items cast.
import type { Expr } from '../../../grammar/ast.js';
import type { Span } from '../../types/sql-error.js';
import type { SqlType, StructField } from '../../types/sql-type.js';
import { array, BIGINT, DOUBLE, formatType, INTEGER, isNumeric, map, struct } from '../../types/sql-type.js';
import { SqlError } from '../../types/sql-error.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { canCoerce, coerceLiteralValue } from './sql-coercer.js';
import { decimalTypeOfValue, widenDecimal } from './decimal-types.js';
import { implicitCast } from './implicit-cast.js';
import { isLiteralExpr, literal } from './literals.js';
import { parseJavaBigDecimal } from '../../values/decimal-math.js';
import { parseBooleanExact } from '../../values/java-parse.js';

export interface ListItem { ast: Expr; typed: TypedExpr }

/** An item that cannot join the list's type (replaced by the enclosing constructor's failure). */
class CoercionFailure extends SqlError {}

function position(span: Span) {
  return { position: { line: span.line, column: span.column, offset: span.offset } };
}

function coercionFailure(ast: Expr, source: SqlType, target: SqlType): CoercionFailure {
  return new CoercionFailure('TYPE_ERROR',
    `operator does not exist: ${formatType(target)} = ${formatType(source)} (${formatExpr(ast)})\n`
    + 'Hint: You might need to add explicit type casts.', position(ast.span));
}

function invalidSyntax(value: string, target: SqlType, ast: Expr): SqlError {
  return new SqlError('TYPE_ERROR', `invalid input syntax for type ${target.kind}: "${value}".`, position(ast.span));
}

const INT_MIN = -(2n ** 31n), INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n;

/** CoercionUtil.getStringNumericType: the numeric type a string literal's text would have. */
function stringNumericType(value: string): SqlType {
  const d = parseJavaBigDecimal(value.trim());
  if (!/[.eE]/.test(value) && d.scale === 0) {
    // Strict bounds, as ksqlDB compares them.
    if (d.unscaled > INT_MIN && d.unscaled < INT_MAX) return INTEGER;
    if (d.unscaled > LONG_MIN && d.unscaled < LONG_MAX) return BIGINT;
  }
  return decimalTypeOfValue(d);
}

function numericFromStringLiteral(value: string, target: SqlType, ast: Expr): SqlType {
  let source: SqlType;
  try {
    source = stringNumericType(value);
  } catch {
    throw invalidSyntax(value, target, ast);
  }
  if (source.kind === 'DOUBLE' || target.kind === 'DOUBLE') return DOUBLE;
  if (source.kind === 'DECIMAL' || target.kind === 'DECIMAL') return widenDecimal(source, target);
  return source.kind === 'INTEGER' ? target : source; // INTEGER widens to BIGINT; BIGINT stays
}

class Resolver {
  constructor(private readonly ctx: AnalyzeContext) {}

  common(items: { ast: Expr; type: SqlType | undefined }[]): SqlType | undefined {
    let common: SqlType | undefined;
    let first = true;
    for (const it of items) {
      if (first) { common = it.type; first = common === undefined; continue; }
      common = this.merge(it.ast, it.type, common!);
    }
    return common;
  }

  private merge(ast: Expr, type: SqlType | undefined, target: SqlType): SqlType {
    if (type === undefined) return target;
    switch (ast.kind) {
      case 'ArrayCtor': {
        if (target.kind !== 'ARRAY') throw coercionFailure(ast, type, target);
        return this.nested(ast, type, target, () => array(this.structured(target.item, ast.items)));
      }
      case 'MapCtor': {
        if (target.kind !== 'MAP') throw coercionFailure(ast, type, target);
        return this.nested(ast, type, target, () => map(
          this.structured(target.key, ast.entries.map((x) => x.key)),
          this.structured(target.value, ast.entries.map((x) => x.value))));
      }
      case 'StructCtor': {
        if (target.kind !== 'STRUCT') throw coercionFailure(ast, type, target);
        return this.nested(ast, type, target, () => this.structType(ast.fields, target.fields));
      }
      case 'StringLit':
        if (isNumeric(target)) return numericFromStringLiteral(ast.value, target, ast);
        if (target.kind === 'BOOLEAN') {
          if (parseBooleanExact(ast.value.trim()) === undefined) throw invalidSyntax(ast.value, target, ast);
          return target;
        }
        break;
      default:
        break;
    }
    const lax = isLiteralExpr(ast);
    const c = canCoerce(type, target, lax) ?? canCoerce(target, type, lax);
    if (!c) throw coercionFailure(ast, type, target);
    return c;
  }

  private nested(ast: Expr, type: SqlType, target: SqlType, f: () => SqlType): SqlType {
    try {
      return f();
    } catch (e) {
      if (e instanceof CoercionFailure) throw coercionFailure(ast, type, target);
      throw e;
    }
  }

  private structured(target: SqlType, asts: Expr[]): SqlType {
    if (asts.length === 0) return target;
    // ksqlDB seeds the list with a NULL literal of the target type.
    const seed: Expr = { kind: 'NullLit', span: asts[0].span };
    const items = [{ ast: seed, type: target as SqlType | undefined }, ...asts.map((a) => ({ ast: a, type: this.typeOf(a) }))];
    return this.common(items)!;
  }

  private structType(fields: { name: string; value: Expr }[], target: StructField[]): SqlType {
    const names = [...new Set([...fields.map((f) => f.name), ...target.map((f) => f.name)])];
    return struct(names.map((name) => {
      const src = fields.find((f) => f.name === name);
      const tgt = target.find((f) => f.name === name);
      const srcType = src && this.typeOf(src.value);
      if (!tgt) return { name, type: srcType ?? this.typed(src!.value).type };
      if (!src || srcType === undefined) return tgt;
      return { name, type: this.merge(src.value, srcType, tgt.type) };
    }));
  }

  private typed(e: Expr): TypedExpr { return this.ctx.analyze(e, this.ctx); }

  private typeOf(e: Expr): SqlType | undefined {
    const t = this.typed(e).type;
    return t.kind === 'NULL' ? undefined : t;
  }
}

/** The common type of `items`, or undefined when all are NULL (or there are none). */
export function commonListType(items: ListItem[], ctx: AnalyzeContext): SqlType | undefined {
  return new Resolver(ctx).common(items.map((i) => ({ ast: i.ast, type: i.typed.type.kind === 'NULL' ? undefined : i.typed.type })));
}

/** Converts every item to `common`: literals at plan time, other expressions by implicit casts. */
export function convertList(items: ListItem[], common: SqlType): TypedExpr[] {
  return items.map(({ ast, typed }) => {
    if (typed.type.kind === 'NULL') return implicitCast(typed, common);
    if (isLiteralExpr(ast) && typed.kind === 'Literal') {
      const out = coerceLiteralValue(typed.value, typed.type, common);
      if (!out) throw invalidSyntax(String(typed.value), common, ast);
      return literal(ast, common, out.value);
    }
    return implicitCast(typed, common);
  });
}
