// The foreign-key join's protocol between tasks (runtime/operators/fk-join-tasks.ts), driven by
// hand so that messages arrive in the orders a broker may deliver them: an answer to a left row's
// older version must not be joined with its newer row.
import { describe, it, expect } from 'vitest';
import { fkJoinAcrossTasks, type FkResponse, type FkSubscription, type FkTaskState } from '../../src/runtime/operators/fk-join-tasks.js';
import type { JoinRows } from '../../src/runtime/operators/join-rows.js';
import type { JoinStep } from '../../src/plan/physical-plan.js';
import { DELETE, UPSERT, type Row } from '../../src/runtime/emit.js';

// Left rows [id, customer]; right rows [id, name]; output rows [id, customer, name].
const rows = {
  leftKey: (r: Row) => (r[1] === null ? null : { value: r[1], sig: r[1], windowStart: null, windowEnd: null }),
  rightKey: (r: Row) => ({ value: r[0], sig: r[0], windowStart: null, windowEnd: null }),
  buildKeyed: (keys: unknown[], l: Row | null, r: Row | null) => [keys[0], l?.[1] ?? null, r?.[1] ?? null],
  deletedKeyed: (keys: unknown[]) => [keys[0], null, null],
} as unknown as JoinRows;

function harness(joinType: 'INNER' | 'LEFT') {
  const step = { joinType, schema: { key: [{ name: 'ID' }], value: [] } } as unknown as JoinStep;
  const state: FkTaskState = { left: new Map(), right: new Map(), subscribers: new Map() };
  const subscriptions: FkSubscription[] = [];
  const responses: FkResponse[] = [];
  const out: [Row, number][] = [];
  let offset = 0;
  const join = fkJoinAcrossTasks(step, rows, (row, _ts, op) => { out.push([row, op]); }, state,
    { subscribe: (m) => subscriptions.push(m), respond: (m) => responses.push(m) }, () => offset++);
  return { join, subscriptions, responses, out };
}

describe('foreign-key join protocol', () => {
  it('drops the answer to a left row\'s older version, and joins the newer one', () => {
    const { join, subscriptions, responses, out } = harness('INNER');
    join.right([1, 'ann'], 0, UPSERT, null);
    join.right([2, 'bob'], 0, UPSERT, null);
    join.left([7, 1], 1, UPSERT, null); // order 7 names customer 1 ...
    join.subscription(subscriptions.shift()!, 1); // ... whose answer is on its way back,
    join.left([7, 2], 2, UPSERT, null); // ... when order 7 moves to customer 2
    expect(subscriptions.map((s) => [s.f, s.on])).toEqual([[1, false], [2, true]]);
    for (const s of subscriptions.splice(0)) join.subscription(s, 2);
    expect(responses.map((r) => r.r?.[1])).toEqual(['ann', 'bob']);
    for (const r of responses.splice(0)) join.response(r, 2);
    expect(out).toEqual([[[7, 2, 'bob'], UPSERT]]);
  });

  it('answers subscribers when their right row changes or goes; INNER retracts, LEFT keeps the left row', () => {
    for (const type of ['INNER', 'LEFT'] as const) {
      const { join, subscriptions, responses, out } = harness(type);
      join.left([7, 1], 1, UPSERT, null);
      join.subscription(subscriptions.shift()!, 1);
      // INNER asks only for an existing customer; LEFT is answered with none.
      expect(responses.map((r) => r.r)).toEqual(type === 'INNER' ? [] : [null]);
      for (const r of responses.splice(0)) join.response(r, 1);
      join.right([1, 'ann'], 3, UPSERT, null);
      join.right([1, 'ann'], 4, DELETE, [1, 'ann']);
      for (const r of responses.splice(0)) join.response(r, 4);
      expect(out).toEqual(type === 'INNER'
        ? [[[7, 1, 'ann'], UPSERT], [[7, null, null], DELETE]]
        : [[[7, 1, null], UPSERT], [[7, 1, 'ann'], UPSERT], [[7, 1, null], UPSERT]]);
    }
  });

  it('a deleted left row unsubscribes and is retracted at once; answers still in flight are dropped', () => {
    const { join, subscriptions, responses, out } = harness('INNER');
    join.right([1, 'ann'], 0, UPSERT, null);
    join.left([7, 1], 1, UPSERT, null);
    join.subscription(subscriptions.shift()!, 1);
    join.left([7, 1], 2, DELETE, null);
    expect(subscriptions.map((s) => [s.f, s.on])).toEqual([[1, false]]);
    for (const r of responses.splice(0)) join.response(r, 2);
    expect(out).toEqual([[[7, null, null], DELETE]]);
  });
});
