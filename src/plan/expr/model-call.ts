// PREDICT(model, f1, ...) and the other model functions: the first argument names a model (an
// identifier, as a source is named), the rest are its features, in the model's order. The call
// binds to the model when the query is planned: its result type comes from the model (PREDICT
// returns the label's type) and its implementation encodes the features and asks the model.
import type { FunctionCall } from '../../../grammar/ast.js';
import type { ScalarFunction } from '../../../udfs/types.js';
import { isNumeric } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { sqlError } from './analyze-context.js';
import { formatTypePlain } from './type-pattern.js';

export function analyzeModelCall(e: FunctionCall, def: ScalarFunction, ctx: AnalyzeContext): TypedExpr {
  const fn = def.model!;
  const [first, ...rest] = e.args;
  const name = first?.kind === 'ColumnRef' && first.qualifier === undefined ? first.name
    : first?.kind === 'StringLit' ? first.value.toUpperCase() : undefined;
  if (name === undefined) {
    throw sqlError('FUNCTION_ARGS', `${def.name} takes a model name first, then the model's features: ${def.name}(model, f1, ...)`, e.span);
  }
  const model = ctx.registry.models?.(name);
  if (!model) throw sqlError('UNKNOWN_SOURCE', `Model ${name} does not exist. Create it with CREATE MODEL, or see SHOW MODELS.`, first.span);
  if (rest.length !== model.features.length) {
    throw sqlError('FUNCTION_ARGS', `${def.name}(${name}, ...) takes the model's ${model.features.length} features `
      + `(${model.features.map((f) => f.name).join(', ')}), not ${rest.length}.`, e.span);
  }
  const args = rest.map((a, i) => {
    const t = ctx.analyze(a, ctx);
    const f = model.features[i];
    if (!f.categorical && !isNumeric(t.type) && t.type.kind !== 'NULL') {
      throw sqlError('FUNCTION_ARGS', `Feature ${f.name} of model ${name} is numeric (${formatTypePlain(f.type)}); `
        + `the argument ${i + 2} of ${def.name} is ${formatTypePlain(t.type)}.`, a.span);
    }
    return t;
  });
  const bound = model.bind(fn);
  if (typeof bound === 'string') throw sqlError('FUNCTION_ARGS', bound, e.span);
  // The runtime binds the model again by name when it compiles the call (runtime/expr/compile-call.ts).
  return {
    kind: 'Call', name: def.name, overload: '', model: name, ...(def.volatile ? { volatile: true } : {}),
    args, type: bound.type, span: e.span, source: e,
  };
}
