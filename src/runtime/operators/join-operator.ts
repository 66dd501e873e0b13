// A join's operator: one Emit per input, picked by what the inputs are (stream-stream within a
// window, stream-table lookup, table-table on the key or on a foreign key). Its state goes into
// `stores`.
import type { JoinStep } from '../../plan/physical-plan.js';
import type { OperatorContext } from '../operator-context.js';
import type { Emit, Row } from '../emit.js';
import { joinRows } from './join-rows.js';
import { streamTableJoin } from './stream-table-join-operator.js';
import { tableTableJoin, type TableJoinState } from './table-table-join-operator.js';
import { streamStreamJoin, streamJoinState } from './stream-stream-join-operator.js';
import { fkJoin, type FkJoinState } from './fk-join-operator.js';

export interface JoinOperator { left: Emit; right: Emit }

export function joinOperator(step: JoinStep, ctx: OperatorContext, next: Emit, stores: Map<string, unknown>, path: string): JoinOperator {
  const rows = joinRows(step, ctx);
  if (step.left.output === 'STREAM' && step.right.output === 'STREAM') {
    const state = streamJoinState(step);
    stores.set(path, state);
    return streamStreamJoin(step, rows, next, state);
  }
  if (step.left.output === 'STREAM') {
    const table = new Map<unknown, Row>();
    stores.set(path, table);
    return streamTableJoin(step, rows, next, table);
  }
  if (step.foreignKey) {
    const fk: FkJoinState = { left: new Map(), right: new Map(), subscribers: new Map() };
    stores.set(path, fk);
    return fkJoin(step, rows, next, fk);
  }
  const state: TableJoinState = { left: new Map(), right: new Map() };
  stores.set(path, state);
  return tableTableJoin(step, rows, next, state);
}
