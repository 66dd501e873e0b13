// A persistent query's plan as the command topic keeps it, with the version of the planner that
// made it. On replay the stored plan is run, not the statement planned again: an Eddy that plans
// a statement differently (other steps, so other internal topic names and state layouts) still
// runs the query it was given, with its changelogs and repartition topics (as ksqlDB's versioned
// steps do). Bump PLAN_VERSION when the shape of plan steps changes; restorePlan then upgrades
// the older versions it still reads.
import type { Step } from './physical-plan.js';
import { SqlError } from '../types/sql-error.js';
import { fromTaggedJson, toTaggedJson } from '../types/tagged-json.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import { withTypedExpressions } from './typed-steps.js';

/**
 * 1: expressions as AST only; 2: each with its typed form (calls name their overload); 3: as 2,
 * each object written once (tagged JSON's `shared`: typed expressions share their AST subtrees);
 * 4: as 3, a foreign-key join step may run across tasks (JoinStep.foreignKeyAcrossTasks), which
 * an older Eddy would run in one task over state it lays out otherwise.
 */
export const PLAN_VERSION = 4;

export interface StoredPlan { version: number; root: unknown }

export function storePlan(root: Step): StoredPlan {
  return { version: PLAN_VERSION, root: toTaggedJson(root, new Map()) };
}

/**
 * The plan to run for a stored one; a version this Eddy does not read is an error naming it.
 * Version 1 plans get their expressions typed here, with `registry`.
 */
export function restorePlan(p: StoredPlan, registry?: FunctionRegistry): Step {
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > PLAN_VERSION) {
    throw new SqlError('INTERNAL', `the stored plan has version ${String(p.version)}; this Eddy runs plan versions 1 to ${PLAN_VERSION} (a newer Eddy wrote it)`);
  }
  const root = fromTaggedJson(p.root, p.version >= 3 ? [] : undefined) as Step;
  if (typeof root !== 'object' || root === null || typeof (root as { kind?: unknown }).kind !== 'string') {
    throw new SqlError('INTERNAL', 'the stored plan has no steps');
  }
  if (p.version === 1) {
    if (!registry) throw new SqlError('INTERNAL', 'a version 1 plan needs the function registry to be typed');
    return withTypedExpressions(root, registry);
  }
  return root;
}

/** A stored plan read from a command record (anyone can write there), or undefined if none fits. */
export function storedPlanOrUndefined(o: unknown): StoredPlan | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const p = o as Partial<StoredPlan>;
  return typeof p.version === 'number' && typeof p.root === 'object' && p.root !== null ? { version: p.version, root: p.root } : undefined;
}
