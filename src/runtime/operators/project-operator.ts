// SELECT expressions and PARTITION BY: computes the output key and value columns of each row.
// A failing expression gives NULL for its column and a processing-log entry (as ksqlDB).
import type { ProjectStep, StepBase } from '../../plan/physical-plan.js';
import { childrenOf, type TColumn, type TypedExpr } from '../../plan/expr/typed-expr.js';
import { type Emit, type Row, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { compileTyped, type Compiled } from '../compile-step-expr.js';
import { rowLayout } from '../../plan/row-layout.js';
import { BatchCollector } from '../expr/batched-calls.js';
import { batchedEmit, type BatchSupport } from './batched-operator.js';
import { ReusedRow } from '../reused-row.js';

/** `reuseRow`: `next` is done with each row when it returns, so a stream's rows fill one array. */
export function projectOperator(step: ProjectStep, ctx: OperatorContext, next: Emit, batching?: BatchSupport, reuseRow = false): Emit {
  const collector = batching ? new BatchCollector() : undefined;
  const exprs: Compiled[] = [...step.key, ...step.value].map((it) => compileTyped(it.typed, ctx, collector));
  const op = projectEmit(step, ctx, next, exprs, reuseRow && step.output === 'STREAM' && !step.tableFunctions);
  return collector && batching ? batchedEmit(op, collector, ctx, batching) : op;
}

function projectEmit(step: ProjectStep, ctx: OperatorContext, next: Emit, exprs: Compiled[], reuseRow: boolean): Emit {
  const keyCount = step.key.length;
  const n = exprs.length;
  const inLay = rowLayout(step.input.schema);
  const outLay = rowLayout(step.schema);

  // PARTITION BY over a record without a value: as ksqlDB, a key expression that reads value
  // columns gives NULL (not its value over NULL columns: `NAME IS NULL` is no key for it). The
  // pseudo-columns count as value columns: ksqlDB carries them in the value, so ROWTIME is NULL too.
  const keyNeedsValue = step.rekey ? step.key.map((it) => readsValueColumn(it.typed, step.input)) : [];
  const keyOnlyExprs: Compiled[] = exprs.slice(0, keyCount).map((f, i) => (keyNeedsValue[i] ? () => null : f));

  // A projection of columns only (a model's features, SELECT *) copies them by position: no
  // call per column.
  const all = [...step.key, ...step.value].map((it) => it.typed);
  const picks = all.every((t): t is TColumn => t.kind === 'Column') ? Int32Array.from(all, (t) => t.index) : undefined;

  // Every slot of `out` is written below, so a reused one keeps nothing of the last row.
  const shared = reuseRow ? new ReusedRow(outLay.width) : undefined;
  const project = (row: Row, keyOnly: boolean, fresh = false): Row => {
    const out = shared === undefined || fresh ? new Array(outLay.width) : shared.next();
    const limit = keyOnly ? keyCount : n;
    const fs = keyOnly ? keyOnlyExprs : exprs;
    try {
      if (picks !== undefined && !keyOnly) for (let i = 0; i < limit; i++) out[i] = row[picks[i]];
      else for (let i = 0; i < limit; i++) out[i] = fs[i](row);
    } catch {
      for (let i = 0; i < limit; i++) {
        try { out[i] = fs[i](row); } catch (e) { out[i] = null; logFailure(ctx, 'EVALUATION', e); }
      }
    }
    for (let i = limit; i < n; i++) out[i] = null;
    out[outLay.rowtime] = row[inLay.rowtime];
    out[outLay.rowpartition] = row[inLay.rowpartition];
    out[outLay.rowoffset] = row[inLay.rowoffset];
    out[outLay.windowstart] = row[inLay.windowstart];
    out[outLay.windowend] = row[inLay.windowend];
    return out;
  };

  if (step.tableFunctions) return flatten(step.tableFunctions, keyCount, n, project, next);

  // Every column picked in place (SELECT *, a model's features in their order): the row goes on
  // as it is, when what receives it lets go of it (reuseRow), as it would of this step's copy.
  // A DELETE still gets its value columns cleared, in a copy.
  const identity = reuseRow && picks !== undefined && !step.rekey && keyCount === inLay.keyCount
    && n === inLay.keyCount + inLay.valueCount && outLay.width === inLay.width && picks.every((p, i) => p === i);
  if (identity) {
    return (row, ts, op, old) => {
      next(op === DELETE ? project(row, true) : row, ts, op, old === null ? null : project(old, false, true));
    };
  }

  return (row, ts, op, old) => {
    next(project(row, op === DELETE), ts, op, old === null ? null : project(old, false, true));
  };
}

/**
 * Table functions: the last `count` columns hold each call's list of values; one row goes out
 * per value, the calls side by side (a shorter or NULL list gives NULL). A record without a
 * value, or whose lists are all empty, gives no row.
 */
function flatten(count: number, keyCount: number, n: number, project: (row: Row, keyOnly: boolean) => Row, next: Emit): Emit {
  const first = n - count;
  return (row, ts, op) => {
    if (op === DELETE) return;
    const base = project(row, false);
    let rows = 0;
    for (let j = first; j < n; j++) {
      const list = base[j];
      if (Array.isArray(list) && list.length > rows) rows = list.length;
    }
    const lists = base.slice(first, n) as (unknown[] | null)[];
    for (let i = 0; i < rows; i++) {
      const out = i === rows - 1 ? base : base.slice();
      for (let j = 0; j < count; j++) {
        const list = lists[j];
        out[first + j] = Array.isArray(list) && i < list.length ? list[i] : null;
      }
      next(out, ts, op, null);
    }
  };
}

/** Whether `t` reads a value column (or pseudo-column) of `input`: a position past its key columns. */
function readsValueColumn(t: TypedExpr, input: StepBase): boolean {
  const keys = input.schema.key.length;
  const reads = (x: TypedExpr): boolean => (x.kind === 'Column' && x.index >= keys) || childrenOf(x).some(reads);
  return reads(t);
}
