// GROUP BY planning: aggregate calls are pulled out of SELECT and HAVING into an aggregate step
// whose output key is the grouping expressions and whose values are the aggregate results; the
// SELECT is rewritten over that output (group expressions and calls become column refs).
import type { Expr, FunctionCall, Query, SelectItem } from '../../grammar/ast.js';
import type { Step, AggregateStep, AggregateCall } from './physical-plan.js';
import type { PlanContext, PlanMode } from './plan-context.js';
import type { Column } from '../types/schema.js';
import type { SqlType } from '../types/sql-type.js';
import { stepScope } from './step-scope.js';
import { analyzeOver } from './analyze-over.js';
import { expandSelect, checkReservedNames } from './select-items.js';
import { mapExpr, visitExpr, exprSignature } from './expr-walk.js';
import { resolveAggregate } from './aggregate-resolve.js';
import { resolveAggregateCall } from './aggregate-call.js';
import { formatExpression } from '../../grammar/index.js';
import { SqlError } from '../types/sql-error.js';
import { planFilter } from './plan-select.js';
import { planProjection } from './plan-projection.js';
import { colRef } from './plan-helpers.js';
import { joinUnder } from './plan-join-projection.js';
import { checkWindow } from './window-bounds.js';

export function containsAggregate(e: Expr, ctx: PlanContext): boolean {
  let found = false;
  visitExpr(e, (x) => {
    if (x.kind === 'FunctionCall' && ctx.registry.isAggregate(x.name)) found = true;
  });
  return found;
}

const aggVar = (i: number): string => `KSQL_AGG_VARIABLE_${i}`;

export function planAggregation(input: Step, q: Query, ctx: PlanContext, mode: PlanMode): Step {
  if (q.window) checkWindow(q.window, ctx.properties);
  const scope = stepScope(input);
  const groupBy = q.groupBy ?? [];
  if (groupBy.length === 0) {
    throw new SqlError('INVALID_STATEMENT', 'Aggregate query needs GROUP BY clause.', { position: q.span });
  }
  if (q.partitionBy) {
    throw new SqlError('INVALID_STATEMENT', 'PARTITION BY and GROUP BY in the same query is not supported.', { position: q.partitionBy[0].span });
  }
  const groupSigs: string[] = [];
  for (const g of groupBy) {
    visitExpr(g, (x) => {
      if (x.kind === 'FunctionCall' && ctx.registry.isAggregate(x.name)) {
        throw new SqlError('INVALID_STATEMENT', `GROUP BY does not support aggregate functions: ${x.name} is an aggregate function.`, { position: x.span });
      }
    });
    analyzeOver(g, input, ctx.registry);
    const sig = exprSignature(g);
    if (groupSigs.includes(sig)) {
      throw new SqlError('INVALID_STATEMENT', `Duplicate GROUP BY expression: ${formatExpression(g)}`, { position: g.span });
    }
    groupSigs.push(sig);
  }

  const items = expandSelect(q.select, scope, input.schema.key.length + input.schema.value.length);
  const src = sourceOf(input);
  if (src && src.valueFormat.format === 'KAFKA') {
    throw new SqlError('INVALID_STATEMENT', `Source(s) ${src.sourceName} are using the 'KAFKA' value format. This format does not yet support GROUP BY.`, { position: q.span });
  }
  if (mode.sinkName !== undefined) checkReservedNames(items);

  // Key names: from the first SELECT item that is the grouping expression.
  const keyNames = groupBy.map((g, i) => {
    const item = items.find((it) => exprSignature(it.expr) === groupSigs[i]);
    if (item) return item.name;
    return g.kind === 'ColumnRef' ? g.name : `KSQL_GROUP_${i}`;
  });

  // Collect aggregate calls.
  const calls: AggregateCall[] = [];
  const callSigs: string[] = [];
  const valueCols: Column[] = [];
  const collect = (call: FunctionCall): string => {
    const sig = exprSignature(call);
    const known = callSigs.indexOf(sig);
    if (known >= 0) return aggVar(known);
    for (const a of call.args) {
      if (containsAggregate(a, ctx)) {
        throw new SqlError('INVALID_STATEMENT', `Aggregate functions can not be nested: ${formatExpression(call)}`, { position: call.span });
      }
    }
    const fn = ctx.registry.aggregate(call.name)!;
    const { colArgs, argTypes, literals, overload, returnType } =
      resolveAggregateCall(fn, call, (a) => analyzeOver(a, input, ctx.registry).type);
    checkCreatable(call, () => overload.create(argTypes, literals, { properties: ctx.properties }), argTypes);
    const typedArgs = colArgs.map((a) => analyzeOver(a, input, ctx.registry));
    calls.push({ name: fn.name.toUpperCase(), args: colArgs, typedArgs, literals, star: call.star === true });
    callSigs.push(sig);
    valueCols.push({ name: aggVar(calls.length - 1), type: returnType, namespace: 'VALUE' });
    return aggVar(calls.length - 1);
  };

  const keySet = new Set(keyNames);
  const rewrite = (e: Expr): Expr => mapExpr(e, (x) => {
    const gi = groupSigs.indexOf(exprSignature(x));
    if (gi >= 0) return colRef(keyNames[gi], x.span);
    if (x.kind === 'FunctionCall' && ctx.registry.isAggregate(x.name)) return colRef(collect(x), x.span);
    // PREDICT(m, ...): `m` names a model, not a column; as a string it is the same call and is
    // not taken for a column missing from GROUP BY.
    const first = x.kind === 'FunctionCall' ? x.args[0] : undefined;
    if (x.kind === 'FunctionCall' && first?.kind === 'ColumnRef' && first.qualifier === undefined && ctx.registry.scalar(x.name)?.model) {
      const name: Expr = { kind: 'StringLit', value: first.name, span: first.span };
      return { ...x, args: [name, ...x.args.slice(1).map(rewrite)] };
    }
    return undefined;
  });

  const rewritten = items.map((it) => ({ ...it, expr: rewrite(it.expr) }));
  const having = q.having ? rewrite(q.having) : undefined;
  if (calls.length === 0) {
    throw new SqlError('INVALID_STATEMENT', 'GROUP BY requires aggregate functions in either the SELECT or HAVING clause.', { position: q.span });
  }

  // Anything left that refers to a source column is not part of GROUP BY.
  const allowed = (name: string): boolean => keySet.has(name) || name.startsWith('KSQL_AGG_VARIABLE_') ||
    (isWindowBound(name) && q.window !== undefined && !joinUnder(input));
  const bad = rewritten.filter((it) => {
    let ok = true;
    visitExpr(it.expr, (x) => { if (x.kind === 'ColumnRef' && !allowed(x.name)) ok = false; });
    return !ok;
  });
  if (bad.length > 0) {
    const orig = bad.map((b) => formatExpression(items[rewritten.indexOf(b)].expr));
    throw new SqlError('INVALID_STATEMENT', `Non-aggregate SELECT expression(s) not part of GROUP BY: ${orig.join(', ')}`, { position: bad[0].span });
  }
  if (having) {
    visitExpr(having, (x) => {
      if (x.kind === 'ColumnRef' && !allowed(x.name)) {
        throw new SqlError('INVALID_STATEMENT', `Non-aggregate HAVING expression not part of GROUP BY: ${formatExpression(q.having!)}`, { position: x.span });
      }
    });
  }

  if (input.output === 'TABLE') {
    // A table's updates retract old rows: every aggregate must be able to undo.
    const noUndo = calls.filter((c) => {
      const fn = ctx.registry.aggregate(c.name)!;
      const types = c.typedArgs.map((a) => a.type);
      const agg = resolveAggregate(fn, types, c.literals).overload.create(types, c.literals, { properties: ctx.properties });
      return agg.remove === undefined;
    }).map((c) => c.name);
    if (noUndo.length > 0) {
      const names = [...new Set(noUndo)].sort();
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      throw new SqlError('INVALID_STATEMENT', `The aggregation function${names.length > 1 ? 's' : ''} ${list} cannot be applied to a table source, only to a stream source.`, { position: q.span });
    }
  }
  const typedGroupBy = groupBy.map((g) => analyzeOver(g, input, ctx.registry));
  const keyCols: Column[] = groupBy.map((g, i) => ({ name: keyNames[i], type: typedGroupBy[i].type, namespace: 'KEY' }));
  const window = q.window
    ? { type: q.window.kind, sizeMs: q.window.kind === 'SESSION' ? 0 : q.window.sizeMs }
    : undefined;
  if (q.window && input.window) {
    throw new SqlError('INVALID_STATEMENT', 'Cannot apply a WINDOW to a source that is already windowed.', { position: q.window.span });
  }
  const agg: AggregateStep = {
    kind: 'aggregate', input, groupBy, typedGroupBy, aggregates: calls, windowSpec: q.window,
    schema: { key: keyCols, value: valueCols }, output: 'TABLE', window, alias: input.alias,
  };
  let step: Step = agg;
  if (having) step = planFilter(step, having, ctx, 'HAVING');
  const select: SelectItem[] = rewritten.map((it) => ({ kind: 'SingleColumn', expr: it.expr, alias: it.name, span: it.span }));
  return planProjection(step, select, ctx, mode, {
    keyMatchers: keyCols.map(() => []), what: 'grouping expression',
    display: groupBy.map((g) => formatExpression(g)), keyOrder: 'input', namesChecked: true,
  });
}

const isWindowBound = (n: string): boolean => n === 'WINDOWSTART' || n === 'WINDOWEND';

function sourceOf(s: Step): (Step & { kind: 'source' }) | undefined {
  while (s.kind !== 'source') {
    if (s.kind === 'join') return undefined;
    s = s.input;
  }
  return s;
}

/**
 * Creates the aggregator once while planning, so arguments it cannot take (a bare NULL has no
 * type to compare or sum by) fail the statement here, before anything is created or registered.
 */
function checkCreatable(call: FunctionCall, create: () => unknown, argTypes: SqlType[]): void {
  try {
    create();
  } catch (e) {
    if (e instanceof SqlError) throw e;
    const at = argTypes.findIndex((t) => t.kind === 'NULL');
    if (at >= 0) {
      throw new SqlError('FUNCTION_ARGS',
        `Function '${call.name}' cannot take a NULL argument without a type: CAST it, e.g. CAST(NULL AS INTEGER).`,
        { position: call.args[at].span });
    }
    throw new SqlError('FUNCTION_ARGS', `Function '${call.name}' cannot take these arguments: ${(e as Error).message}`, { position: call.span });
  }
}
