// What the planner needs from the engine.
import type { Catalog } from './catalog.js';
import type { FunctionRegistry } from '../../udfs/registry.js';

export interface PlanContext {
  catalog: Catalog;
  registry: FunctionRegistry;
  /** Session properties (SET), e.g. ksql.functions.collect_list.limit. */
  properties: Record<string, string>;
}

/** How the planned SELECT will be used: persistent queries check keys and reserved names. */
export interface PlanMode {
  /** Name of the sink for CSAS/CTAS/INSERT; absent for transient (push/pull) queries. */
  sinkName?: string;
}
