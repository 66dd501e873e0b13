// The AVRO format, byte for byte as ksqlDB writes it: Confluent's framing (magic byte 0, the
// schema id as a 4-byte big-endian int) and the Avro binary encoding.
// Writing uses the schema derived from the columns (registered under <topic>-key/-value before
// the query runs, see avro-registration.ts) or a registered schema named by KEY_/VALUE_SCHEMA_ID.
// Reading decodes with the record's writer schema (fetched by id once, see prefetch) and maps
// its fields onto the columns by name; both are compiled once per schema, not per record.
import type { Column } from '../../types/schema.js';
import type { RowSerde } from '../serde.js';
import { SerdeError } from '../serde.js';
import { Failure, atPath, columnCountMismatch, deserializeError, serializeError } from '../serde-failure.js';
import { type AvroNode, avroNode, nonNull } from './avro-node.js';
import { avroSchemaText } from './avro-schema-from-columns.js';
import { avscType, type AvscType } from './avsc-type.js';
import { matchField, readerFor, type Convert } from './avro-read.js';
import { recordWriter, writerFor } from './avro-write.js';
import type { SchemaCache } from './schema-cache.js';

export interface AvroSerdeOptions {
  isKey: boolean;
  /** One column written as its bare type (not a record). */
  unwrapped: boolean;
  cache: SchemaCache;
  /** KEY_SCHEMA_ID / VALUE_SCHEMA_ID: write with this registered schema. */
  schemaId?: number;
  /** KEY_/VALUE_SCHEMA_FULL_NAME: the derived record's full name. */
  fullName?: string;
}

const MAGIC = 0;
const HEADER = 5;

interface Decoder { type: AvscType; toRow: (decoded: unknown) => unknown[] }
interface Encoder { id: number; type: AvscType; toValue: (row: readonly unknown[]) => unknown }

/** Encoding space reused by every serializer (serialize is synchronous); grows as needed. */
let scratch = Buffer.allocUnsafe(64 * 1024);

export function createAvroSerde(columns: readonly Column[], opts: AvroSerdeOptions): RowSerde {
  // Derived now: a column type or name Avro cannot hold fails the statement, not a record.
  const text = avroSchemaText(columns, { unwrapped: opts.unwrapped, fullName: opts.fullName });
  return new AvroRowSerde(columns, opts, text);
}

class AvroRowSerde implements RowSerde {
  private readonly decoders = new Map<number, Decoder>();
  private readonly encoders = new Map<string, Encoder>();
  private readonly target: string;
  private readonly suffix: string;

  constructor(private readonly columns: readonly Column[], private readonly o: AvroSerdeOptions, private readonly text: string) {
    this.target = o.isKey ? 'key' : 'value';
    this.suffix = o.isKey ? '-key' : '-value';
  }

  prefetch(bytes: Uint8Array | null): Promise<void> | undefined {
    if (bytes === null || bytes.length < HEADER || bytes[0] !== MAGIC) return undefined;
    const id = readId(bytes);
    if (this.decoders.has(id)) return undefined;
    return this.o.cache.fetch(id);
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.columns.length) throw columnCountMismatch(this.columns.length, row.length, true, topic);
      if (this.o.unwrapped && this.columns.length === 1 && (row[0] === null || row[0] === undefined)) return null;
      const enc = this.encoders.get(topic) ?? this.encoder(topic);
      const value = enc.toValue(row);
      let end = enc.type.encode(value, scratch, HEADER);
      if (end < 0) {
        scratch = Buffer.allocUnsafe(Math.max(scratch.length * 2, HEADER - end));
        end = enc.type.encode(value, scratch, HEADER);
      }
      scratch[0] = MAGIC;
      scratch.writeInt32BE(enc.id, 1);
      const out = Buffer.from(scratch.subarray(0, end));
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      if (bytes.length < HEADER || bytes[0] !== MAGIC) throw new Failure('Unknown magic byte!');
      const id = readId(bytes);
      const dec = this.decoders.get(id) ?? this.decoder(id);
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let decoded: { value: unknown; offset: number };
      try {
        decoded = dec.type.decode(buf, HEADER);
      } catch (e) {
        throw new Failure(`invalid Avro data for schema id ${id}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (decoded.offset < 0) throw new Failure(`truncated Avro data for schema id ${id}`);
      return dec.toRow(decoded.value);
    } catch (e) {
      throw deserializeError(this.target, topic, e);
    }
  }

  /** The reader for writer schema `id` (the cache has it once prefetch settled). */
  private decoder(id: number): Decoder {
    const s = this.o.cache.get(id);
    if (!s) {
      const why = this.o.cache.failure(id);
      throw new Failure(`schema id ${id} is not in the schema registry (${this.o.cache.registry.describe})${why ? `: ${why}` : ''}`);
    }
    if (s.schemaType !== 'AVRO') throw new Failure(`schema id ${id} is a ${s.schemaType} schema, not AVRO`);
    let dec: Decoder;
    try {
      dec = { type: avscType(s.schema), toRow: this.rowReader(avroNode(s.schema)) };
    } catch (e) {
      throw new Failure(`schema id ${id} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.decoders.set(id, dec);
    return dec;
  }

  private rowReader(writer: AvroNode): (decoded: unknown) => unknown[] {
    const cols = this.columns;
    if (this.o.unwrapped && cols.length === 1) {
      const read = readerFor(writer, cols[0].type);
      return (v) => [read(v)];
    }
    const rec = nonNull(writer);
    if (rec?.kind !== 'record') {
      const msg = `the writer schema is Avro type ${writer.kind}, not a record of the ${cols.length} columns`;
      return () => { throw new Failure(msg); };
    }
    const parts: { from: string | undefined; read: Convert | undefined }[] = cols.map((c) => {
      const f = matchField(rec.fields, c.name);
      return { from: f?.name, read: f ? readerFor(f.type, c.type) : undefined };
    });
    return (v) => {
      if (v === null || v === undefined) return cols.map(() => null);
      const o = v as Record<string, unknown>;
      const row = new Array<unknown>(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (p.read === undefined) { row[i] = null; continue; }
        try { row[i] = p.read(o[p.from!]); } catch (e) { throw atPath(e, `$.${cols[i].name}`); }
      }
      return row;
    };
  }

  /** The writer for `topic`: the registered schema id and how rows become its values. */
  private encoder(topic: string): Encoder {
    let id = this.o.schemaId;
    let text = this.text;
    if (id !== undefined) {
      const s = this.o.cache.get(id);
      if (!s) throw new SerdeError(`schema id ${id} is not known: it was not fetched from the schema registry`);
      text = s.schema;
    } else {
      id = this.o.cache.registeredId(topic + this.suffix, text);
      if (id === undefined) throw new SerdeError(`the ${this.target} schema of topic ${topic} is not registered in the schema registry (subject ${topic}${this.suffix})`);
    }
    const node = avroNode(text);
    const cols = this.columns;
    let toValue: (row: readonly unknown[]) => unknown;
    if (this.o.unwrapped && cols.length === 1) {
      const w = writerFor(node, cols[0].type);
      toValue = (row) => w(row[0]);
    } else {
      const rec = nonNull(node);
      if (rec?.kind !== 'record') throw new SerdeError(`schema id ${id} is not an Avro record: it cannot hold ${cols.length} columns`);
      const fill = recordWriter(rec, cols);
      toValue = (row) => fill((i) => row[i]);
    }
    const enc = { id, type: avscType(text), toValue };
    this.encoders.set(topic, enc);
    return enc;
  }
}

function readId(b: Uint8Array): number {
  return ((b[1] << 24) | (b[2] << 16) | (b[3] << 8) | b[4]) >>> 0;
}
