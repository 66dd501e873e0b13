// The aggregate calls of one GROUP BY, compiled: per call its argument closures and aggregator.
// Each distinct argument expression is evaluated once per row, as ksqlDB's aggregate input
// step does. A row's failure is that row's alone: an argument that fails to evaluate is NULL
// for the aggregates using it (COUNT(*) still counts the row), and an aggregator that throws
// leaves its accumulator as it was; either way the row goes to the processing log.
import type { AggregateStep } from '../../plan/physical-plan.js';
import type { Aggregator } from '../../../udfs/types.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { compileTyped, type Compiled } from '../compile-step-expr.js';
import { resolveAggregate } from '../../plan/aggregate-resolve.js';
import { exprSignature } from '../../plan/expr-walk.js';
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
  const aggs: Aggregator[] = [];
  const args: Compiled[][] = [];
  const names: string[] = [];
  // The distinct argument expressions, and per call where its arguments are among them.
  const exprs: Compiled[] = [];
  const sigs: string[] = [];
  const argAt: number[][] = [];
  for (const call of step.aggregates) {
    const fn = ctx.registry.aggregate(call.name);
    if (!fn) throw new SqlError('UNKNOWN_FUNCTION', `Unknown aggregate function ${call.name}`);
    const types = call.typedArgs.map((a) => a.type);
    const { overload } = resolveAggregate(fn, types, call.literals);
    aggs.push(overload.create(types, call.literals, { properties: ctx.properties }));
    args.push(call.typedArgs.map((a) => compileTyped(a, ctx)));
    argAt.push(call.args.map((a, j) => {
      const sig = exprSignature(a);
      const at = sigs.indexOf(sig);
      if (at >= 0) return at;
      sigs.push(sig);
      exprs.push(args[args.length - 1][j]);
      return exprs.length - 1;
    }));
    names.push(call.name);
  }
  const n = aggs.length;
  const m = exprs.length;
  const values: unknown[] = new Array(m);
  const scratch: unknown[][] = args.map((a) => new Array(a.length));
  const failed = (i: number, what: string, e: unknown): void => {
    const reason = e instanceof Error ? e.message : String(e);
    logFailure(ctx, 'EVALUATION', new Error(`${names[i]} failed to ${what}: ${reason}`));
  };
  return {
    aggs, args,
    initial: () => aggs.map((a) => a.initial()),
    apply(accs, row, sign) {
      for (let j = 0; j < m; j++) {
        try {
          values[j] = exprs[j](row);
        } catch (e) {
          values[j] = null;
          logFailure(ctx, 'EVALUATION', e);
        }
      }
      for (let i = 0; i < n; i++) {
        const at = argAt[i];
        const vals = scratch[i];
        for (let j = 0; j < at.length; j++) vals[j] = values[at[j]];
        const agg = aggs[i];
        try {
          if (sign === 1) accs[i] = agg.add(accs[i], vals);
          else if (agg.remove) accs[i] = agg.remove(accs[i], vals);
        } catch (e) {
          failed(i, sign === 1 ? 'add a row' : 'remove a row', e);
        }
      }
    },
    merge(a, b) {
      return aggs.map((agg, i) => {
        if (!agg.merge) return a[i];
        try {
          return agg.merge(a[i], b[i]);
        } catch (e) {
          failed(i, 'merge sessions', e);
          return a[i];
        }
      });
    },
    results(accs, out, from) {
      for (let i = 0; i < n; i++) {
        try {
          out[from + i] = aggs[i].result(accs[i]);
        } catch (e) {
          out[from + i] = null;
          failed(i, 'compute its result', e);
        }
      }
    },
  };
}
