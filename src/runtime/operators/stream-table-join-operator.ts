// Stream-table join (Kafka Streams' KStream-KTable join): the table side only updates its rows by
// key; each stream row looks the table up and emits at the stream row's time. A LEFT join emits
// unmatched rows (and rows whose join key is NULL) with NULL table columns.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { JoinRows } from './join-rows.js';
import type { JoinOperator } from './join-operator.js';
import { type Emit, type Row, DELETE, UPSERT } from '../emit.js';

export function streamTableJoin(step: JoinStep, rows: JoinRows, next: Emit, table: Map<unknown, Row>): JoinOperator {
  const leftJoin = step.joinType === 'LEFT';
  return {
    left: (row, ts, op) => {
      if (op === DELETE) return; // a stream record without a value joins nothing
      const key = rows.leftKey(row);
      const match = key === null ? undefined : table.get(key.sig);
      if (match === undefined && !leftJoin) return;
      next(rows.build(key, row, match ?? null, ts), ts, UPSERT, null);
    },
    right: (row, _ts, op, old) => {
      const key = rows.rightKey(op === DELETE && old !== null ? old : row);
      if (key === null) return;
      if (op === DELETE) table.delete(key.sig);
      else table.set(key.sig, row);
    },
  };
}
