// Rows kept with in-process records (RowRecord, LogRecord.valueRow): a serde whose decode gives back
// exactly the row it encoded has a codec id, the same for every serde that reads and writes the
// same bytes for the same rows (format, its options, column names and types). A reader of a
// record encoded by its own codec takes the kept row and skips decoding: on MemoryLog a CSAS
// over a CSAS, or a push query over a sink, decodes nothing a query's sink encoded. Sinks and COPY
// hand MemoryLog the row alone (log/row-record.ts): the bytes are encoded only if read.
// Kept only where the round trip is exact for every value checked here: scalar columns, each
// value of the JS kind its type decodes to (a value the writer would have to coerce makes the
// row not kept; the record is decoded). Nor is a row with -0 in a DOUBLE column: its bytes say
// -0.0, which readers decode as 0, so the kept row would differ from the decoded one.
import type { Column } from '../types/schema.js';
import { formatType } from '../types/sql-type.js';
import { KEPT_BIGINT as BIGINT, KEPT_BOOLEAN as BOOLEAN, KEPT_DOUBLE as DOUBLE, KEPT_INTEGER as INTEGER, KEPT_STRING as STRING, type RowSizes } from '../log/log.js';

const ids = new Map<string, number>();

/** What a value must be for its column's round trip to be exact, by column type. */
const KIND: Record<string, number> = { STRING, BOOLEAN, INTEGER, BIGINT, DOUBLE };

/** The codec of `format` (with the options that change its bytes) over `columns`, or undefined where rows are not kept. */
export function codecOf(format: string, columns: readonly Column[]): { id: number; kinds: Uint8Array } | undefined {
  const kinds = new Uint8Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const k = KIND[columns[i].type.kind];
    if (k === undefined) return undefined;
    kinds[i] = k;
  }
  const signature = `${format}\u0000${columns.map((c) => `${c.name} ${formatType(c.type)}`).join(',')}`;
  let id = ids.get(signature);
  if (id === undefined) ids.set(signature, (id = ids.size + 1));
  return { id, kinds };
}

/**
 * A copy of `row` to keep with its record, or undefined when a value would not come back the same.
 * `out`: where to write the copy (it may be `row` itself, which is read before each write).
 */
export function rowToKeep(kinds: Uint8Array, row: readonly unknown[], out: unknown[] = new Array(kinds.length)): unknown[] | undefined {
  const n = kinds.length;
  for (let i = 0; i < n; i++) {
    const v = row[i];
    if (v === null || v === undefined) { out[i] = null; continue; }
    switch (kinds[i]) {
      case STRING: if (typeof v !== 'string') return undefined; break;
      case BOOLEAN: if (typeof v !== 'boolean') return undefined; break;
      case INTEGER: if (typeof v !== 'number' || (v | 0) !== v) return undefined; out[i] = v + 0; continue;
      case BIGINT: if (!Number.isSafeInteger(v)) return undefined; out[i] = (v as number) + 0; continue;
      default: if (typeof v !== 'number' || !Number.isFinite(v) || (v === 0 && 1 / v < 0)) return undefined; out[i] = v; continue;
    }
    out[i] = v;
  }
  return out;
}

/**
 * The bytes a kept row's values take in JSON text, plus `fixed`: at least that (bound: strings as
 * if every char were a \\uXXXX escape, numbers as long as Java prints any) and about that
 * (estimate: plain text).
 */
export function measureKeptValues(kinds: Uint8Array, row: readonly unknown[], fixed: number, into: RowSizes): void {
  let n = fixed;
  let chars = 0;
  let numbers = 0;
  for (let i = 0; i < kinds.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) { n += 4; continue; }
    switch (kinds[i]) {
      case STRING: chars += (v as string).length; n += 2; break;
      case BOOLEAN: n += 5; break;
      default: numbers++;
    }
  }
  into.estimate = n + chars + 8 * numbers;
  into.bound = n + 6 * chars + 32 * numbers;
}
