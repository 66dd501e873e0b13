// How a row of a step's schema sits in a JS array: key columns, then value columns, then the
// pseudo-columns. Every operator and compiled expression uses these positions.
import type { LogicalSchema } from '../types/schema.js';

export const PSEUDO_COUNT = 5;

export interface RowLayout {
  keyCount: number;
  valueCount: number;
  rowtime: number;
  rowpartition: number;
  rowoffset: number;
  windowstart: number;
  windowend: number;
  width: number;
}

export function rowLayout(schema: LogicalSchema): RowLayout {
  const k = schema.key.length;
  const v = schema.value.length;
  const base = k + v;
  return {
    keyCount: k, valueCount: v,
    rowtime: base, rowpartition: base + 1, rowoffset: base + 2,
    windowstart: base + 3, windowend: base + 4,
    width: base + PSEUDO_COUNT,
  };
}
