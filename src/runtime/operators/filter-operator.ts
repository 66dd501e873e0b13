// WHERE and HAVING. On a table, a row that stops matching becomes a delete of its key.
import type { FilterStep } from '../../plan/physical-plan.js';
import { type Emit, type Row, UPSERT, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { compileTyped, type Compiled } from '../compile-step-expr.js';
import { BatchCollector } from '../expr/batched-calls.js';
import { batchedEmit, type BatchSupport } from './batched-operator.js';

export function filterOperator(step: FilterStep, ctx: OperatorContext, next: Emit, batching?: BatchSupport): Emit {
  const collector = batching ? new BatchCollector() : undefined;
  const op = filterEmit(step, ctx, next, compileTyped(step.typedPredicate, ctx, collector));
  return collector && batching ? batchedEmit(op, collector, ctx, batching) : op;
}

function filterEmit(step: FilterStep, ctx: OperatorContext, next: Emit, pred: Compiled): Emit {
  const test = (row: Row): boolean => {
    try {
      return pred(row) === true;
    } catch (e) {
      logFailure(ctx, 'EVALUATION', e);
      return false;
    }
  };
  if (step.output === 'STREAM') {
    return (row, ts, op, old) => { if (op === UPSERT && test(row)) next(row, ts, op, old); };
  }
  return (row, ts, op, old) => {
    const oldPassed = old !== null && test(old);
    if (op === UPSERT && test(row)) { next(row, ts, UPSERT, oldPassed ? old : null); return; }
    // Deleted, or no longer matching: retract the row if downstream saw it.
    if (oldPassed) next(row, ts, DELETE, old);
  };
}
