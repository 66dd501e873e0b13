// The aggregate calls of one GROUP BY, compiled: per call its argument closures and aggregator.
import type { AggregateStep } from '../../plan/physical-plan.js';
import type { Aggregator } from '../../../udfs/types.js';
import type { OperatorContext } from '../operator-context.js';
import { compileOver, type Compiled } from '../compile-step-expr.js';
import { resolveAggregate } from '../../plan/aggregate-resolve.js';
import { analyzeExpression } from '../../plan/expr/analyze.js';
import { stepScope } from '../../plan/step-scope.js';
import type { Row } from '../emit.js';
import { SqlError } from '../../types/sql-error.js';

export interface AggregatorSet {
  aggs: Aggregator[];
  args: Compiled[][];
  initial(): unknown[];
  /** Folds a row in (sign 1) or retracts it (sign -1); accumulators are replaced in place. */
  apply(accs: unknown[], row: Row, sign: 1 | -1): void;
  merge(a: unknown[], b: unknown[]): unknown[];
  results(accs: unknown[], out: Row, from: number): void;
}

export function aggregatorSet(step: AggregateStep, ctx: OperatorContext): AggregatorSet {
  const scope = stepScope(step.input);
  const aggs: Aggregator[] = [];
  const args: Compiled[][] = [];
  for (const call of step.aggregates) {
    const fn = ctx.registry.aggregate(call.name);
    if (!fn) throw new SqlError('UNKNOWN_FUNCTION', `Unknown aggregate function ${call.name}`);
    const types = call.args.map((a) => analyzeExpression(a, scope, ctx.registry).type);
    const { overload } = resolveAggregate(fn, types, call.literals.length);
    aggs.push(overload.create(types, call.literals, { properties: ctx.properties }));
    args.push(call.args.map((a) => compileOver(a, step.input, ctx.registry)));
  }
  const n = aggs.length;
  const scratch: unknown[][] = args.map((a) => new Array(a.length));
  return {
    aggs, args,
    initial: () => aggs.map((a) => a.initial()),
    apply(accs, row, sign) {
      for (let i = 0; i < n; i++) {
        const fa = args[i];
        const vals = scratch[i];
        for (let j = 0; j < fa.length; j++) vals[j] = fa[j](row);
        const agg = aggs[i];
        if (sign === 1) accs[i] = agg.add(accs[i], vals);
        else if (agg.remove) accs[i] = agg.remove(accs[i], vals);
      }
    },
    merge(a, b) {
      return aggs.map((agg, i) => (agg.merge ? agg.merge(a[i], b[i]) : a[i]));
    },
    results(accs, out, from) {
      for (let i = 0; i < n; i++) out[from + i] = aggs[i].result(accs[i]);
    },
  };
}
