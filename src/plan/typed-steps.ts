// Plans stored before steps carried typed expressions (plan version 1) hold only the AST: this
// types each step's expressions over its input, as the planner now does when it builds them.
import type { Step } from './physical-plan.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import { analyzeOver } from './analyze-over.js';

export function withTypedExpressions(step: Step, registry: FunctionRegistry): Step {
  const typed = (e: Parameters<typeof analyzeOver>[0], input: Step) => analyzeOver(e, input, registry);
  switch (step.kind) {
    case 'source': return step;
    case 'sink': return { ...step, input: withTypedExpressions(step.input, registry) };
    case 'filter': {
      const input = withTypedExpressions(step.input, registry);
      return { ...step, input, typedPredicate: typed(step.predicate, input) };
    }
    case 'project': {
      const input = withTypedExpressions(step.input, registry);
      const item = (it: { name: string; expr: Parameters<typeof analyzeOver>[0] }) => ({ name: it.name, expr: it.expr, typed: typed(it.expr, input) });
      return { ...step, input, key: step.key.map(item), value: step.value.map(item) };
    }
    case 'aggregate': {
      const input = withTypedExpressions(step.input, registry);
      return {
        ...step, input, typedGroupBy: step.groupBy.map((g) => typed(g, input)),
        aggregates: step.aggregates.map((c) => ({ ...c, typedArgs: c.args.map((a) => typed(a, input)) })),
      };
    }
    case 'join': {
      const left = withTypedExpressions(step.left, registry);
      const right = withTypedExpressions(step.right, registry);
      return { ...step, left, right, typedLeftKey: typed(step.leftKey, left), typedRightKey: typed(step.rightKey, right) };
    }
  }
}
