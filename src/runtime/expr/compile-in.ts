// IN: the value and the list share one type (the analyzer coerced them). A NULL value matches
// nothing and NULL items are skipped, so IN is never NULL; NOT IN is its negation (as ksqlDB).
import type { TIn } from '../../plan/expr/typed-expr.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import { isPrimitive, javaEquals } from '../../values/equality.js';

export function compileIn(t: TIn, env: CompileEnv): Evaluator {
  const value = env.compile(t.value, env);
  const not = t.not;
  const type = t.value.type;
  if (t.list.every((x) => x.kind === 'Literal') && isPrimitive(type)) {
    const set = new Set(t.list.map((x) => (x as { value: unknown }).value).filter((v) => v != null));
    return (row) => {
      const v = value(row);
      return (v != null && set.has(v)) !== not;
    };
  }
  const items = t.list.map((x) => env.compile(x, env));
  const eq = javaEquals(type);
  return (row) => {
    const v = value(row);
    let found = false;
    if (v != null) {
      for (let i = 0; i < items.length; i++) {
        const x = items[i](row);
        if (x != null && eq(v, x)) { found = true; break; }
      }
    }
    return found !== not;
  };
}
