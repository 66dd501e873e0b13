// Which value columns of a stream source a query reads: those its first step past the filters
// (a projection or an aggregate) and those filters refer to, plus a TIMESTAMP column. A source
// whose rows flow on whole (to a sink, a join, a table) reads them all. Decoding may then skip
// building the others (JSON: src/format/json-serde.ts), which still get checked for errors.
import type { SourceStep } from '../plan/physical-plan.js';
import { childrenOf, type TypedExpr } from '../plan/expr/typed-expr.js';
import { rowLayout } from '../plan/row-layout.js';

/** The value columns read, by position; undefined when all are (or when not known). */
export function readValueColumns(step: SourceStep, reads: readonly TypedExpr[] | undefined): boolean[] | undefined {
  if (!reads || step.output !== 'STREAM') return undefined;
  const lay = rowLayout(step.schema);
  const k = lay.keyCount;
  const mask = new Array<boolean>(lay.valueCount).fill(false);
  const visit = (t: TypedExpr): void => {
    if (t.kind === 'Column' && t.index >= k && t.index < k + mask.length) mask[t.index - k] = true;
    for (const c of childrenOf(t)) visit(c);
  };
  for (const t of reads) visit(t);
  if (step.timestampColumn) {
    const i = step.schema.value.findIndex((c) => c.name === step.timestampColumn);
    if (i < 0) return undefined;
    mask[i] = true;
  }
  return mask.every((x) => x) ? undefined : mask;
}
