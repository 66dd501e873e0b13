// ARRAY[...], MAP(k := v, ...) and STRUCT(f := v, ...). Array items and map keys/values are
// coerced to a common type the way ksqlDB coerces user lists.
import type { ArrayCtor, MapCtor, StructCtor } from '../../../grammar/ast.js';
import { array, map, struct } from '../../types/sql-type.js';
import type { TypedExpr } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { typeError } from './analyze-context.js';
import { commonListType, convertList, type ListItem } from './coerce-list.js';

const ISSUE = '(see https://github.com/confluentinc/ksql/issues/4239)';

export function analyzeArray(e: ArrayCtor, ctx: AnalyzeContext): TypedExpr {
  if (e.items.length === 0) {
    throw typeError(`Array constructor cannot be empty. Please supply at least one element ${ISSUE}.`, e.span);
  }
  const items: ListItem[] = e.items.map((ast) => ({ ast, typed: ctx.analyze(ast, ctx) }));
  const common = commonListType(items, ctx);
  if (!common) {
    throw typeError(`Cannot construct an array with all NULL elements ${ISSUE}. `
      + 'As a workaround, you may cast a NULL value to the desired type.', e.span);
  }
  return { kind: 'ArrayCtor', items: convertList(items, common), type: array(common), span: e.span, source: e };
}

export function analyzeMap(e: MapCtor, ctx: AnalyzeContext): TypedExpr {
  if (e.entries.length === 0) {
    throw typeError(`Map constructor cannot be empty. Please supply at least one key value pair ${ISSUE}.`, e.span);
  }
  const keys: ListItem[] = e.entries.map((x) => ({ ast: x.key, typed: ctx.analyze(x.key, ctx) }));
  const values: ListItem[] = e.entries.map((x) => ({ ast: x.value, typed: ctx.analyze(x.value, ctx) }));
  const keyType = commonListType(keys, ctx);
  if (!keyType) {
    throw typeError(`Cannot construct a map with all NULL keys ${ISSUE}. As a workaround, you may cast a NULL key to the desired type.`, e.span);
  }
  const valueType = commonListType(values, ctx);
  if (!valueType) {
    throw typeError(`Cannot construct a map with all NULL values ${ISSUE}. As a workaround, you may cast a NULL value to the desired type.`, e.span);
  }
  const k = convertList(keys, keyType), v = convertList(values, valueType);
  return {
    kind: 'MapCtor', entries: k.map((key, i) => ({ key, value: v[i] })), type: map(keyType, valueType),
    span: e.span, source: e,
  };
}

export function analyzeStruct(e: StructCtor, ctx: AnalyzeContext): TypedExpr {
  const seen = new Set<string>();
  const fields = e.fields.map((f) => {
    if (seen.has(f.name)) throw typeError(`Duplicate field names found in STRUCT: '${f.name}'`, f.value.span);
    seen.add(f.name);
    const value = ctx.analyze(f.value, ctx);
    if (value.type.kind === 'NULL') {
      throw typeError("Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).", f.value.span);
    }
    return { name: f.name, value };
  });
  return {
    kind: 'StructCtor', fields, type: struct(fields.map((f) => ({ name: f.name, type: f.value.type }))),
    span: e.span, source: e,
  };
}
