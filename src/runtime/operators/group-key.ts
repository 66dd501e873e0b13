// Evaluates GROUP BY expressions of a row into key values; null when any is NULL or fails
// (ksqlDB drops such rows from the aggregation).
import type { AggregateStep } from '../../plan/physical-plan.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { compileTyped } from '../compile-step-expr.js';
import type { Row } from '../emit.js';

/** A row's group key, or null when it has none. */
export type GroupKeyFn = (row: Row) => unknown[] | null;

export function groupKeyFn(step: AggregateStep, ctx: OperatorContext): GroupKeyFn {
  const fns = step.typedGroupBy.map((g) => compileTyped(g, ctx));
  return (row) => {
    const key = new Array(fns.length);
    try {
      for (let i = 0; i < fns.length; i++) {
        const v = fns[i](row);
        if (v === null || v === undefined) return null;
        key[i] = v;
      }
    } catch (e) {
      logFailure(ctx, 'EVALUATION', e);
      return null;
    }
    return key;
  };
}
