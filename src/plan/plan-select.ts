// Plans a SELECT into physical steps: source → [filter] → [partition by | aggregate → having]
// → projection. Key rules follow ksqlDB: persistent queries must project every key column once.
import type { Expr, Query, Relation } from '../../grammar/ast.js';
import type { Step, SourceStep, FilterStep } from './physical-plan.js';
import type { PlanContext, PlanMode } from './plan-context.js';
import { stepScope } from './step-scope.js';
import { analyzeOver } from './analyze-over.js';
import { formatExpression } from '../../grammar/index.js';
import { SqlError } from '../types/sql-error.js';
import { formatType } from '../types/sql-type.js';
import { containsAggregate, planAggregation } from './plan-aggregate.js';
import { planPartitionBy } from './plan-partition-by.js';
import { joinSelectAsNames } from './partition-join-refs.js';
import { timestampLiteralsAsMillis } from './timestamp-literals.js';
import { planProjection } from './plan-projection.js';
import { planJoin } from './plan-join.js';
import { planTableFunctions, selectHasTableFunction } from './plan-table-functions.js';

export function planSelect(q: Query, ctx: PlanContext, mode: PlanMode): Step {
  let step = planFrom(q.from, ctx);
  if (q.where) step = planFilter(step, q.where, ctx, 'WHERE');
  const aggregating = (q.groupBy?.length ?? 0) > 0 || q.window !== undefined ||
    q.select.some((s) => s.kind === 'SingleColumn' && containsAggregate(s.expr, ctx)) ||
    (q.having !== undefined);
  const tableFunctions = selectHasTableFunction(q.select, ctx);
  if (aggregating) {
    if (tableFunctions) throw new SqlError('INVALID_STATEMENT', 'Table functions cannot be used with aggregations.');
    return planAggregation(step, q, ctx, mode);
  }
  let keyMatchers = step.schema.key.map((): string[] => []);
  let what = 'key column';
  let select = q.select;
  if (q.partitionBy) {
    const p = planPartitionBy(step, q.partitionBy, ctx);
    if (step.qualifiers) select = joinSelectAsNames(select, step);
    step = p.step;
    keyMatchers = p.keyMatchers;
    what = 'partitioning expression';
  }
  if (tableFunctions) ({ step, select } = planTableFunctions(step, select, ctx));
  return planProjection(step, select, ctx, mode, { keyMatchers, what });
}

export function planFrom(rel: Relation, ctx: PlanContext): Step {
  if (rel.kind === 'Join') return planJoin(rel, ctx);
  const def = ctx.catalog.require(rel.name, rel.span);
  const step: SourceStep = {
    kind: 'source', sourceName: def.name, alias: rel.alias ?? def.name, topic: def.topic,
    keyFormat: def.keyFormat, valueFormat: def.valueFormat,
    timestampColumn: def.timestampColumn, timestampFormat: def.timestampFormat,
    schema: def.schema, output: def.type, window: def.window,
  };
  return step;
}

export function planFilter(input: Step, where: Expr, ctx: PlanContext, clause: 'WHERE' | 'HAVING'): FilterStep {
  const predicate = clause === 'WHERE' ? timestampLiteralsAsMillis(where) : where;
  const typedPredicate = analyzeOver(predicate, input, ctx.registry);
  const t = typedPredicate.type;
  if (t.kind !== 'BOOLEAN' && t.kind !== 'NULL') {
    throw new SqlError('TYPE_ERROR',
      `Type error in ${clause} expression: Should evaluate to boolean but is ${formatExpression(predicate)} (${formatType(t)}) instead.`,
      { position: predicate.span });
  }
  return { kind: 'filter', input, predicate, typedPredicate, schema: input.schema, output: input.output, window: input.window, alias: input.alias, qualifiers: input.qualifiers };
}
