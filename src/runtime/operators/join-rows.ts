// What every join operator needs: each input row's join key (with its window, for windowed
// sources, since a windowed key includes its window) and the output rows it builds.
import type { JoinStep, Step } from '../../plan/physical-plan.js';
import type { OperatorContext } from '../operator-context.js';
import type { Row } from '../emit.js';
import { logFailure } from '../operator-context.js';
import { compileTyped } from '../compile-step-expr.js';
import type { TypedExpr } from '../../plan/expr/typed-expr.js';
import { rowLayout } from '../../plan/row-layout.js';
import { keySignature } from '../key-signature.js';

export interface JoinKey {
  value: unknown;
  /** Map key for the value and window. */
  sig: unknown;
  windowStart: unknown;
  windowEnd: unknown;
}

export interface JoinRows {
  /** The join key of a row of the left / right input; null when it is NULL or fails. */
  leftKey(row: Row): JoinKey | null;
  rightKey(row: Row): JoinKey | null;
  /** The output row for a key and the rows joined (null for a side without a match). */
  build(key: JoinKey | null, left: Row | null, right: Row | null, ts: number): Row;
  /** A DELETE row for a key: key set, values NULL. */
  deleted(key: JoinKey, ts: number): Row;
  /** The same with the key columns given (a foreign-key join's output keys). */
  buildKeyed(keys: unknown[], left: Row | null, right: Row | null, ts: number): Row;
  deletedKeyed(keys: unknown[], ts: number): Row;
}

export function joinRows(step: JoinStep, ctx: OperatorContext): JoinRows {
  const out = rowLayout(step.schema);
  const { leftColumns, rightColumns } = step;
  const nl = leftColumns.length;
  const keyFn = (input: Step, expr: TypedExpr): ((row: Row) => JoinKey | null) => {
    const f = compileTyped(expr, ctx);
    const lay = rowLayout(input.schema);
    const windowed = input.window !== undefined;
    return (row) => {
      let value: unknown;
      try {
        value = f(row);
      } catch (e) {
        logFailure(ctx, 'EVALUATION', e);
        return null;
      }
      if (value === null || value === undefined) return null;
      if (!windowed) return { value, sig: keySignature([value], 0, 1), windowStart: null, windowEnd: null };
      const ws = row[lay.windowstart];
      const we = row[lay.windowend];
      return { value, sig: keySignature([value, ws, we], 0, 3), windowStart: ws, windowEnd: we };
    };
  };

  const k = step.schema.key.length;
  const fill = (keys: unknown[], window: JoinKey | null, ts: number): Row => {
    const r: Row = new Array(out.width);
    for (let i = 0; i < k; i++) r[i] = keys[i];
    r[out.rowtime] = ts;
    r[out.rowpartition] = null;
    r[out.rowoffset] = null;
    r[out.windowstart] = window === null ? null : window.windowStart;
    r[out.windowend] = window === null ? null : window.windowEnd;
    return r;
  };
  const values = (r: Row, left: Row | null, right: Row | null): Row => {
    for (let i = 0; i < nl; i++) r[k + i] = left === null ? null : left[leftColumns[i]];
    for (let i = 0; i < rightColumns.length; i++) r[k + nl + i] = right === null ? null : right[rightColumns[i]];
    return r;
  };
  const nulls = (r: Row): Row => values(r, null, null);

  return {
    leftKey: keyFn(step.left, step.typedLeftKey),
    rightKey: keyFn(step.right, step.typedRightKey),
    build: (key, left, right, ts) => values(fill([key === null ? null : key.value], key, ts), left, right),
    deleted: (key, ts) => nulls(fill([key.value], key, ts)),
    buildKeyed: (keys, left, right, ts) => values(fill(keys, null, ts), left, right),
    deletedKeyed: (keys, ts) => nulls(fill(keys, null, ts)),
  };
}
