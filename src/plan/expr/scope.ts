// What an expression can see: the columns of the row it runs over, by position.
import type { SqlType } from '../../types/sql-type.js';

export interface ScopeColumn {
  /** Column name (normalized, as in the schema). */
  name: string;
  /** Source name or alias that qualifies it (`T.ID`), if any. */
  qualifier?: string;
  type: SqlType;
  /** Position in the row array. */
  index: number;
}

export interface ExprScope {
  columns: readonly ScopeColumn[];
}
