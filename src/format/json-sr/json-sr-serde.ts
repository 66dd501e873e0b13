// The JSON_SR format, byte for byte as ksqlDB: Confluent's framing (magic byte 0, the schema id as
// a 4-byte big-endian int) followed by the JSON text the JSON format writes (ksqlDB's JSON_SR
// serializer is Confluent's JsonSchemaConverter with NUMERIC decimals, whose Jackson output is the
// same text). Reading is ksqlDB's KsqlJsonDeserializer: the magic byte is required, the 4 id bytes
// are skipped unread, and the JSON is read into the columns with the JSON format's rules. So no
// writer schema is ever fetched per record (no prefetch), as in ksqlDB, and a record naming a
// schema id the registry does not know still reads.
//
// Writing uses the schema id registered for the columns under <topic>-key/-value before the query
// runs (json-sr-registration.ts), or the registered schema KEY_/VALUE_SCHEMA_ID names: then a row
// is written as that schema's object, its properties in its field order, a property no column
// fills written as null (ksqlDB's ConnectSRSchemaDataTranslator).
import type { Column } from '../../types/schema.js';
import type { RowSerde } from '../serde.js';
import { SerdeError } from '../serde.js';
import { createJsonSerde } from '../json-serde.js';
import { Failure, deserializeError } from '../serde-failure.js';
import type { SchemaCache } from '../avro/schema-cache.js';
import { jsonSchemaText } from './json-schema-from-columns.js';
import { objectFieldNames } from './columns-from-json-schema.js';

export interface JsonSrSerdeOptions {
  isKey: boolean;
  /** One column written as its bare value (not an object). */
  unwrapped: boolean;
  cache: SchemaCache;
  /** KEY_SCHEMA_ID / VALUE_SCHEMA_ID: write with this registered schema. */
  schemaId?: number;
}

const MAGIC = 0;
const HEADER = 5;

/** ksqlDB's JsonSerdeUtils.readJsonSR message. */
export const NO_MAGIC_BYTE = 'Got unexpected JSON serialization format that did not start with the magic byte. '
  + 'If this stream was not serialized using the JsonSchemaConverter, then make sure the stream is declared with JSON format (not JSON_SR).';

interface Encoder { header: Uint8Array; body: RowSerde; toRow?: (row: readonly unknown[]) => unknown[] }

/** Magic byte and schema id: the same 5 bytes before every record a writer writes. */
function header(id: number): Uint8Array {
  return Uint8Array.of(MAGIC, (id >>> 24) & 255, (id >>> 16) & 255, (id >>> 8) & 255, id & 255);
}

export function createJsonSrSerde(columns: readonly Column[], opts: JsonSrSerdeOptions): RowSerde {
  // Derived now: a column type JSON Schema cannot hold fails the statement, not a record.
  const text = jsonSchemaText(columns, { unwrapped: opts.unwrapped });
  return new JsonSrRowSerde(columns, opts, text);
}

class JsonSrRowSerde implements RowSerde {
  private readonly json: RowSerde;
  private readonly encoders = new Map<string, Encoder>();
  private readonly target: string;
  private readonly suffix: string;

  constructor(private readonly columns: readonly Column[], private readonly o: JsonSrSerdeOptions, private readonly text: string) {
    this.json = createJsonSerde(columns, { isKey: o.isKey, unwrapped: o.unwrapped });
    this.target = o.isKey ? 'key' : 'value';
    this.suffix = o.isKey ? '-key' : '-value';
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    const enc = this.encoders.get(topic) ?? this.encoder(topic);
    const body = enc.body.serialize(enc.toRow ? enc.toRow(row) : row, topic);
    if (body === null) return null; // a null unwrapped value: a tombstone, as ksqlDB writes it
    const out = new Uint8Array(HEADER + body.length);
    out.set(enc.header, 0);
    out.set(body, HEADER);
    return out;
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    if (bytes.length === 0 || bytes[0] !== MAGIC) throw deserializeError(this.target, topic, new Failure(NO_MAGIC_BYTE));
    if (bytes.length < HEADER) {
      throw deserializeError(this.target, topic, new Failure(`the record has ${bytes.length} bytes, fewer than the 5 of its magic byte and schema id`));
    }
    return this.json.deserialize(bytes.subarray(HEADER), topic);
  }

  /** The writer for `topic`: the schema id, and the row layout when that schema's differs. */
  private encoder(topic: string): Encoder {
    let enc: Encoder;
    const id = this.o.schemaId;
    if (id === undefined) {
      const registered = this.o.cache.registeredId(topic + this.suffix, this.text);
      if (registered === undefined) {
        throw new SerdeError(`Failed to serialize ${this.target} to topic: ${topic}. The ${this.target} schema is not registered in the schema registry (subject ${topic}${this.suffix})`);
      }
      enc = { header: header(registered), body: this.json };
    } else {
      const s = this.o.cache.get(id);
      if (!s) throw new SerdeError(`Failed to serialize ${this.target} to topic: ${topic}. Schema id ${id} is not known: it was not fetched from the schema registry`);
      enc = this.o.unwrapped ? { header: header(id), body: this.json } : this.schemaLayout(id, s.schema);
    }
    this.encoders.set(topic, enc);
    return enc;
  }

  /** Rows as objects of the registered schema's properties (matched by name, then case-insensitively). */
  private schemaLayout(id: number, schemaText: string): Encoder {
    const names = objectFieldNames(schemaText);
    const cols = this.columns;
    if (!names || (names.length === cols.length && names.every((n, i) => n === cols[i].name))) return { header: header(id), body: this.json };
    const from = names.map((n) => {
      const exact = cols.findIndex((c) => c.name === n);
      return exact >= 0 ? exact : cols.findIndex((c) => c.name.toUpperCase() === n.toUpperCase());
    });
    const layout: Column[] = names.map((n, i) => ({
      name: n, type: from[i] >= 0 ? cols[from[i]].type : { kind: 'STRING' }, namespace: this.o.isKey ? 'KEY' : 'VALUE',
    }));
    const body = createJsonSerde(layout, { isKey: this.o.isKey, unwrapped: false });
    // Only sinks written with a schema id of another shape pay for this copy per row.
    return { header: header(id), body, toRow: (row) => from.map((i) => (i >= 0 ? row[i] : null)) };
  }
}
