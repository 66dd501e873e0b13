// Table-table join on the primary key (Kafka Streams' KTable-KTable joins). Both sides keep their
// rows by join key; a change on one side re-joins it with the other side's current row and emits
// the new result with the previous one (a DELETE when the key no longer joins), at the later of
// the two rows' times. An outer side keeps its rows without a match; RIGHT mirrors LEFT.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { JoinKey, JoinRows } from './join-rows.js';
import type { JoinOperator } from './join-operator.js';
import { type Emit, type Row, DELETE, UPSERT } from '../emit.js';

export interface TableJoinState { left: Map<unknown, { row: Row; ts: number }>; right: Map<unknown, { row: Row; ts: number }> }

export function tableTableJoin(step: JoinStep, rows: JoinRows, next: Emit, state: TableJoinState): JoinOperator {
  const outerLeft = step.joinType === 'LEFT' || step.joinType === 'FULL';
  const outerRight = step.joinType === 'RIGHT' || step.joinType === 'FULL';

  const side = (isLeft: boolean, keyOf: (r: Row) => JoinKey | null): Emit => {
    const mine = isLeft ? state.left : state.right;
    const other = isLeft ? state.right : state.left;
    const thisOuter = isLeft ? outerLeft : outerRight;
    const otherOuter = isLeft ? outerRight : outerLeft;
    const join = (k: JoinKey, r: Row | null, o: Row | null, ts: number): Row =>
      isLeft ? rows.build(k, r, o, ts) : rows.build(k, o, r, ts);

    const change = (key: JoinKey, row: Row | null, ts: number): void => {
      const prev = mine.get(key.sig)?.row ?? null;
      if (row === null) mine.delete(key.sig);
      else mine.set(key.sig, { row, ts });
      const o = other.get(key.sig);
      const otherRow = o?.row ?? null;
      const outTs = o ? Math.max(ts, o.ts) : ts;
      const result = (r: Row | null): Row | null =>
        (r !== null && (otherRow !== null || thisOuter)) || (otherRow !== null && otherOuter) ? join(key, r, otherRow, outTs) : null;
      const now = result(row);
      const before = result(prev);
      if (now !== null) next(now, outTs, UPSERT, before);
      else if (before !== null) next(rows.deleted(key, outTs), outTs, DELETE, before);
    };

    return (row, ts, op, old) => {
      // A DELETE row carries only key columns; its old row still has the join expression's inputs.
      const oldKey = old === null ? null : keyOf(old);
      const newKey = op === DELETE ? null : keyOf(row);
      if (op === DELETE && oldKey === null) {
        const k = keyOf(row);
        if (k !== null) change(k, null, ts);
        return;
      }
      if (oldKey !== null && (newKey === null || oldKey.sig !== newKey.sig)) change(oldKey, null, ts);
      if (newKey !== null) change(newKey, row, ts);
    };
  };

  return { left: side(true, rows.leftKey), right: side(false, rows.rightKey) };
}
