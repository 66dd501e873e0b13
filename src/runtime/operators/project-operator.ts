// SELECT expressions and PARTITION BY: computes the output key and value columns of each row.
// A failing expression gives NULL for its column and a processing-log entry (as ksqlDB).
import type { ProjectStep } from '../../plan/physical-plan.js';
import { type Emit, type Row, DELETE } from '../emit.js';
import type { OperatorContext } from '../operator-context.js';
import { logFailure } from '../operator-context.js';
import { compileOver, type Compiled } from '../compile-step-expr.js';
import { rowLayout } from '../row-layout.js';

export function projectOperator(step: ProjectStep, ctx: OperatorContext, next: Emit): Emit {
  const exprs: Compiled[] = [...step.key, ...step.value].map((it) => compileOver(it.expr, step.input, ctx.registry));
  const keyCount = step.key.length;
  const n = exprs.length;
  const inLay = rowLayout(step.input.schema);
  const outLay = rowLayout(step.schema);

  const project = (row: Row, keyOnly: boolean): Row => {
    const out = new Array(outLay.width);
    const limit = keyOnly ? keyCount : n;
    try {
      for (let i = 0; i < limit; i++) out[i] = exprs[i](row);
    } catch {
      for (let i = 0; i < limit; i++) {
        try { out[i] = exprs[i](row); } catch (e) { out[i] = null; logFailure(ctx, 'EVALUATION', e); }
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

  return (row, ts, op, old) => {
    next(project(row, op === DELETE), ts, op, old === null ? null : project(old, false));
  };
}
