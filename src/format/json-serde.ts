// The JSON format. Wrapped rows are objects keyed by column name; an unwrapped single column is
// the bare value (keys by default, values with WRAP_SINGLE_VALUE=false), and a null unwrapped
// value writes null bytes. Reading uses JSON.parse unless exact number text matters: always for
// schemas with DECIMAL, otherwise only when a reader finds it needs it (then it re-reads).
import type { Column } from '../types/schema.js';
import { SqlError } from '../types/sql-error.js';
import { formatType, struct, type SqlType } from '../types/sql-type.js';
import type { RowSerde } from './serde.js';
import { isJsonObject, jacksonNodeName, jsonReader, type JsonReader } from './json-read.js';
import { fieldPrefixes, jsonWriter, type JsonWriter } from './json-write.js';
import { FieldLookup } from './json-fields.js';
import { FlatJsonReader } from './json-flat.js';
import { parseJsonRoot } from './json-text.js';
import { NEED_EXACT } from './json-signals.js';
import { atPath, columnCountMismatch, deserializeError, Failure, serializeError } from './serde-failure.js';
import { utf8Bytes } from './bytes.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true }); // Jackson rejects malformed UTF-8; skips a BOM
/** Payloads the general reader takes after the flat one gave up, before the flat one tries again. */
const FLAT_BACKOFF = 64;

export interface JsonSerdeOptions { isKey: boolean; unwrapped: boolean }

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
  private readonly writers: JsonWriter[];
  private readonly prefixes: string[];
  private readonly lookup: FieldLookup;
  private readonly exactFirst: boolean;
  private readonly rowType: string;
  private readonly target: string;
  private readonly unwrapped: boolean;
  /** The fast path for objects of scalar fields; undefined where it never applies. */
  private readonly flat: FlatJsonReader | undefined;
  private flatSkip = 0;

  constructor(columns: readonly Column[], opts: JsonSerdeOptions) {
    this.n = columns.length;
    this.names = columns.map((c) => c.name);
    this.readers = columns.map((c) => jsonReader(c.type));
    this.writers = columns.map((c) => jsonWriter(c.type));
    this.prefixes = fieldPrefixes(this.names);
    this.lookup = new FieldLookup(this.names);
    this.exactFirst = columns.some((c) => containsDecimal(c.type));
    this.rowType = formatType(struct(columns.map((c) => ({ name: c.name, type: c.type }))));
    this.target = opts.isKey ? 'key' : 'value';
    this.unwrapped = opts.unwrapped && columns.length === 1;
    this.flat = this.unwrapped || this.exactFirst ? undefined : new FlatJsonReader(this.names);
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.n) throw columnCountMismatch(this.n, row.length, true, topic);
      if (this.unwrapped) {
        const v = row[0];
        if (v === null || v === undefined) return null; // ksqlDB writes a tombstone here
        return utf8Bytes(this.writeColumn(0, v));
      }
      let text = '{';
      for (let i = 0; i < this.n; i++) {
        const v = row[i];
        text += this.prefixes[i] + (v === null || v === undefined ? 'null' : this.writeColumn(i, v));
      }
      return utf8Bytes(text + '}');
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  private writeColumn(i: number, v: unknown): string {
    try {
      return this.writers[i](v);
    } catch (e) {
      throw atPath(e, this.unwrapped ? '$' : '$.' + this.names[i]);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      let text: string;
      try {
        text = UTF8.decode(bytes);
      } catch {
        throw new Failure('Invalid UTF-8 in JSON payload');
      }
      if (this.flat !== undefined) {
        if (this.flatSkip > 0) this.flatSkip--;
        else {
          const values = this.flat.read(text);
          if (values === undefined) this.flatSkip = FLAT_BACKOFF;
          else {
            const row = this.readValues(values);
            if (row !== NEED_EXACT) return row;
          }
        }
      }
      if (!this.exactFirst) {
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

  /** The row for the flat reader's values, as read() gives it for the same object. */
  private readValues(values: readonly unknown[]): unknown[] | typeof NEED_EXACT {
    const row = new Array<unknown>(this.n);
    try {
      for (let i = 0; i < this.n; i++) {
        try {
          row[i] = this.readers[i](values[i]);
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

  /** The row for a parsed payload, or NEED_EXACT when the tree's JS numbers are not enough. */
  private read(tree: unknown): unknown[] | null | typeof NEED_EXACT {
    try {
      if (this.unwrapped) return [this.readers[0](tree)];
      if (tree === null) return null;
      if (!isJsonObject(tree)) {
        throw new Failure(`Can't convert type. sourceType: ${jacksonNodeName(tree)}, requiredType: ${this.rowType}`);
      }
      const row = new Array<unknown>(this.n);
      this.lookup.begin();
      for (let i = 0; i < this.n; i++) {
        try {
          row[i] = this.readers[i](this.lookup.get(tree, i));
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
}

function parse(text: string, exact: boolean): unknown {
  try {
    return parseJsonRoot(text, exact);
  } catch (e) {
    throw new Failure(`Invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
