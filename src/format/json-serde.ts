// The JSON format. Wrapped rows are objects keyed by column name; an unwrapped single column is
// the bare value (keys by default, values with WRAP_SINGLE_VALUE=false), and a null unwrapped
// value writes null bytes. Reading uses JSON.parse unless exact number text matters: always for
// schemas with DECIMAL, otherwise only when a reader finds it needs it (then it re-reads).
// Columns the caller does not read (readColumns) come out null; their values are still checked
// as the column's type wants, except where no value of that JSON kind can fail (then skipped).
import type { Column } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import { formatType, struct, type SqlType } from '../types/sql-type.js';
import type { RowSerde } from './serde.js';
import { isJsonObject, jacksonNodeName, jsonReader, type JsonReader } from './json-read.js';
import { fieldPrefixes, jsonWriter } from './json-write.js';
import { FieldLookup } from './json-fields.js';
import { FlatJsonReader, SKIPPED, TOKEN_BOOLEAN, TOKEN_NULL, TOKEN_NUMBER, TOKEN_STRING } from './json-flat.js';
import { JsonNumber } from './json-exact.js';
import { JsonRowWriter } from './json-row-writer.js';
import { parseJsonRoot } from './json-text.js';
import { NEED_EXACT } from './json-signals.js';
import { atPath, columnCountMismatch, deserializeError, Failure, serializeError } from './serde-failure.js';
import { codecOf, measureKeptValues, rowToKeep } from './kept-rows.js';
import type { RowEncoder } from '../log/log.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true }); // Jackson rejects malformed UTF-8; skips a BOM
/** Column kinds whose flat-read value is taken as it is (see `direct`). */
const DIRECT_DOUBLE = 1;
const DIRECT_BOOLEAN = 2;
const DIRECT_STRING = 3;
/** Payloads the general reader takes after the flat one gave up, before the flat one tries again. */
const FLAT_BACKOFF = 64;

export interface JsonSerdeOptions {
  isKey: boolean;
  unwrapped: boolean;
  /** Which columns the reader of the rows uses (all when absent); the others come out null. */
  readColumns?: readonly boolean[];
}

export function createJsonSerde(columns: readonly Column[], opts: JsonSerdeOptions): RowSerde {
  for (const c of columns) checkMapKeys(c.type);
  return new JsonRowSerde(columns, opts);
}

/** ksqlDB: "JSON only supports MAP types with STRING keys" (JsonConverter would write pair arrays). */
function checkMapKeys(t: SqlType): void {
  switch (t.kind) {
    case 'MAP':
      if (t.key.kind !== 'STRING') throw new SqlError('INVALID_STATEMENT', 'JSON only supports MAP types with STRING keys');
      checkMapKeys(t.value);
      return;
    case 'ARRAY': checkMapKeys(t.item); return;
    case 'STRUCT': for (const f of t.fields) checkMapKeys(f.type); return;
    default: return;
  }
}

/** TOKEN_* kinds of JSON scalar whose every value the column's reader accepts (so need not be read). */
function alwaysAccepted(t: SqlType): number {
  switch (t.kind) {
    case 'STRING': case 'NULL': return TOKEN_STRING | TOKEN_NUMBER | TOKEN_BOOLEAN | TOKEN_NULL;
    case 'DOUBLE': case 'INTEGER': case 'BIGINT': case 'TIMESTAMP': case 'DATE': return TOKEN_NUMBER | TOKEN_NULL;
    case 'BOOLEAN': return TOKEN_BOOLEAN | TOKEN_NULL;
    default: return TOKEN_NULL; // TIME has a range, BYTES base64, DECIMAL a precision to fit
  }
}

/** The TOKEN_* kind of a parsed JSON value (0 for containers and MISSING). */
function tokenKind(v: unknown): number {
  switch (typeof v) {
    case 'string': return TOKEN_STRING;
    case 'number': return TOKEN_NUMBER;
    case 'boolean': return TOKEN_BOOLEAN;
    case 'undefined': return TOKEN_NULL;
    default: return v === null ? TOKEN_NULL : v instanceof JsonNumber ? TOKEN_NUMBER : 0;
  }
}

function containsDecimal(t: SqlType): boolean {
  switch (t.kind) {
    case 'DECIMAL': return true;
    case 'ARRAY': return containsDecimal(t.item);
    case 'MAP': return containsDecimal(t.value);
    case 'STRUCT': return t.fields.some((f) => containsDecimal(f.type));
    default: return false;
  }
}

class JsonRowSerde implements RowSerde {
  private readonly n: number;
  private readonly names: string[];
  private readonly readers: JsonReader[];
  /** Per column, DOUBLE, BOOLEAN or STRING where the flat reader's value of that kind is the column's value as it is (no reader call). */
  private readonly direct: Uint8Array;
  /** Per column, the TOKEN_* kinds not worth reading: 0 for columns read. */
  private readonly skip: Uint8Array;
  private readonly writer: JsonRowWriter;
  private readonly lookup: FieldLookup;
  private readonly exactFirst: boolean;
  private readonly rowType: string;
  private readonly target: string;
  private readonly unwrapped: boolean;
  /** The fast path for objects of scalar fields; undefined where it never applies. */
  private readonly flat: FlatJsonReader | undefined;
  private flatSkip = 0;
  readonly codec: number | undefined;
  private readonly keptKinds: Uint8Array | undefined;

  constructor(columns: readonly Column[], opts: JsonSerdeOptions) {
    this.n = columns.length;
    this.names = columns.map((c) => c.name);
    this.readers = columns.map((c) => jsonReader(c.type));
    this.direct = new Uint8Array(columns.map((c) => (c.type.kind === 'DOUBLE' ? DIRECT_DOUBLE : c.type.kind === 'BOOLEAN' ? DIRECT_BOOLEAN : c.type.kind === 'STRING' ? DIRECT_STRING : 0)));
    this.skip = new Uint8Array(columns.map((c, i) => (opts.readColumns === undefined || opts.readColumns[i] ? 0 : alwaysAccepted(c.type))));
    this.lookup = new FieldLookup(this.names);
    this.exactFirst = columns.some((c) => containsDecimal(c.type));
    this.rowType = formatType(struct(columns.map((c) => ({ name: c.name, type: c.type }))));
    this.target = opts.isKey ? 'key' : 'value';
    this.unwrapped = opts.unwrapped && columns.length === 1;
    this.flat = this.unwrapped || this.exactFirst ? undefined : new FlatJsonReader(this.names, this.skip, columns.map((c) => c.type.kind === 'BIGINT'));
    const codec = opts.isKey ? undefined : codecOf(this.unwrapped ? 'JSON unwrapped' : 'JSON', columns);
    this.codec = codec?.id;
    this.keptKinds = codec?.kinds;
    const types = columns.map((c) => c.type);
    const texts = types.map(jsonWriter);
    const prefixes = this.unwrapped ? [''] : fieldPrefixes(this.names).map((f, i) => (i === 0 ? '{' + f : f));
    const suffix = this.unwrapped ? '' : this.n === 0 ? '{}' : '}';
    const writer = this.writer = new JsonRowWriter(types, texts, prefixes, suffix);
    if (codec !== undefined) {
      const fixed = Buffer.byteLength(prefixes.join('') + suffix, 'utf8');
      const kinds = codec.kinds;
      const columnError = this.columnError;
      this.rowEncoder = {
        codec: codec.id,
        kinds,
        encode: (row) => writer.write(row, columnError),
        measure: (row, into) => measureKeptValues(kinds, row, fixed, into),
      };
    }
  }

  /** Encodes kept rows (rowToKeep's copies) when their bytes are first read (log/row-record.ts). */
  readonly rowEncoder: RowEncoder | undefined;

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.n) throw columnCountMismatch(this.n, row.length, true, topic);
      if (this.unwrapped && (row[0] === null || row[0] === undefined)) return null; // ksqlDB writes a tombstone here
      return this.writer.write(row, this.columnError);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  rowToKeep(row: readonly unknown[], inPlace?: boolean): unknown[] | undefined {
    if (this.keptKinds === undefined || row.length !== this.n) return undefined;
    if (this.unwrapped && (row[0] === null || row[0] === undefined)) return undefined; // a tombstone: no row
    return inPlace ? rowToKeep(this.keptKinds, row, row as unknown[]) : rowToKeep(this.keptKinds, row);
  }

  private readonly columnError = (i: number, e: unknown): unknown => atPath(e, this.unwrapped ? '$' : '$.' + this.names[i]);

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    return this.deserializeRange(bytes, 0, bytes.length, topic);
  }

  deserializeInto(bytes: Uint8Array | null, topic: string, into: unknown[]): unknown[] | null {
    if (bytes === null) return null;
    return this.deserializeRange(bytes, 0, bytes.length, topic, into.length === this.n ? into : undefined);
  }

  /** The payload bytes[start, end), without a view of it unless the flat reader gives up (COPY's lines). */
  /** `into`: where the flat reader's values go (deserializeInto), instead of a new array. */
  deserializeRange(bytes: Uint8Array, start: number, end: number, topic: string, into?: unknown[]): unknown[] | null {
    try {
      // The flat reader reads the bytes themselves: most payloads are never decoded whole.
      let exact = this.exactFirst;
      if (this.flat !== undefined) {
        if (this.flatSkip > 0) this.flatSkip--;
        else {
          const values = this.flat.read(bytes, start, end);
          if (values === undefined) this.flatSkip = FLAT_BACKOFF;
          else {
            const row = this.readValues(values, into ?? new Array<unknown>(this.n));
            if (row !== NEED_EXACT) return row;
            exact = true; // JSON.parse's numbers would not do either (a BIGINT past 2^53, say)
          }
        }
      }
      if (start !== 0 || end !== bytes.length) bytes = bytes.subarray(start, end);
      let text: string;
      try {
        text = UTF8.decode(bytes);
      } catch {
        throw new Failure('Invalid UTF-8 in JSON payload');
      }
      if (!exact) {
        const fast = this.read(parse(text, false));
        if (fast !== NEED_EXACT) return fast;
      }
      const row = this.read(parse(text, true));
      if (row === NEED_EXACT) throw new Failure('internal: exact JSON read still lost number text');
      return row;
    } catch (e) {
      throw deserializeError(this.target, topic, e);
    }
  }

  /** The flat reader's values into `row` (every slot written), as read() gives them for the same object. */
  private readValues(values: readonly unknown[], row: unknown[]): unknown[] | typeof NEED_EXACT {
    try {
      for (let i = 0; i < this.n; i++) {
        const v = values[i];
        // The common scalar columns without a call (readDouble, readBoolean and readString give the same).
        const direct = this.skip[i] === 0 ? this.direct[i] : 0;
        if (direct === DIRECT_DOUBLE && typeof v === 'number') { row[i] = v === 0 ? 0 : v; continue; }
        if (direct === DIRECT_BOOLEAN && typeof v === 'boolean') { row[i] = v; continue; }
        if (direct === DIRECT_STRING && typeof v === 'string') { row[i] = v; continue; }
        // Compared as a symbol only: a === between symbols and other values is a generic call.
        if (typeof v === 'symbol' && v === SKIPPED) { row[i] = null; continue; }
        try {
          row[i] = this.readers[i](v);
        } catch (e) {
          throw atPath(e, '.' + this.names[i]);
        }
        if (this.skip[i] !== 0) row[i] = null;
      }
      return row;
    } catch (e) {
      if (e === NEED_EXACT) return NEED_EXACT;
      throw atPath(e, '$');
    }
  }

  /** The row for a parsed payload, or NEED_EXACT when the tree's JS numbers are not enough. */
  private read(tree: unknown): unknown[] | null | typeof NEED_EXACT {
    try {
      if (this.unwrapped) return [this.readColumn(0, tree)];
      if (tree === null) return null;
      if (!isJsonObject(tree)) {
        throw new Failure(`Can't convert type. sourceType: ${jacksonNodeName(tree)}, requiredType: ${this.rowType}`);
      }
      const row = new Array<unknown>(this.n);
      this.lookup.begin();
      for (let i = 0; i < this.n; i++) {
        try {
          row[i] = this.readColumn(i, this.lookup.get(tree, i));
        } catch (e) {
          throw atPath(e, '.' + this.names[i]);
        }
      }
      return row;
    } catch (e) {
      if (e === NEED_EXACT) return NEED_EXACT;
      throw atPath(e, '$');
    }
  }

  /** Column i's value, or null for a column not read (its value still checked, where it can fail). */
  private readColumn(i: number, v: unknown): unknown {
    const skip = this.skip[i];
    if (skip === 0) return this.readers[i](v);
    if ((skip & tokenKind(v)) === 0) this.readers[i](v);
    return null;
  }
}

function parse(text: string, exact: boolean): unknown {
  try {
    return parseJsonRoot(text, exact);
  } catch (e) {
    throw new Failure(`Invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
