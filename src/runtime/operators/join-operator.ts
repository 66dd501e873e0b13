// A join's operator: one Emit per input, picked by what the inputs are (stream-stream within a
// window, stream-table lookup, table-table on the key or on a foreign key). Its state lives in
// state stores named after `name`. (A durable foreign-key join of a newer plan is wired across
// tasks by build-operators.ts instead: fk-join-tasks.ts.)
import type { JoinStep } from '../../plan/physical-plan.js';
import type { OperatorContext } from '../operator-context.js';
import type { Emit, Row } from '../emit.js';
import type { StateStores } from '../state/state-stores.js';
import { joinRows } from './join-rows.js';
import { streamTableJoin } from './stream-table-join-operator.js';
import { tableTableJoin, type TableJoinState } from './table-table-join-operator.js';
import { streamStreamJoin, streamJoinState } from './stream-stream-join-operator.js';
import { fkJoin, type FkJoinState } from './fk-join-operator.js';

export interface JoinOperator { left: Emit; right: Emit }

export function joinOperator(step: JoinStep, ctx: OperatorContext, next: Emit, stores: StateStores, name: string): JoinOperator {
  const rows = joinRows(step, ctx);
  if (step.left.output === 'STREAM' && step.right.output === 'STREAM') {
    const state = streamJoinState(step, stores, name);
    return streamStreamJoin(step, rows, next, state);
  }
  if (step.left.output === 'STREAM') {
    const table = stores.map<Row>(`${name}-table`);
    return streamTableJoin(step, rows, next, table);
  }
  if (step.foreignKey) {
    const fk: FkJoinState = { left: stores.map(`${name}-left`), right: stores.map(`${name}-right`), subscribers: stores.map(`${name}-subscribers`) };
    return fkJoin(step, rows, next, fk);
  }
  const state: TableJoinState = { left: stores.map(`${name}-left`), right: stores.map(`${name}-right`) };
  return tableTableJoin(step, rows, next, state);
}
