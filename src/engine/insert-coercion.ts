// Which value types INSERT VALUES accepts for a column: ksqlDB's implicit coercion, which only
// widens numbers (INTEGER → BIGINT → DECIMAL → DOUBLE) and reads a STRING literal as a
// DATE/TIME/TIMESTAMP; anything else must be CAST explicitly.
import type { SqlType } from '../types/sql-type.js';
import { typesEqual } from '../types/sql-type.js';

const RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

export function insertCoercible(from: SqlType, to: SqlType): boolean {
  if (from.kind === 'NULL' || typesEqual(from, to)) return true;
  if (from.kind in RANK && to.kind in RANK) return RANK[from.kind] <= RANK[to.kind];
  if (from.kind === 'STRING') return to.kind === 'DATE' || to.kind === 'TIME' || to.kind === 'TIMESTAMP';
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return insertCoercible(from.item, to.item);
  if (from.kind === 'MAP' && to.kind === 'MAP') return insertCoercible(from.key, to.key) && insertCoercible(from.value, to.value);
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') {
    return from.fields.every((f) => {
      const t = to.fields.find((x) => x.name === f.name);
      return t !== undefined && insertCoercible(f.type, t.type);
    });
  }
  return false;
}
