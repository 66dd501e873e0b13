// PROTOBUF schemas registered in their serialized form (a base64 FileDescriptorProto, as
// Confluent's Python serializer registers them and Apicurio hands them back): decoded into the
// same model as the .proto text they were compiled from, so the columns, the records read and the
// records written are the same. Descriptors come from tools nobody here wrote: protoc (via
// grpcio-tools, captured below as base64), @bufbuild/protobuf's embedded well-known files, and
// protobufjs. Oneofs become Connect's <oneof>_<index> STRUCT columns.
import { describe, expect, it } from 'vitest';
import { create, createFileRegistry, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  FileDescriptorProtoSchema, file_google_protobuf_struct, file_google_protobuf_timestamp, file_google_protobuf_wrappers,
  timestampFromMs,
} from '@bufbuild/protobuf/wkt';
import protobufjs from 'protobufjs';
import descriptorExt from 'protobufjs/ext/descriptor/index.js';
import type { Column } from '../../src/types/schema.js';
import { formatType } from '../../src/types/sql-type.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import type { PbFile, PbMessage, PbType } from '../../src/format/protobuf/proto-model.js';
import { isSerializedDescriptor } from '../../src/format/protobuf/proto-descriptor.js';
import { ProtoParseError, parseProto } from '../../src/format/protobuf/proto-parse.js';
import { columnsFromProto } from '../../src/format/protobuf/columns-from-proto.js';
import { createProtobufSerde } from '../../src/format/protobuf/protobuf-serde.js';
import { protoSchemas } from '../../src/format/protobuf/proto-schemas.js';
import { inferProtobufColumns } from '../../src/format/protobuf/protobuf-registration.js';

const ORDER_PROTO = `syntax = "proto3";
package demo.v1;

import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";
import "confluent/meta.proto";
import "confluent/type/decimal.proto";

message Order {
  int32 id = 1;
  optional string note = 2;
  oneof payment {
    string card = 3;
    Transfer transfer = 4;
  }
  map<string, int64> counts = 5;
  repeated Line lines = 6;
  google.protobuf.Timestamp at = 7;
  google.protobuf.StringValue tag = 8;
  confluent.type.Decimal total = 9 [(confluent.field_meta) = { params: [{ key: "precision", value: "10" }, { key: "scale", value: "2" }] }];
  Status status = 10;
  sint64 delta = 11;
  oneof source { string web = 12; int32 store = 13; }

  message Line { string sku = 1; uint32 qty = 2; }
  message Transfer { string iban = 1; }
  enum Status { NEW = 0; PAID = 1; }
}

enum Channel { ONLINE = 0; SHOP = 1; }
`;
/** ORDER_PROTO compiled by protoc 3.x (grpcio-tools), FileDescriptorProto as the Python serializer registers it. */
const ORDER_DESCRIPTOR = 'CgpkZW1vLnByb3RvEgdkZW1vLnYxGh9nb29nbGUvcHJvdG9idWYvdGltZXN0YW1wLnByb3RvGh5nb29nbGUvcHJvdG9idWYvd3JhcHBlcnMucHJvdG8aFGNvbmZsdWVudC9tZXRhLnByb3RvGhxjb25mbHVlbnQvdHlwZS9kZWNpbWFsLnByb3RvIrwFCgVPcmRlchIOCgJpZBgBIAEoBVICaWQSFwoEbm90ZRgCIAEoCUgCUgRub3RliAEBEhQKBGNhcmQYAyABKAlIAFIEY2FyZBI1Cgh0cmFuc2ZlchgEIAEoCzIXLmRlbW8udjEuT3JkZXIuVHJhbnNmZXJIAFIIdHJhbnNmZXISMgoGY291bnRzGAUgAygLMhouZGVtby52MS5PcmRlci5Db3VudHNFbnRyeVIGY291bnRzEikKBWxpbmVzGAYgAygLMhMuZGVtby52MS5PcmRlci5MaW5lUgVsaW5lcxIqCgJhdBgHIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBSAmF0Ei4KA3RhZxgIIAEoCzIcLmdvb2dsZS5wcm90b2J1Zi5TdHJpbmdWYWx1ZVIDdGFnEk8KBXRvdGFsGAkgASgLMhcuY29uZmx1ZW50LnR5cGUuRGVjaW1hbEIggkQdEgoKBXNjYWxlEgEyEg8KCXByZWNpc2lvbhICMTBSBXRvdGFsEi0KBnN0YXR1cxgKIAEoDjIVLmRlbW8udjEuT3JkZXIuU3RhdHVzUgZzdGF0dXMSFAoFZGVsdGEYCyABKBJSBWRlbHRhEhIKA3dlYhgMIAEoCUgBUgN3ZWISFgoFc3RvcmUYDSABKAVIAVIFc3RvcmUaOQoLQ291bnRzRW50cnkSEAoDa2V5GAEgASgJUgNrZXkSFAoFdmFsdWUYAiABKANSBXZhbHVlOgI4ARoqCgRMaW5lEhAKA3NrdRgBIAEoCVIDc2t1EhAKA3F0eRgCIAEoDVIDcXR5Gh4KCFRyYW5zZmVyEhIKBGliYW4YASABKAlSBGliYW4iGwoGU3RhdHVzEgcKA05FVxAAEggKBFBBSUQQAUIJCgdwYXltZW50QggKBnNvdXJjZUIHCgVfbm90ZSofCgdDaGFubmVsEgoKBk9OTElORRAAEggKBFNIT1AQAWIGcHJvdG8z';

const EVENT_PROTO = `syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
message Event {
  string id = 1;
  oneof body { Click click = 2; string note = 3; int64 amount = 4; }
  google.protobuf.Timestamp at = 5;
  message Click { int32 x = 1; int32 y = 2; }
}`;
/** EVENT_PROTO compiled by protoc (grpcio-tools). */
const EVENT_DESCRIPTOR = 'CgtldmVudC5wcm90bxIEc2hvcBofZ29vZ2xlL3Byb3RvYnVmL3RpbWVzdGFtcC5wcm90byLLAQoFRXZlbnQSDgoCaWQYASABKAlSAmlkEikKBWNsaWNrGAIgASgLMhEuc2hvcC5FdmVudC5DbGlja0gAUgVjbGljaxIUCgRub3RlGAMgASgJSABSBG5vdGUSGAoGYW1vdW50GAQgASgDSABSBmFtb3VudBIqCgJhdBgFIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBSAmF0GiMKBUNsaWNrEgwKAXgYASABKAVSAXgSDAoBeRgCIAEoBVIBeUIGCgRib2R5YgZwcm90bzM=';

/** google/protobuf/struct.proto as published (options and comments left out). */
const STRUCT_PROTO = `syntax = "proto3";
package google.protobuf;
message Struct { map<string, Value> fields = 1; }
message Value {
  oneof kind {
    NullValue null_value = 1; double number_value = 2; string string_value = 3;
    bool bool_value = 4; Struct struct_value = 5; ListValue list_value = 6;
  }
}
enum NullValue { NULL_VALUE = 0; }
message ListValue { repeated Value values = 1; }`;

const base64Of = (file: Parameters<typeof toBinary<typeof FileDescriptorProtoSchema>>[1]): string =>
  Buffer.from(toBinary(FileDescriptorProtoSchema, file)).toString('base64');

/**
 * The model without how a type was spelled (`Inner` in text, `.pkg.Outer.Inner` in a
 * descriptor): resolved types by full name, recursion cut there.
 */
function shape(file: PbFile): unknown {
  const typeRef = (t: PbType | undefined): unknown => (t?.kind === 'scalar' ? t.scalar : t && `${t.kind} ${t.fullName}`);
  const message = (m: PbMessage): unknown => ({
    name: m.name, fullName: m.fullName, mapEntry: m.mapEntry, oneofs: m.oneofs,
    fields: m.fields.map((f) => ({ name: f.name, number: f.number, label: f.label, oneof: f.oneof, params: f.params, type: typeRef(f.type) })),
    messages: m.messages.map(message), enums: m.enums,
  });
  return { syntax: file.syntax, package: file.package, imports: file.imports, messages: file.messages.map(message), enums: file.enums };
}

/** shop.Event as @bufbuild/protobuf builds it from the protoc descriptor: an encoder nobody here wrote. */
function eventMessage() {
  const files = createFileRegistry(
    fromBinary(FileDescriptorProtoSchema, Buffer.from(EVENT_DESCRIPTOR, 'base64')),
    (name) => (name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined),
  );
  return files.getMessage('shop.Event')!;
}

const columnsOf = (file: PbFile, upperCase = true): string[][] =>
  columnsFromProto(file.messages[0], { isKey: false, upperCase }).map((c: Column) => [c.name, formatType(c.type)]);

describe('a base64 FileDescriptorProto gives the model its .proto text gives', () => {
  it('protoc output: proto3 optional, two oneofs, a map, nested messages and enums, well-known types, confluent field_meta', () => {
    const fromText = parseProto(ORDER_PROTO);
    const fromDescriptor = parseProto(ORDER_DESCRIPTOR);
    expect(shape(fromDescriptor)).toEqual(shape(fromText));
    // What the comparison rests on, spelled out: the parts that differ most between the forms.
    const order = fromDescriptor.messages[0];
    expect(order.oneofs).toEqual(['payment', 'source']); // protoc's synthetic `_note` is no oneof
    expect(order.fields.find((f) => f.name === 'note')).toMatchObject({ label: 'optional' });
    expect(order.fields.find((f) => f.name === 'note')!.oneof).toBeUndefined();
    expect(order.fields.find((f) => f.name === 'total')!.params).toEqual({ precision: '10', scale: '2' });
    expect(order.messages.map((m) => [m.name, m.mapEntry ?? false])).toEqual([['CountsEntry', true], ['Line', false], ['Transfer', false]]);
  });

  it('@bufbuild/protobuf\'s google/protobuf/struct.proto: a oneof, a map of messages, a top-level enum, recursion', () => {
    expect(shape(parseProto(base64Of(file_google_protobuf_struct.proto)))).toEqual(shape(parseProto(STRUCT_PROTO)));
  });

  it('@bufbuild/protobuf\'s timestamp and wrappers files, which the builtin imports declare as text', () => {
    const ts = parseProto(base64Of(file_google_protobuf_timestamp.proto));
    expect(ts.messages[0]).toMatchObject({ fullName: 'google.protobuf.Timestamp', fields: [{ name: 'seconds', typeName: 'int64' }, { name: 'nanos', typeName: 'int32' }] });
    const wrappers = parseProto(base64Of(file_google_protobuf_wrappers.proto));
    expect(wrappers.messages.map((m) => `${m.name}:${m.fields[0].typeName}`)).toEqual([
      'DoubleValue:double', 'FloatValue:float', 'Int64Value:int64', 'UInt64Value:uint64', 'Int32Value:int32',
      'UInt32Value:uint32', 'BoolValue:bool', 'StringValue:string', 'BytesValue:bytes',
    ]);
  });

  it('protobufjs output (relative type names, map entries not named <X>Entry, no proto3_optional mark)', () => {
    const text = `syntax = "proto3"; package pj;
      message Outer { int32 a = 1; optional string b = 2; map<string, Inner> m = 3; repeated int64 r = 4;
        oneof choice { string s = 5; Inner inner = 6; } Color c = 7; message Inner { double x = 1; } }
      enum Color { RED = 0; GREEN = 1; }`;
    const root = protobufjs.parse(text, { keepCase: true }).root;
    const set = (root as unknown as { toDescriptor(s: string): object }).toDescriptor('proto3');
    const files = (descriptorExt.FileDescriptorSet.toObject(descriptorExt.FileDescriptorSet.decode(
      descriptorExt.FileDescriptorSet.encode(set).finish())) as { file: object[] }).file;
    const bytes = descriptorExt.FileDescriptorProto.encode(files[0]).finish();
    const file = parseProto(Buffer.from(bytes).toString('base64'));
    expect(columnsOf(file)).toEqual(columnsOf(parseProto(text)));
    expect(columnsOf(file)).toEqual([
      ['CHOICE_0', 'STRUCT<`S` STRING, `INNER` STRUCT<`X` DOUBLE>>'], ['A', 'INTEGER'], ['B', 'STRING'],
      ['M', 'MAP<STRING, STRUCT<`X` DOUBLE>>'], ['R', 'ARRAY<BIGINT>'], ['C', 'STRING'],
    ]);
  });

  it('tells the two forms apart: .proto text is never taken for base64', () => {
    expect(isSerializedDescriptor(ORDER_DESCRIPTOR)).toBe(true);
    expect(isSerializedDescriptor(`  ${EVENT_DESCRIPTOR}\n`)).toBe(true);
    expect(isSerializedDescriptor(ORDER_PROTO)).toBe(false);
    expect(isSerializedDescriptor('syntax="proto3";message A{}')).toBe(false);
    expect(isSerializedDescriptor('')).toBe(false);
  });

  it('bad input is a clear error, not an empty schema', () => {
    expect(() => parseProto('AAAA')).toThrow(ProtoParseError);
    expect(() => parseProto('AAAA')).toThrow(/neither \.proto text nor a readable base64 FileDescriptorProto \(field number 0\)/);
    expect(() => parseProto(Buffer.from([0x22, 0x10, 0x0a]).toString('base64'))).toThrow(/neither \.proto text nor.*truncated/);
  });

  it('a reference in serialized form too (as the Python serializer registers a user\'s own import)', async () => {
    const dep = create(FileDescriptorProtoSchema, {
      name: 'other.proto', package: 'other', syntax: 'proto3',
      messageType: [{ name: 'B', field: [{ name: 'n', number: 1, label: 1, type: 9 }] }],
    });
    const main = create(FileDescriptorProtoSchema, {
      name: 'x.proto', package: 'x', syntax: 'proto3', dependency: ['other.proto'],
      messageType: [{ name: 'A', field: [{ name: 'b', number: 1, label: 1, type: 11, typeName: '.other.B' }] }],
    });
    const registry = new InProcessRegistry();
    await registry.register('other.proto', { schemaType: 'PROTOBUF', schema: base64Of(dep) });
    await registry.register('t-value', {
      schemaType: 'PROTOBUF', schema: base64Of(main), references: [{ name: 'other.proto', subject: 'other.proto', version: 1 }],
    });
    const { columns } = await inferProtobufColumns(registry, 't', false);
    expect(columns.map((c) => [c.name, formatType(c.type)])).toEqual([['B', 'STRUCT<`N` STRING>']]);
  });

  it('a type from an import nobody supplied names the field', () => {
    const noImport = Buffer.from(toBinary(FileDescriptorProtoSchema, create(FileDescriptorProtoSchema, {
      name: 'x.proto', package: 'x', syntax: 'proto3', dependency: ['other.proto'],
      messageType: [{ name: 'A', field: [{ name: 'b', number: 1, label: 1, type: 11, typeName: '.other.B' }] }],
    }))).toString('base64');
    expect(() => parseProto(noImport)).toThrow(/type \.other\.B of field A\.b is not defined/);
  });
});

describe('oneofs as ksqlDB reads them (Connect: a STRUCT <oneof>_<index> per oneof, ahead of the other fields)', () => {
  it('infers the same columns from the descriptor and from the text', () => {
    const expected = [
      ['PAYMENT_0', 'STRUCT<`CARD` STRING, `TRANSFER` STRUCT<`IBAN` STRING>>'], ['SOURCE_1', 'STRUCT<`WEB` STRING, `STORE` INTEGER>'],
      ['ID', 'INTEGER'], ['NOTE', 'STRING'], ['COUNTS', 'MAP<STRING, BIGINT>'], ['LINES', 'ARRAY<STRUCT<`SKU` STRING, `QTY` BIGINT>>'],
      ['AT', 'TIMESTAMP'], ['TAG', 'STRING'], ['TOTAL', 'DECIMAL(10, 2)'], ['STATUS', 'STRING'], ['DELTA', 'BIGINT'],
    ];
    expect(columnsOf(parseProto(ORDER_DESCRIPTOR))).toEqual(expected);
    expect(columnsOf(parseProto(ORDER_PROTO))).toEqual(expected);
  });

  it('reads records @bufbuild/protobuf wrote with the protoc descriptor: the member set, the others NULL; no member, NULL', async () => {
    const registry = new InProcessRegistry();
    const id = await registry.register('events-value', { schemaType: 'PROTOBUF', schema: EVENT_DESCRIPTOR });
    const { columns } = await inferProtobufColumns(registry, 'events', false);
    expect(columns.map((c) => [c.name, formatType(c.type)])).toEqual([
      ['BODY_0', 'STRUCT<`CLICK` STRUCT<`X` INTEGER, `Y` INTEGER>, `NOTE` STRING, `AMOUNT` BIGINT>'], ['ID', 'STRING'], ['AT', 'TIMESTAMP'],
    ]);
    const Event = eventMessage();
    const frame = (body: Uint8Array): Uint8Array => Buffer.concat([Buffer.from([0, 0, 0, 0, id, 0]), body]);
    const records = [
      create(Event, { id: 'a', body: { case: 'click', value: { x: 3, y: -4 } }, at: timestampFromMs(1_700_000_000_123) } as never),
      create(Event, { id: 'b', body: { case: 'amount', value: 0n } } as never),
      create(Event, { id: 'c', body: { case: 'note', value: 'hi' } } as never),
      create(Event, { id: 'd' } as never),
    ].map((m) => frame(toBinary(Event, m)));
    const serde = createProtobufSerde(columns, { isKey: false, schemas: protoSchemas(registry) });
    await serde.prefetch!(records[0]);
    expect(records.map((r) => serde.deserialize(r, 'events'))).toEqual([
      [{ CLICK: { X: 3, Y: -4 }, NOTE: null, AMOUNT: null }, 'a', 1_700_000_000_123],
      [{ CLICK: null, NOTE: null, AMOUNT: 0 }, 'b', null], // a member set to its zero is still set
      [{ CLICK: null, NOTE: 'hi', AMOUNT: null }, 'c', null],
      [null, 'd', null],
    ]);
  });

  it('writes a oneof column into a registered schema (VALUE_SCHEMA_ID) so @bufbuild/protobuf reads the member back', async () => {
    const registry = new InProcessRegistry();
    const id = await registry.register('events-value', { schemaType: 'PROTOBUF', schema: EVENT_DESCRIPTOR });
    const { columns } = await inferProtobufColumns(registry, 'events', false, { schemaId: id });
    await protoSchemas(registry).require(id);
    const serde = createProtobufSerde(columns, { isKey: false, schemas: protoSchemas(registry), schemaId: id });
    const bytes = serde.serialize([{ click: null, note: 'x', amount: null }, 'e', 5_000], 'events')!;
    const Event = eventMessage();
    const got = fromBinary(Event, bytes.subarray(6)) as unknown as { id: string; body: { case: string; value: unknown }; at: { seconds: bigint } };
    expect([got.id, got.body.case, got.body.value, got.at.seconds]).toEqual(['e', 'note', 'x', 5n]);
    expect(serde.deserialize(bytes, 'events')).toEqual([{ click: null, note: 'x', amount: null }, 'e', 5_000]);
  });
});
