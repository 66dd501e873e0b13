// Joins: planned in a later step of the core issue.
import type { JoinRelation } from '../../grammar/ast.js';
import type { Step } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { SqlError } from '../types/sql-error.js';

export function planJoin(rel: JoinRelation, _ctx: PlanContext): Step {
  throw new SqlError('UNSUPPORTED', 'Joins are parsed but do not run yet.', { position: rel.span });
}
