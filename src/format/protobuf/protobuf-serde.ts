// The PROTOBUF and PROTOBUF_NOSR formats, byte for byte as ksqlDB writes them. PROTOBUF:
// Confluent's framing (magic byte 0, the schema id as a 4-byte big-endian int, the message
// indexes: a single 0 for the schema's first message) and the protobuf binary; written with the
// schema derived from the columns (registered under <topic>-key/-value before the query runs,
// see protobuf-registration.ts) or the registered schema KEY_/VALUE_SCHEMA_ID names; read with
// the record's writer schema, fetched by id once (see prefetch). PROTOBUF_NOSR: the bare
// protobuf binary of the schema derived from the columns, no registry. Keys and values are
// always a message of their columns (neither format unwraps single columns).
import type { Column } from '../../types/schema.js';
import type { RowSerde } from '../serde.js';
import { SerdeError } from '../serde.js';
import { Failure, columnCountMismatch, deserializeError, serializeError } from '../serde-failure.js';
import { messageAt, pathOf, type PbMessage } from './proto-model.js';
import { parseProto } from './proto-parse.js';
import { messageReader } from './proto-read.js';
import { messageWriter } from './proto-write.js';
import { ProtoReader, ProtoWriter, readMessageIndexes, writeMessageIndexes } from './proto-wire.js';
import { protoSchemaText, type NullableRepresentation } from './proto-schema-from-columns.js';
import type { ProtoSchemas } from './proto-schemas.js';

export interface ProtobufSerdeOptions {
  isKey: boolean;
  /** PROTOBUF: the registry's parsed schemas. Absent: PROTOBUF_NOSR. */
  schemas?: ProtoSchemas;
  /** KEY_SCHEMA_ID / VALUE_SCHEMA_ID: write with this registered schema. */
  schemaId?: number;
  /** KEY_/VALUE_SCHEMA_FULL_NAME: the message's name (derived schema), or which message of the registered one. */
  fullName?: string;
  /** KEY_/VALUE_PROTOBUF_NULLABLE_REPRESENTATION. */
  nullable?: NullableRepresentation;
}

const MAGIC = 0;
const HEADER = 5;

type Read = (r: ProtoReader, end: number) => unknown[];
type Fill = (w: ProtoWriter, get: (i: number, name: string) => unknown) => void;
interface Encoder { id: number; path: number[]; fill: Fill }

/** Shared by every serializer (serialize is synchronous). */
const writer = new ProtoWriter();

export function createProtobufSerde(columns: readonly Column[], opts: ProtobufSerdeOptions): RowSerde {
  // Derived now: a column type Protobuf cannot hold fails the statement, not a record.
  const text = protoSchemaText(columns, { fullName: opts.fullName, nullable: opts.nullable });
  const own = parseProto(text).messages[0];
  return opts.schemas ? new ProtobufRowSerde(columns, opts, opts.schemas, text, own) : new NoSrRowSerde(columns, opts, own);
}

function targets(columns: readonly Column[]): { name: string; type: Column['type'] }[] {
  return columns.map((c) => ({ name: c.name, type: c.type }));
}

class NoSrRowSerde implements RowSerde {
  private readonly read: Read;
  private readonly fill: Fill;
  private readonly reader = new ProtoReader(new Uint8Array(0), 0, 0);
  private readonly target: string;

  constructor(private readonly columns: readonly Column[], o: ProtobufSerdeOptions, message: PbMessage) {
    this.target = o.isKey ? 'key' : 'value';
    this.read = messageReader(message, targets(columns));
    this.fill = messageWriter(message, targets(columns));
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.columns.length) throw columnCountMismatch(this.columns.length, row.length, true, topic);
      writer.reset(0);
      this.fill(writer, (i) => row[i]);
      return writer.take(0);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      return this.read(this.reader.reset(bytes, 0, bytes.length), bytes.length);
    } catch (e) {
      throw deserializeError(this.target, topic, e);
    }
  }
}

class ProtobufRowSerde implements RowSerde {
  /** Readers by schema id, for records of the schema's first message (the usual case). */
  private readonly firstReaders = new Map<number, Read>();
  private readonly otherReaders = new Map<string, Read>();
  private readonly encoders = new Map<string, Encoder>();
  private readonly reader = new ProtoReader(new Uint8Array(0), 0, 0);
  private readonly target: string;
  private readonly suffix: string;

  constructor(
    private readonly columns: readonly Column[], private readonly o: ProtobufSerdeOptions,
    private readonly schemas: ProtoSchemas, private readonly text: string, private readonly own: PbMessage,
  ) {
    this.target = o.isKey ? 'key' : 'value';
    this.suffix = o.isKey ? '-key' : '-value';
  }

  prefetch(bytes: Uint8Array | null): Promise<void> | undefined {
    if (bytes === null || bytes.length < HEADER || bytes[0] !== MAGIC) return undefined;
    const id = readId(bytes);
    if (this.firstReaders.has(id) || this.schemas.get(id)) return undefined;
    return this.schemas.fetch(id);
  }

  serialize(row: readonly unknown[] | null, topic: string): Uint8Array | null {
    if (row === null) return null;
    try {
      if (row.length !== this.columns.length) throw columnCountMismatch(this.columns.length, row.length, true, topic);
      const enc = this.encoders.get(topic) ?? this.encoder(topic);
      writer.reset(0);
      writer.byte(MAGIC);
      writer.fixed32(0); // the id, big-endian, set below
      writer.buf.writeInt32BE(enc.id, 1);
      writeMessageIndexes(writer, enc.path);
      enc.fill(writer, (i) => row[i]);
      return writer.take(0);
    } catch (e) {
      throw serializeError(this.target, topic, e);
    }
  }

  deserialize(bytes: Uint8Array | null, topic: string): unknown[] | null {
    if (bytes === null) return null;
    try {
      if (bytes.length < HEADER || bytes[0] !== MAGIC) throw new Failure('Unknown magic byte!');
      const id = readId(bytes);
      const r = this.reader.reset(bytes, HEADER, bytes.length);
      let read: Read | undefined;
      if (bytes.length > HEADER && bytes[HEADER] === 0) {
        r.pos++;
        read = this.firstReaders.get(id) ?? this.decoder(id, [0]);
      } else {
        const path = readMessageIndexes(r);
        read = this.otherReaders.get(`${id}:${path.join('.')}`) ?? this.decoder(id, path);
      }
      return read(r, bytes.length);
    } catch (e) {
      throw deserializeError(this.target, topic, e);
    }
  }

  /** The reader for messages `path` of writer schema `id` (at hand once prefetch settled). */
  private decoder(id: number, path: number[]): Read {
    const file = this.schemas.get(id);
    if (!file) {
      const why = this.schemas.failure(id) ?? this.schemas.cache.failure(id);
      throw new Failure(`schema id ${id} is not in the schema registry (${this.schemas.registry.describe})${why ? `: ${why}` : ''}`);
    }
    const m = messageAt(file, path);
    if (!m) throw new Failure(`schema id ${id} has no message at index ${path.join('.')}`);
    const read = messageReader(m, targets(this.columns));
    if (path.length === 1 && path[0] === 0) this.firstReaders.set(id, read);
    else this.otherReaders.set(`${id}:${path.join('.')}`, read);
    return read;
  }

  /** The writer for `topic`: the schema id, the message's indexes and how rows fill it. */
  private encoder(topic: string): Encoder {
    let id = this.o.schemaId;
    let message = this.own;
    let path = [0];
    if (id !== undefined) {
      const file = this.schemas.get(id);
      if (!file) throw new SerdeError(`schema id ${id} is not known: it was not fetched from the schema registry`);
      const found = this.o.fullName ? pathOf(file, this.o.fullName) : [0];
      const m = found && messageAt(file, found);
      if (!found || !m) throw new SerdeError(`schema id ${id} has no message ${this.o.fullName ?? ''}`.trim());
      message = m;
      path = found;
    } else {
      id = this.schemas.cache.registeredId(topic + this.suffix, this.text);
      if (id === undefined) throw new SerdeError(`the ${this.target} schema of topic ${topic} is not registered in the schema registry (subject ${topic}${this.suffix})`);
    }
    const enc = { id, path, fill: messageWriter(message, targets(this.columns)) };
    this.encoders.set(topic, enc);
    return enc;
  }
}

function readId(b: Uint8Array): number {
  return ((b[1] << 24) | (b[2] << 16) | (b[3] << 8) | b[4]) >>> 0;
}
