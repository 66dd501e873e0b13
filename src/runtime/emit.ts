// How operators pass rows downstream. A stream row is an UPSERT without an old row; a table
// change carries the previous row for its key (or null), and a DELETE carries a row whose key
// columns are set and value columns null.

export const UPSERT = 0;
export const DELETE = 1;
export type Op = typeof UPSERT | typeof DELETE;

export type Row = unknown[];

export type Emit = (row: Row, ts: number, op: Op, old: Row | null) => void;
