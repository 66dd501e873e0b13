// A pull query that pins a table's key (`WHERE id = 'x'`, possibly AND more) needs only that
// key's latest record: its bytes are looked up in the table's snapshot instead of scanning every
// row (the WHERE is still evaluated on what is found). Only where the key's bytes are one value's
// canonical encoding, so that equal keys are equal bytes: one key column of the KAFKA format
// (UTF-8 strings, big-endian integers), unwindowed, compared with a literal of its own type.
import type { SourceStep, Step } from '../plan/physical-plan.js';
import type { TypedExpr } from '../plan/expr/typed-expr.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';
import { stepSerdes } from '../runtime/operators/step-serdes.js';

const EXACT_KINDS = new Set(['STRING', 'INTEGER', 'BIGINT']);

/** The key bytes the query's WHERE pins the table's key to, or undefined (scan every row). */
export function pinnedKeyBytes(root: Step, source: SourceStep, registry: SchemaRegistry | undefined): Uint8Array | undefined {
  const key = source.schema.key;
  if (source.window || key.length !== 1 || source.keyFormat.format !== 'KAFKA' || !EXACT_KINDS.has(key[0].type.kind)) return undefined;
  let value: unknown;
  for (let s: Step = root; s.kind !== 'source';) {
    if (s.kind === 'filter' && s.input.kind === 'source') value ??= pinned(s.typedPredicate, key[0].type.kind);
    if (s.kind !== 'filter' && s.kind !== 'project') return undefined;
    s = s.input;
  }
  if (value === undefined || value === null) return undefined;
  return stepSerdes(source, registry).key?.serialize([value], source.topic) ?? undefined;
}

/** The literal an equality conjunct of `e` gives column 0 (the key), if one does. */
function pinned(e: TypedExpr, kind: string): unknown {
  if (e.kind === 'Logical' && e.op === 'AND') return pinned(e.left, kind) ?? pinned(e.right, kind);
  if (e.kind !== 'Compare' || e.op !== '=') return undefined;
  const [col, lit] = e.left.kind === 'Column' ? [e.left, e.right] : [e.right, e.left];
  if (col.kind !== 'Column' || col.index !== 0 || lit.kind !== 'Literal' || lit.type.kind !== kind) return undefined;
  return lit.value ?? undefined;
}
