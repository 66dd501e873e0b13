// Plans a FROM clause with joins, as ksqlDB does: a left-deep tree (each JOIN adds its source on
// the right of everything joined before), each join checked (plan-join-validate) and keyed on its
// ON expressions. Records need not move between partitions in-process, so a join on a non-key
// expression just computes that expression; the output key is what ksqlDB's repartition gives.
import type { JoinRelation } from '../../grammar/ast.js';
import type { Step } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { joinSources } from './plan-join-sources.js';
import { joinCriteria } from './plan-join-criteria.js';
import { checkJoin } from './plan-join-validate.js';
import { NO_KEY, nextJoinKey, syntheticKeyName } from './plan-join-key.js';
import { joinStep } from './plan-join-step.js';
import { checkWithin } from './window-bounds.js';

export function planJoin(rel: JoinRelation, ctx: PlanContext): Step {
  const { leaves, clauses } = joinSources(rel, ctx);
  let tree: Step = leaves[0];
  let key = NO_KEY;
  for (const clause of clauses) {
    const right = leaves[clause.right];
    if (clause.within) checkWithin(clause.within);
    const crit = joinCriteria(clause, leaves, ctx);
    const foreignKey = checkJoin({ left: tree, right, clause, crit, leaves });
    key = nextJoinKey(key, clause.joinType, crit.left, crit.right);
    // A foreign-key join is keyed by the left table's primary key (checkJoin: a source), all of
    // whose columns a projection needs; any other by the join key.
    const left = tree;
    const viable = foreignKey && left.kind === 'source'
      ? left.schema.key.map((c) => ({ qualifier: left.alias, name: c.name }))
      : key.viable.map((c) => ({ qualifier: c.qualifier!, name: c.name }));
    const synthetic = viable.length === 0;
    const keyName = synthetic ? syntheticKeyName(leaves.slice(0, clause.right + 1)) : `${viable[0].qualifier}_${viable[0].name}`;
    const w = clause.within;
    tree = joinStep({
      joinType: clause.joinType, left: tree, right, crit, keyName, foreignKey,
      within: w && { beforeMs: w.beforeMs, afterMs: w.afterMs, ...(w.graceMs !== undefined ? { graceMs: w.graceMs } : {}) },
      key: { synthetic, viable },
    }, ctx.registry);
  }
  return tree;
}
