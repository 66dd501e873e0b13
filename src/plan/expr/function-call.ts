// Scalar function calls: resolve the overload from the argument types, type lambda arguments
// from the overload's LAMBDA parameters, convert arguments to what the implementation takes,
// and compute the return type.
import type { Expr, FunctionCall, Lambda } from '../../../grammar/ast.js';
import type { SqlType } from '../../types/sql-type.js';
import { typesEqual } from '../../types/sql-type.js';
import type { TypePattern } from '../../../udfs/types.js';
import type { TypedExpr, TLambda } from './typed-expr.js';
import type { AnalyzeContext, LambdaBinding } from './analyze-context.js';
import { sqlError, typeError } from './analyze-context.js';
import { formatExpr } from './format-expr.js';
import { implicitCast } from './implicit-cast.js';
import { toSqlDecimal } from './decimal-types.js';
import { bindFrom, formatPattern, formatTypePlain, hasGenerics, substitute, type Bindings } from './type-pattern.js';
import { overloadKey, paramPattern, resolveOverload, type ArgInfo } from './function-resolve.js';
import { analyzeModelCall } from './model-call.js';
import { excerpt } from '../../types/excerpt.js';

export function analyzeCall(e: FunctionCall, ctx: AnalyzeContext): TypedExpr {
  const def = ctx.registry.get(e.name);
  if (!def) throw sqlError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${excerpt(e.name)}'`, e.span);
  if (def.kind === 'aggregate') {
    throw sqlError('INVALID_STATEMENT',
      `Aggregate function ${formatExpr(e)} is not allowed here: aggregate functions can only be used in the `
      + 'SELECT and HAVING clauses of an aggregate query.', e.span);
  }
  if (def.model) return analyzeModelCall(e, def, ctx);
  const asts = e.star ? [] : e.args.map((a) => timeUnitArg(a, ctx));
  const typed: (TypedExpr | undefined)[] = asts.map((a) => (a.kind === 'Lambda' ? undefined : ctx.analyze(a, ctx)));
  const info: ArgInfo[] = asts.map((a, i) => (a.kind === 'Lambda' ? { lambdaArity: a.params.length } : { type: typed[i]!.type }));
  const resolved = resolveOverload(def, info);
  if ('error' in resolved) throw sqlError('FUNCTION_ARGS', resolved.error, e.span);
  const { overload, bindings } = resolved;

  // Lambdas, in order, once the other arguments have bound the generics their inputs use.
  asts.forEach((a, i) => {
    if (a.kind === 'Lambda') typed[i] = analyzeLambda(a, paramPattern(overload, i), bindings, def.name, ctx);
  });

  const args = typed.map((t, i) => (t!.kind === 'Lambda' ? t! : convertArg(t!, paramPattern(overload, i), bindings)));
  const argTypes = args.map((a) => a.type);
  let type: SqlType | undefined;
  if (typeof overload.returns === 'function') {
    type = overload.returns(argTypes);
  } else {
    type = substitute(overload.returns, bindings);
    if (type === undefined && overload.returns.kind === 'DECIMAL') {
      throw sqlError('INTERNAL', `Function '${def.name}' returns DECIMAL without a precision: give it a return rule`, e.span);
    }
  }
  if (type === undefined) {
    throw sqlError('FUNCTION_ARGS', `Cannot infer the return type of ${formatExpr(e)} from arguments `
      + `(${argTypes.map(formatTypePlain).join(', ')}): cast NULL arguments to a type.`, e.span);
  }
  return {
    kind: 'Call', name: def.name, overload: overloadKey(overload), ...(def.volatile ? { volatile: true } : {}),
    args, type, span: e.span, source: e,
  };
}

/** The type an argument is converted to for a parameter: the parameter's type, shaped by the argument's. */
function concretize(p: TypePattern, t: SqlType, b: Bindings): SqlType {
  if (t.kind === 'NULL') return substitute(p, b) ?? t;
  if (hasGenerics(p)) return t;
  switch (p.kind) {
    case 'DECIMAL':
      return p.precision !== undefined && p.scale !== undefined ? substitute(p, b)! : (t.kind === 'DECIMAL' ? t : toSqlDecimal(t));
    case 'ARRAY': return t.kind === 'ARRAY' ? { kind: 'ARRAY', item: concretize(p.item, t.item, b) } : t;
    case 'MAP':
      return t.kind === 'MAP' ? { kind: 'MAP', key: concretize(p.key, t.key, b), value: concretize(p.value, t.value, b) } : t;
    case 'STRUCT': case 'ANY_STRUCT': case 'LAMBDA': case 'GENERIC': return t;
    default: return { kind: p.kind };
  }
}

function convertArg(t: TypedExpr, p: TypePattern, b: Bindings): TypedExpr {
  const target = concretize(p, t.type, b);
  return typesEqual(target, t.type) ? t : implicitCast(t, target);
}

function analyzeLambda(a: Lambda, p: TypePattern, b: Bindings, fnName: string, ctx: AnalyzeContext): TLambda {
  if (p.kind !== 'LAMBDA') throw typeError(`Function '${fnName}' does not take a lambda here.`, a.span);
  const inputs = p.params.map((x) => substitute(x, b));
  const missing = inputs.findIndex((x) => x === undefined);
  if (missing >= 0) {
    throw sqlError('FUNCTION_ARGS', `Cannot infer the type of lambda parameter ${a.params[missing]} `
      + `(${formatPattern(p.params[missing])}) in ${formatExpr(a)}.`, a.span);
  }
  const lambdas = new Map<string, LambdaBinding>(ctx.lambdas);
  const params = a.params.map((name, i) => {
    const binding = { type: inputs[i]!, slot: ctx.slots.next++ };
    lambdas.set(name, binding);
    return { name, slot: binding.slot, type: binding.type };
  });
  const body = ctx.analyze(a.body, { ...ctx, lambdas });
  if (!bindFrom(p.returns, body.type, b)) {
    throw sqlError('FUNCTION_ARGS', `Function '${fnName}' expects the lambda ${formatExpr(a)} to return `
      + `${formatPattern(p.returns)}, but it returns ${formatTypePlain(body.type)}.`, a.span);
  }
  const expected = substitute(p.returns, b);
  const converted = expected ? implicitCast(body, expected) : body;
  return { kind: 'Lambda', params, body: converted, type: converted.type, span: a.span, source: a as Expr };
}

const TIME_UNITS = new Set(['DAY', 'DAYS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS',
  'MILLISECOND', 'MILLISECONDS']);

/**
 * ksqlDB's grammar lets a time unit stand as a function argument (DATEADD(DAYS, 2, d)); our
 * parser reads it as a column name. When no column has that name, it is the unit, as a string.
 */
function timeUnitArg(a: Expr, ctx: AnalyzeContext): Expr {
  if (a.kind !== 'ColumnRef' || a.qualifier !== undefined || !TIME_UNITS.has(a.name)) return a;
  if (ctx.scope.columns.some((c) => c.name === a.name)) return a;
  return { kind: 'StringLit', value: a.name, span: a.span };
}
